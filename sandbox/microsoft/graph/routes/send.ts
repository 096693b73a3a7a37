import {
	GraphError,
	MESSAGES,
	invalidRecipients,
	requestTooLarge,
	unreadableBody,
} from '../errors';
import { empty, isObject, jsonBody, prop } from '../http';
import { readMessageInput, type MessageInput } from '../message-input';
import { draftFields, responseFields, submit, type ResponseKind } from '../mail-flow';
import type { StoredMessage } from '../model';
import { authorize, type Handler } from './common';
import { messageResponse } from './messages-read';

function inlineAttachmentsFit(context: Parameters<Handler>[0], input: MessageInput): void {
	const total = (input.attachments ?? []).reduce((sum, a) => sum + a.bytes.length, 0);
	if (total > context.settings.maxInlineAttachmentBytes) throw requestTooLarge();
}

/**
 * POST …/sendMail {message, saveToSentItems}: 202 Accepted, no body (user: sendMail). The
 * message is saved in Sent Items unless saveToSentItems is false.
 */
export const sendMail: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'send');
	const body = jsonBody(request);
	const message = prop(body, 'message');
	if (!isObject(message))
		throw unreadableBody("The parameter 'message' is missing or not an object.");
	const save = prop(body, 'saveToSentItems');
	if (save !== undefined && typeof save !== 'boolean' && save !== 'true' && save !== 'false') {
		throw unreadableBody("The parameter 'saveToSentItems' must be a boolean.");
	}
	const input = readMessageInput(message);
	inlineAttachmentsFit(context, input);
	const fields = draftFields(context, mailbox, input);
	submit(context, mailbox, fields, save !== false && save !== 'false');
	return empty(202);
};

/** POST …/messages/{id}/send: sends a draft (202); it moves to Sent Items with a new id. */
export const sendDraft: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'send');
	const { store } = context;
	const draft = store.message(mailbox, params.message ?? '', folderIdOf(context, params, mailbox));
	if (!draft.isDraft) {
		// Chosen: Exchange refuses to send an item that was already sent.
		throw new GraphError(400, 'ErrorInvalidOperation', 'Only draft messages can be sent.');
	}
	const recipients = [...draft.toRecipients, ...draft.ccRecipients, ...draft.bccRecipients];
	if (recipients.length === 0) throw invalidRecipients(MESSAGES.noRecipients);
	submit(context, mailbox, { ...draft }, true);
	store.remove(mailbox, draft);
	return empty(202);
};

function folderIdOf(
	context: Parameters<Handler>[0],
	params: Parameters<Handler>[2],
	mailbox: Parameters<typeof context.store.folder>[0],
): string | undefined {
	return params.folder ? context.store.folder(mailbox, params.folder).id : undefined;
}

const KINDS: Record<string, ResponseKind> = {
	reply: 'reply',
	replyall: 'replyAll',
	forward: 'forward',
	createreply: 'reply',
	createreplyall: 'replyAll',
	createforward: 'forward',
};

function readResponseBody(request: Parameters<Handler>[1], kind: ResponseKind) {
	const body = jsonBody(request, true);
	const comment = prop(body, 'comment');
	if (comment !== undefined && typeof comment !== 'string') {
		throw unreadableBody("The parameter 'comment' must be a string.");
	}
	const message = prop(body, 'message');
	if (message !== undefined && !isObject(message)) {
		throw unreadableBody("The parameter 'message' must be an object.");
	}
	const input = message ? readMessageInput(message) : {};
	const to = prop(body, 'toRecipients');
	if (to !== undefined) {
		if (kind !== 'forward') throw unreadableBody("The parameter 'toRecipients' is for forward.");
		input.toRecipients = readMessageInput({ toRecipients: to }).toRecipients;
	}
	return { comment: comment ?? '', input };
}

/** POST …/{id}/reply, replyAll, forward {comment, message?, toRecipients?}: 202, sent at once. */
export const respond: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'send');
	const kind = KINDS[params.action ?? ''];
	const original = context.store.message(
		mailbox,
		params.message ?? '',
		folderIdOf(context, params, mailbox),
	);
	const { comment, input } = readResponseBody(request, kind);
	inlineAttachmentsFit(context, input);
	const fields = responseFields(context, mailbox, original, kind, comment, input);
	submit(context, mailbox, fields, true);
	return empty(202);
};

/** POST …/{id}/createReply, createReplyAll, createForward: 201 with a draft in Drafts. */
export const createResponse: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'write');
	const { store } = context;
	const kind = KINDS[params.action ?? ''];
	const original: StoredMessage = store.message(
		mailbox,
		params.message ?? '',
		folderIdOf(context, params, mailbox),
	);
	const { comment, input } = readResponseBody(request, kind);
	inlineAttachmentsFit(context, input);
	const fields = responseFields(context, mailbox, original, kind, comment, input);
	const draft = store.insert(mailbox, store.wellKnown(mailbox, 'drafts').id, fields);
	return messageResponse(request, draft, 201);
};
