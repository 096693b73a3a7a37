import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { bodyPreference } from '../../helpers/list-options';
import { idSegment, mailboxPath } from '../../helpers/mailbox';
import { messageOutput, selectFor } from '../../helpers/output';
import { downloadAttachments } from '../../helpers/download';
import { graphRequest } from '../../transport';

/** One message by its ID, with its attachments as binary properties on request. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(this, itemIndex);
	const id = this.getNodeParameter('messageId', itemIndex) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const output = this.getNodeParameter('output', itemIndex, 'simplified') as string;
	const path = `${mailbox}/messages/${idSegment(id)}`;
	const { body: message } = await graphRequest<IDataObject>(this, {
		method: 'GET',
		path,
		qs: { $select: selectFor(options.fields, output) },
		headers: bodyPreference(options.bodyFormat),
		target: `message ${id}`,
	});
	const item: INodeExecutionData = { json: messageOutput(message, output) };
	if (options.downloadAttachments === true) {
		item.binary = await downloadAttachments(
			this,
			path,
			String(options.binaryPrefix ?? 'attachment_'),
		);
	}
	return [item];
}
