import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateMessage } from './update';

/** Replaces the message's categories (an empty list clears them). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const value = this.getNodeParameter('categories', itemIndex, '') as string | string[];
	const categories = (Array.isArray(value) ? value : value.split(','))
		.map((category) => String(category).trim())
		.filter((category) => category !== '');
	return await updateMessage(this, itemIndex, { categories });
}
