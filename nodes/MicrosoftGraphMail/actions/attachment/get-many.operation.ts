import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { listAttachments } from '../../helpers/download';
import { idSegment, mailboxPath } from '../../helpers/mailbox';

/** A message's attachments: name, type, size, inline or not (no content). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(this, itemIndex);
	const id = this.getNodeParameter('messageId', itemIndex) as string;
	const attachments = await listAttachments(this, `${mailbox}/messages/${idSegment(id)}`);
	return attachments.map((attachment) => ({
		json: {
			id: attachment.id,
			messageId: id,
			name: attachment.name,
			contentType: attachment.contentType,
			size: attachment.size,
			isInline: attachment.isInline,
			lastModifiedDateTime: attachment.lastModifiedDateTime,
		},
	}));
}
