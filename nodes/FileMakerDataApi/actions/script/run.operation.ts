import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/node-error';
import { layoutParameter, optionsParameter } from '../../helpers/parameters';
import type { ScriptOptions } from '../../helpers/scripts';
import { scriptOutcome } from '../../helpers/scripts';
import { fileMakerRequest, onLayout } from '../../transport';
import { layoutLocator, onScriptErrorOption, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...layoutLocator, description: 'The layout the script starts on (its context)' },
	{
		displayName: 'Script',
		name: 'script',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchScripts', searchable: true },
			},
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Send Invoice' },
		],
	},
	{
		displayName: 'Script Parameter',
		name: 'scriptParameter',
		type: 'string',
		default: '',
		description: 'Text passed to the script; read it with Get ( ScriptParameter )',
	},
	optionsCollection([onScriptErrorOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['script'], operation: ['run'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const script = String(
		this.getNodeParameter('script', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!script)
		throw new InputError('No script is selected', 'Pick a script from the list or enter its name.');
	const parameter = this.getNodeParameter('scriptParameter', itemIndex, '') as string;
	const options = optionsParameter<ScriptOptions>(this, itemIndex);

	const { response } = await fileMakerRequest(this, {
		method: 'GET',
		...onLayout(layout, 'script', script),
		qs: parameter === '' ? undefined : { 'script.param': parameter },
	});
	const outcome = scriptOutcome(response, { ...options, script });
	return [{ json: { script, scriptResult: '', ...outcome } }];
}
