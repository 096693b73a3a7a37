import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listScripts } from '../../helpers/layout-metadata';

const properties: INodeProperties[] = [
	{
		displayName: 'Scripts in folders are listed with their folder path; separators are left out.',
		name: 'scriptsNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['script'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return (await listScripts(this)).map((script) => ({ json: script }));
}
