import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateMessage } from './update';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await updateMessage(this, itemIndex, { isRead: false });
}
