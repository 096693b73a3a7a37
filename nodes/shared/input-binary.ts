import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * The written records with the input item's files: a mail's attachments pass a Create or Update
 * on their way to a container field (binary data is held by reference, so nothing is copied).
 */
export function withInputBinary(
	context: IExecuteFunctions,
	itemIndex: number,
	items: INodeExecutionData[],
): INodeExecutionData[] {
	const binary = context.getInputData()[itemIndex]?.binary;
	if (!binary || Object.keys(binary).length === 0) return items;
	return items.map((item) => ({ ...item, binary: item.binary ?? binary }));
}
