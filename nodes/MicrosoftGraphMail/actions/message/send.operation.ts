import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { undoingOnFailure } from '../../../../lib/shared/on-failure';
import { InputError } from '../../../shared/node-error';
import {
	INLINE_LIMIT_BYTES,
	attachToDraft,
	filesToAttach,
	fitsInOneRequest,
	inlineAttachment,
	totalBytes,
} from '../../helpers/attachments';
import { composedMessage } from '../../helpers/compose';
import { idSegment, mailboxPath } from '../../helpers/mailbox';
import { graphRequest } from '../../transport';

/**
 * Sends a message from the mailbox. With attachments of up to 3 MB in all (and a request within
 * Graph's 4 MB once they are base64), one `sendMail`; above, a draft, its attachments (an upload
 * session for each file of about 3 MB or more) and `send`. If that fails half-way, the draft is
 * deleted again, so nothing half-made stays behind.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const mailbox = mailboxPath(this, itemIndex);
	const message = composedMessage(this, itemIndex);
	if ((message.toRecipients as unknown[]).length === 0) {
		throw new InputError('The message has no recipient', 'Enter at least one address in To.');
	}
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const files = await filesToAttach(this, itemIndex, String(extra.attachments ?? ''));
	const summary = {
		sent: true,
		subject: message.subject,
		to: (message.toRecipients as Array<{ emailAddress: { address: string } }>).map(
			(recipient) => recipient.emailAddress.address,
		),
		attachments: files.map((file) => ({ name: file.name, size: file.bytes.length })),
	};
	const sendMail = {
		message: { ...message, attachments: files.map(inlineAttachment) },
		saveToSentItems: extra.saveToSentItems !== false,
	};
	if (totalBytes(files) <= INLINE_LIMIT_BYTES && fitsInOneRequest(sendMail)) {
		await graphRequest(this, {
			method: 'POST',
			path: `${mailbox}/sendMail`,
			body: sendMail,
			target: 'sendMail',
		});
		return [{ json: summary }];
	}
	const { body: draft } = await graphRequest<IDataObject>(this, {
		method: 'POST',
		path: `${mailbox}/messages`,
		body: message,
		target: 'a draft for the message',
	});
	const messagePath = `${mailbox}/messages/${idSegment(String(draft.id))}`;
	await undoingOnFailure(
		async () => {
			await attachToDraft(this, messagePath, files);
			await graphRequest(this, { method: 'POST', path: `${messagePath}/send`, target: 'send' });
		},
		async () => await graphRequest(this, { method: 'DELETE', path: messagePath }),
	);
	return [{ json: summary }];
}
