import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idSegment, mailboxPath } from '../../helpers/mailbox';
import { graphRequest } from '../../transport';

/** Moves a message to Deleted Items, or deletes it for good (`permanentDelete`). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(this, itemIndex);
	const id = this.getNodeParameter('messageId', itemIndex) as string;
	const permanently = this.getNodeParameter('permanently', itemIndex, false) as boolean;
	const path = `${mailbox}/messages/${idSegment(id)}`;
	await graphRequest(this, {
		method: permanently ? 'POST' : 'DELETE',
		path: permanently ? `${path}/permanentDelete` : path,
		target: `message ${id}`,
	});
	return [{ json: { deleted: true, permanently, messageId: id } }];
}
