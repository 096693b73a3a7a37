import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { idSegment, mailboxPath } from '../../helpers/mailbox';
import { graphRequest } from '../../transport';

/**
 * Deletes a message: Graph's DELETE puts it into Recoverable Items (not Deleted Items, which is
 * a Move), `permanentDelete` removes it for good.
 */
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
