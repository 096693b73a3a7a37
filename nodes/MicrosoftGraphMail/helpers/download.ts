import type { IBinaryKeyData, IDataObject, IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { graphList, graphRequest } from '../transport';
import { idSegment } from './mailbox';

/** The file attachments of a message, listed without their content. */
export async function listAttachments(
	context: IExecuteFunctions | IPollFunctions,
	messagePath: string,
): Promise<IDataObject[]> {
	return await graphList(context, {
		method: 'GET',
		path: `${messagePath}/attachments`,
		qs: { $select: 'id,name,contentType,size,isInline,lastModifiedDateTime' },
		target: 'attachments',
	});
}

/** One attachment's bytes (`…/attachments/<id>/$value`), any size. */
export async function attachmentBytes(
	context: IExecuteFunctions | IPollFunctions,
	messagePath: string,
	attachmentId: string,
): Promise<Buffer> {
	const { body } = await graphRequest<ArrayBuffer | Buffer>(context, {
		method: 'GET',
		path: `${messagePath}/attachments/${idSegment(attachmentId)}/$value`,
		binary: true,
		headers: { Accept: '*/*' },
		target: `attachment ${attachmentId}`,
	});
	return Buffer.isBuffer(body) ? body : Buffer.from(body);
}

/** Every file attachment of a message as binary properties `<prefix>0`, `<prefix>1`, … */
export async function downloadAttachments(
	context: IExecuteFunctions | IPollFunctions,
	messagePath: string,
	prefix: string,
): Promise<IBinaryKeyData> {
	const binary: IBinaryKeyData = {};
	const attachments = (await listAttachments(context, messagePath)).filter(
		(attachment) =>
			attachment['@odata.type'] === undefined ||
			attachment['@odata.type'] === '#microsoft.graph.fileAttachment',
	);
	for (const [index, attachment] of attachments.entries()) {
		const bytes = await attachmentBytes(context, messagePath, String(attachment.id));
		binary[`${prefix}${index}`] = await context.helpers.prepareBinaryData(
			bytes,
			String(attachment.name ?? `attachment-${index}`),
			String(attachment.contentType ?? 'application/octet-stream'),
		);
	}
	return binary;
}
