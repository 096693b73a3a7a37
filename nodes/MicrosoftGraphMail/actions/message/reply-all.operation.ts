import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { respond } from './respond';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await respond(this, itemIndex, 'replyAll');
}
