import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { writeByFilter } from './by-filter';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await writeByFilter(this, itemIndex, 'DELETE');
}
