import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, toNodeError } from './node-error';
import { appendPaired } from './paired-items';

/**
 * Runs `operation` once per input item: its items paired with the input item, and with Continue
 * On Fail an error item in place of a failed item's result (on the error output, when the node
 * has one).
 */
export async function runPerItem(
	context: IExecuteFunctions,
	operation: (itemIndex: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const returnData: INodeExecutionData[] = [];
	const items = context.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			appendPaired(returnData, await operation(itemIndex), itemIndex);
		} catch (caught) {
			const error = toNodeError(context.getNode(), caught, itemIndex);
			if (!context.continueOnFail()) throw error;
			returnData.push(errorItem(context.getNode(), error, itemIndex));
		}
	}
	return returnData;
}
