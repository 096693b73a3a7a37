import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../shared/node-error';
import type { ReadOptions } from './read-options';

export function layoutParameter(context: IExecuteFunctions, itemIndex: number): string {
	const layout = String(
		context.getNodeParameter('layout', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!layout)
		throw new InputError('No layout is selected', 'Pick a layout from the list or enter its name.');
	return layout;
}

/** FileMaker record IDs are positive whole numbers; anything else is a mistake worth naming. */
export function recordIdParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'recordId',
): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!/^[1-9]\d*$/.test(value)) {
		throw new InputError(
			value ? `"${value}" is not a FileMaker record ID` : 'The record ID is empty',
			'Record IDs are whole numbers such as 42; map recordId from the output of a Get, Find or Create operation.',
		);
	}
	return value;
}

export function containerFieldParameter(context: IExecuteFunctions, itemIndex: number): string {
	const field = String(context.getNodeParameter('containerField', itemIndex, '') ?? '').trim();
	if (!field)
		throw new InputError('No container field is selected', 'Pick a container field of the layout.');
	return field;
}

export function optionsParameter<T = ReadOptions>(
	context: IExecuteFunctions,
	itemIndex: number,
): T {
	return context.getNodeParameter('options', itemIndex, {}) as T;
}
