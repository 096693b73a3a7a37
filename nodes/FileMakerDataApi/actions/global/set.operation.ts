import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { GlobalFieldEntry } from '../../helpers/global-fields';
import { globalFieldData, setGlobalFields } from '../../helpers/global-fields';
import { InputError } from '../../../shared/node-error';
import { globalFieldsProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Global fields belong to the Data API session. This node keeps one session per credential across executions, so a value set here stays set for every workflow using the credential until the session ends (15 minutes without a request). To keep values to one operation, use its option "Global Fields (Own Session)" instead.',
		name: 'globalsNotice',
		type: 'notice',
		default: '',
	},
	globalFieldsProperty({ displayName: 'Global Fields', name: 'globalFields' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['globalField'], operation: ['set'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const entries = this.getNodeParameter('globalFields.field', itemIndex, []) as GlobalFieldEntry[];
	const globalFields = globalFieldData(entries);
	if (Object.keys(globalFields).length === 0) {
		throw new InputError('Add at least one global field to set');
	}
	await setGlobalFields(this, globalFields);
	return [{ json: { globalFields } }];
}
