import type { IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../../shared/node-error';

/** The table a resource locator names, trimmed. */
export function tableParameter(context: IExecuteFunctions, itemIndex: number): string {
	const table = String(
		context.getNodeParameter('table', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!table)
		throw new InputError('Choose a table', 'Pick the table from the list or give its name.');
	return table;
}
