import type { GraphContext } from '../context';
import { GraphError, MESSAGES, itemNotFound, unauthorized } from '../errors';
import { empty, isoTicks, json, type GraphRequest, type GraphResponse } from '../http';
import { storeAttachment } from '../message-input';
import type { UploadSession } from '../upload-sessions';

/**
 * The upload URL of an attachment upload session (outlook.office.com's, in the docs): PUT
 * byte ranges in order with `Content-Range: bytes a-b/total`, no `Authorization` header (the
 * URL's `authtoken` is the credential). Each PUT but the last answers 200 with
 * `ExpirationDateTime` and `nextExpectedRanges: ["<next byte>"]`; the last answers 201 with a
 * `Location` naming the attachment and no body; DELETE cancels (204).
 * ("Attach large files to Outlook messages or events".) Chosen where the guide is silent: the
 * error answers (codes from Graph's error list: invalidRange, fragmentOutOfOrder, …) and the
 * 401 when an Authorization header comes along.
 */
export function handleUpload(context: GraphContext, request: GraphRequest): GraphResponse {
	const session = sessionOf(context, request);
	if (request.method === 'DELETE') {
		context.uploads.delete(session.id);
		return empty(204);
	}
	if (request.method !== 'PUT') {
		throw new GraphError(405, 'ErrorInvalidRequest', 'Use PUT to upload or DELETE to cancel.');
	}
	const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers['content-range']?.trim() ?? '');
	if (!range) {
		throw new GraphError(
			400,
			'invalidRequest',
			"The 'Content-Range' header is missing or malformed.",
		);
	}
	const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
	if (total !== session.size) {
		throw fragment(
			400,
			'invalidRequest',
			'fragmentLengthMismatch',
			'Declared total size for this fragment is different from that of the upload session.',
		);
	}
	if (end < start || end >= total) {
		throw fragment(
			416,
			'invalidRange',
			'invalidRange',
			'The specified byte range is invalid or unavailable.',
		);
	}
	if (start < session.received) {
		throw fragment(
			416,
			'invalidRange',
			'fragmentOverlap',
			'Uploaded fragment overlaps with existing data.',
		);
	}
	if (start > session.received) {
		throw fragment(416, 'invalidRange', 'fragmentOutOfOrder', 'Uploaded fragment is out of order.');
	}
	const length = end - start + 1;
	if (request.body.length !== length) {
		throw new GraphError(
			400,
			'invalidRequest',
			`The Content-Range header names ${length} bytes but the request carried ${request.body.length}.`,
		);
	}
	const { maxUploadChunkBytes, uploadChunkMultiple } = context.settings;
	if (length > maxUploadChunkBytes) {
		throw fragment(
			413,
			'invalidRequest',
			'maxFragmentLengthExceeded',
			`A fragment may carry at most ${maxUploadChunkBytes} bytes.`,
		);
	}
	const last = end + 1 === total;
	if (!last && uploadChunkMultiple > 0 && length % uploadChunkMultiple !== 0) {
		throw fragment(
			400,
			'invalidRequest',
			'invalidFragmentLength',
			`Every fragment but the last must be a multiple of ${uploadChunkMultiple} bytes.`,
		);
	}
	session.chunks.push(Buffer.from(request.body));
	session.received += length;
	if (!last) {
		return json(200, {
			'@odata.context': `${request.origin}/upload/api/v2.0/$metadata#Users('${session.mailboxId}')/Messages('${session.messageId}')/AttachmentSessions/$entity`,
			ExpirationDateTime: isoTicks(session.expiresAt),
			nextExpectedRanges: [String(session.received)],
		});
	}
	return complete(context, request, session);
}

function complete(context: GraphContext, request: GraphRequest, session: UploadSession) {
	context.uploads.delete(session.id);
	const mailbox = context.store.find(session.mailboxId);
	const message = mailbox?.messages.get(session.messageId);
	if (!mailbox || !message) throw itemNotFound();
	const attachment = storeAttachment(
		{
			name: session.name,
			contentType: session.contentType,
			isInline: session.isInline,
			contentId: session.contentId,
			bytes: Buffer.concat(session.chunks),
		},
		context.clock.now(),
	);
	message.attachments.push(attachment);
	context.store.touch(mailbox, message);
	context.counters.countEvent('uploadsCompleted');
	return empty(201, {
		Location:
			`${request.origin}/upload/api/v2.0/Users('${session.mailboxId}@${context.settings.tenantId}')` +
			`/Messages('${message.id}')/Attachments('${attachment.id}')`,
	});
}

function sessionOf(context: GraphContext, request: GraphRequest): UploadSession {
	if (request.headers.authorization !== undefined) {
		// Chosen: what Outlook answers a Graph token on its own resource.
		throw unauthorized(
			"The audience claim value is invalid for current resource. Do not send an 'Authorization' header to an upload URL: it carries its own authtoken.",
		);
	}
	const path = safeDecode(request.rawPath);
	const id = /AttachmentSessions\('((?:[^']|'')*)'\)/i.exec(path)?.[1]?.replace(/''/g, "'");
	const session = id === undefined ? undefined : context.uploads.get(id);
	if (!session) throw itemNotFound();
	if (request.query.get('authtoken') !== session.authToken)
		throw unauthorized(MESSAGES.tokenInvalid);
	if (context.clock.now() >= session.expiresAt) throw unauthorized(MESSAGES.tokenExpired);
	return session;
}

function fragment(status: number, code: string, inner: string, message: string): GraphError {
	return new GraphError(status, code, message, {}, { code: inner });
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
