import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listLayouts } from '../../helpers/layout-metadata';

const properties: INodeProperties[] = [
	{
		displayName: 'Layouts in folders are listed with their folder path',
		name: 'layoutsNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['layout'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return (await listLayouts(this)).map((layout) => ({ json: layout }));
}
