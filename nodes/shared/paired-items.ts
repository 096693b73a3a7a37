import type { INodeExecutionData } from 'n8n-workflow';

/**
 * Appends an operation's items to the node's output, each paired with the input item it came
 * from. In place, and in a loop: `constructExecutionMetaData` copies every item and
 * `push(...items)` overflows the call stack, both felt with Return All (bench/, parts b and d).
 */
export function appendPaired(
	output: INodeExecutionData[],
	items: INodeExecutionData[],
	itemIndex: number,
): void {
	for (const item of items) {
		item.pairedItem ??= { item: itemIndex };
		output.push(item);
	}
}
