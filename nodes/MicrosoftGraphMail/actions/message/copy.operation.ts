import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { relocate } from './relocate';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await relocate(this, itemIndex, 'copy');
}
