import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { attachmentBytes } from '../../helpers/download';
import { idSegment, mailboxPath } from '../../helpers/mailbox';
import { graphRequest } from '../../transport';

/** One attachment as a binary property, with its name and type. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(this, itemIndex);
	const messageId = this.getNodeParameter('messageId', itemIndex) as string;
	const attachmentId = this.getNodeParameter('attachmentId', itemIndex) as string;
	const property = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const messagePath = `${mailbox}/messages/${idSegment(messageId)}`;
	const { body: meta } = await graphRequest<IDataObject>(this, {
		method: 'GET',
		path: `${messagePath}/attachments/${idSegment(attachmentId)}`,
		qs: { $select: 'id,name,contentType,size' },
		target: `attachment ${attachmentId}`,
	});
	const bytes = await attachmentBytes(this, messagePath, attachmentId);
	const binary = await this.helpers.prepareBinaryData(
		bytes,
		String(meta.name ?? 'attachment'),
		String(meta.contentType ?? 'application/octet-stream'),
	);
	return [
		{
			json: {
				id: meta.id,
				messageId,
				name: meta.name,
				contentType: meta.contentType,
				size: meta.size,
			},
			binary: { [property]: binary },
		},
	];
}
