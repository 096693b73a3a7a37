import {
	GraphError,
	MESSAGES,
	idMalformed,
	itemNotFound,
	requestTooLarge,
	unreadableBody,
} from '../errors';
import { isWellFormedId } from '../ids';
import { empty, isObject, isoTicks, json, jsonBody, option, prop } from '../http';
import { contentTypeFor, readFileAttachment, storeAttachment } from '../message-input';
import { messageBytes } from '../mail-flow';
import type { Mailbox, StoredAttachment, StoredMessage } from '../model';
import { attachmentJson, parseAttachmentSelect } from '../serialize';
import type { GraphContext } from '../context';
import { authorize, contextPath, metadata, type Handler, type RouteParams } from './common';

function target(context: GraphContext, params: RouteParams, mailbox: Mailbox): StoredMessage {
	const folder = params.folder ? context.store.folder(mailbox, params.folder) : undefined;
	return context.store.message(mailbox, params.message ?? '', folder?.id);
}

function findAttachment(message: StoredMessage, id: string): StoredAttachment {
	const attachment = message.attachments.find((item) => item.id === id);
	if (attachment) return attachment;
	if (!isWellFormedId(id)) throw idMalformed();
	throw itemNotFound();
}

/** GET …/messages/{id}/attachments (`$select` without contentBytes for metadata only). */
export const listAttachments: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'read');
	const message = target(context, params, mailbox);
	const select = parseAttachmentSelect(option(request, '$select'));
	return json(200, {
		'@odata.context': metadata(
			request,
			`${contextPath(mailbox)}/messages('${message.id}')/attachments`,
		),
		value: message.attachments.map((attachment) => attachmentJson(attachment, select)),
	});
};

/** GET …/attachments/{id}, and …/attachments/{id}/$value (the raw bytes). */
export const getAttachment: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'read');
	const message = target(context, params, mailbox);
	const attachment = findAttachment(message, params.attachment ?? '');
	if (params.action === '$value') {
		return {
			status: 200,
			headers: {
				'Content-Type': attachment.contentType,
				'Content-Length': String(attachment.bytes.length),
			},
			body: attachment.bytes,
		};
	}
	const select = parseAttachmentSelect(option(request, '$select'));
	return json(200, {
		'@odata.context': metadata(
			request,
			`${contextPath(mailbox)}/messages('${message.id}')/attachments/$entity`,
		),
		...attachmentJson(attachment, select),
	});
};

/** POST …/messages/{id}/attachments: a file attachment under 3 MB (Add attachment); 201. */
export const addAttachment: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'write');
	const message = target(context, params, mailbox);
	const input = readFileAttachment(jsonBody(request));
	if (input.bytes.length > context.settings.maxInlineAttachmentBytes) throw requestTooLarge();
	const attachment = storeAttachment(input, context.clock.now());
	if (messageBytes(message) + attachment.bytes.length > context.settings.maxMessageBytes) {
		throw new GraphError(400, 'ErrorMessageSizeExceeded', MESSAGES.messageTooLarge);
	}
	message.attachments.push(attachment);
	context.store.touch(mailbox, message);
	return json(201, {
		'@odata.context': metadata(
			request,
			`${contextPath(mailbox)}/messages('${message.id}')/attachments/$entity`,
		),
		...attachmentJson(attachment),
	});
};

export const deleteAttachment: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'write');
	const message = target(context, params, mailbox);
	const attachment = findAttachment(message, params.attachment ?? '');
	message.attachments = message.attachments.filter((item) => item !== attachment);
	context.store.touch(mailbox, message);
	return empty(204);
};

/**
 * POST …/attachments/createUploadSession {AttachmentItem}: 201 with an uploadSession whose
 * `uploadUrl` is on the sandbox (`/upload/…?authtoken=…`, shaped like Outlook's) and
 * `nextExpectedRanges: ["0-"]`. Files under 3 MB: ErrorAttachmentSizeShouldNotBeLessThanMinimumSize.
 */
export const createUploadSession: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'write');
	const message = target(context, params, mailbox);
	const item = prop(jsonBody(request), 'AttachmentItem');
	if (!isObject(item)) throw unreadableBody("The parameter 'AttachmentItem' is missing.");
	const type = prop(item, 'attachmentType');
	if (type !== undefined && String(type).toLowerCase() !== 'file') {
		throw unreadableBody(`The sandbox uploads attachmentType 'file' only, not '${String(type)}'.`);
	}
	const name = prop(item, 'name');
	const size = prop(item, 'size');
	if (typeof name !== 'string' || name === '') throw unreadableBody('AttachmentItem needs a name.');
	if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
		throw unreadableBody('AttachmentItem needs a size in bytes.');
	}
	if (size < context.settings.minUploadBytes) {
		// The error the large-attachments guide names; its message is chosen.
		throw new GraphError(
			400,
			'ErrorAttachmentSizeShouldNotBeLessThanMinimumSize',
			'Attachment size must be greater than the minimum size.',
		);
	}
	if (messageBytes(message) + size > context.settings.maxMessageBytes) {
		throw new GraphError(400, 'ErrorMessageSizeExceeded', MESSAGES.messageTooLarge);
	}
	const contentType = prop(item, 'contentType');
	const contentId = prop(item, 'contentId');
	const session = context.uploads.create({
		mailboxId: mailbox.id,
		messageId: message.id,
		name,
		contentType: typeof contentType === 'string' ? contentType : contentTypeFor(name),
		isInline: prop(item, 'isInline') === true,
		contentId: typeof contentId === 'string' ? contentId : null,
		size,
		expiresAt: context.clock.now() + context.settings.uploadSessionLifetimeMs,
	});
	const uploadUrl =
		`${context.uploadOrigin ?? request.origin}/upload/api/v2.0/Users('${mailbox.id}@${context.settings.tenantId}')` +
		`/Messages('${message.id}')/AttachmentSessions('${session.id}')?authtoken=${session.authToken}`;
	return json(201, {
		'@odata.context': metadata(request, 'microsoft.graph.uploadSession'),
		uploadUrl,
		expirationDateTime: isoTicks(session.expiresAt),
		nextExpectedRanges: ['0-'],
	});
};
