import { GraphError, MESSAGES, requestTooLarge, unknownBodyProperty } from '../errors';
import { empty, jsonBody, prop } from '../http';
import { applyInput, draftOnlyProperties, isReadOnly, readMessageInput } from '../message-input';
import { draftFields } from '../mail-flow';
import { RECOVERABLE_DELETIONS } from '../store';
import { authorize, type Handler } from './common';
import { messageResponse } from './messages-read';

/** POST …/messages (a draft in Drafts) or …/mailFolders/{id}/messages (in that folder): 201. */
export const createDraft: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'write');
	const { store } = context;
	const folder = params.folder
		? store.folder(mailbox, params.folder)
		: store.wellKnown(mailbox, 'drafts');
	const input = readMessageInput(jsonBody(request, true));
	const tooBig = (input.attachments ?? []).some(
		(attachment) => attachment.bytes.length > context.settings.maxInlineAttachmentBytes,
	);
	if (tooBig) throw requestTooLarge();
	const message = store.insert(mailbox, folder.id, draftFields(context, mailbox, input));
	return messageResponse(request, message, 201);
};

/**
 * PATCH …/messages/{id}: isRead, categories, flag, importance, inferenceClassification on any
 * message; subject, body, recipients only on drafts (a sent message answers
 * ErrorInvalidPropertyUpdateSentMessage, chosen from EWS's codes). 200 with the message.
 */
export const patchMessage: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'write');
	const { store } = context;
	const folder = params.folder ? store.folder(mailbox, params.folder) : undefined;
	const message = store.message(mailbox, params.message ?? '', folder?.id);
	const body = jsonBody(request);
	for (const key of Object.keys(body)) {
		if (key.toLowerCase() === 'attachments') throw unknownBodyProperty(key);
	}
	const writable = Object.fromEntries(Object.entries(body).filter(([key]) => !isReadOnly(key)));
	const input = readMessageInput(writable);
	if (!message.isDraft && draftOnlyProperties(input).length > 0) {
		throw new GraphError(
			400,
			'ErrorInvalidPropertyUpdateSentMessage',
			'Update operation is invalid for property of a sent message.',
		);
	}
	applyInput(message, input);
	store.touch(mailbox, message);
	return messageResponse(request, message, 200);
};

/**
 * DELETE …/messages/{id}: 204. Graph soft-deletes: the message goes to Recoverable Items
 * (well-known `recoverableitemsdeletions`, outside the folder tree), not to Deleted Items.
 * Deleting from there answers ErrorCannotDeleteObject (status chosen).
 */
export const deleteMessage: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'write');
	const { store } = context;
	const folder = params.folder ? store.folder(mailbox, params.folder) : undefined;
	const message = store.message(mailbox, params.message ?? '', folder?.id);
	const deletions = store.wellKnown(mailbox, RECOVERABLE_DELETIONS);
	if (message.folderId === deletions.id) {
		throw new GraphError(400, 'ErrorCannotDeleteObject', MESSAGES.cannotDelete);
	}
	store.move(mailbox, message, deletions.id);
	return empty(204);
};

/**
 * POST …/messages/{id}/permanentDelete: 204. The message goes to the Purges folder of
 * Recoverable Items, out of reach of users; here it is simply gone.
 */
export const permanentlyDeleteMessage: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'write');
	const { store } = context;
	const folder = params.folder ? store.folder(mailbox, params.folder) : undefined;
	store.remove(mailbox, store.message(mailbox, params.message ?? '', folder?.id));
	return empty(204);
};

/** POST …/messages/{id}/move and /copy {destinationId}: 201 with the new message (new id). */
export const moveOrCopy: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'write');
	const { store } = context;
	const folder = params.folder ? store.folder(mailbox, params.folder) : undefined;
	const message = store.message(mailbox, params.message ?? '', folder?.id);
	const destinationId = prop(jsonBody(request), 'destinationId');
	if (typeof destinationId !== 'string' || destinationId === '') {
		throw new GraphError(400, 'ErrorInvalidIdMalformed', MESSAGES.idMalformed);
	}
	const destination = store.folder(mailbox, destinationId);
	const result =
		params.action === 'copy'
			? store.copy(mailbox, message, destination.id)
			: store.move(mailbox, message, destination.id);
	return messageResponse(request, result, 201);
};
