import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateMessage } from './update';

/** Sets the follow-up flag: flagged, complete, or not flagged. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const flagStatus = this.getNodeParameter('flagStatus', itemIndex, 'flagged') as string;
	return await updateMessage(this, itemIndex, { flag: { flagStatus } });
}
