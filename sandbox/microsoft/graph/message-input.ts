import { GraphError, unknownBodyProperty, unreadableBody, unresolvedRecipient } from './errors';
import { isObject, prop, type JsonObject } from './http';
import { newAttachmentId } from './ids';
import type {
	FlagStatus,
	Importance,
	ItemBody,
	Recipient,
	StoredAttachment,
	StoredMessage,
} from './model';
import { MESSAGE_PROPERTIES } from './query/schema';

/** Message properties a client may write (create, update, sendMail). */
export interface MessageInput {
	subject?: string;
	body?: ItemBody;
	from?: Recipient | null;
	sender?: Recipient | null;
	toRecipients?: Recipient[];
	ccRecipients?: Recipient[];
	bccRecipients?: Recipient[];
	replyTo?: Recipient[];
	importance?: Importance;
	categories?: string[];
	flag?: { flagStatus: FlagStatus };
	isRead?: boolean;
	isDeliveryReceiptRequested?: boolean;
	isReadReceiptRequested?: boolean;
	inferenceClassification?: 'focused' | 'other';
	internetMessageHeaders?: Array<{ name: string; value: string }>;
	attachments?: FileAttachmentInput[];
}

export interface FileAttachmentInput {
	name: string;
	contentType: string;
	isInline: boolean;
	contentId: string | null;
	bytes: Buffer;
}

const READ_ONLY = new Set(
	[
		'id',
		'createdDateTime',
		'lastModifiedDateTime',
		'changeKey',
		'receivedDateTime',
		'sentDateTime',
		'hasAttachments',
		'internetMessageId',
		'bodyPreview',
		'parentFolderId',
		'conversationId',
		'conversationIndex',
		'isDraft',
		'webLink',
		'uniqueBody',
	].map((name) => name.toLowerCase()),
);

const KNOWN = new Set(
	[...MESSAGE_PROPERTIES, 'attachments', 'extensions'].map((name) => name.toLowerCase()),
);

/**
 * Reads a message object from a request. Property names match case-insensitively; a name the
 * message type does not have is Graph's "does not exist on type" 400; read-only properties are
 * ignored (chosen); wrong value types are RequestBodyRead.
 */
export function readMessageInput(object: JsonObject): MessageInput {
	for (const key of Object.keys(object)) {
		if (key.startsWith('@odata.')) continue;
		if (!KNOWN.has(key.toLowerCase())) throw unknownBodyProperty(key);
	}
	const input: MessageInput = {};
	const subject = prop(object, 'subject');
	if (subject !== undefined) input.subject = text(subject, 'subject');
	const body = prop(object, 'body');
	if (body !== undefined) input.body = itemBody(body);
	for (const name of ['toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo'] as const) {
		const value = prop(object, name);
		if (value !== undefined) input[name] = recipients(value, name);
	}
	for (const name of ['from', 'sender'] as const) {
		const value = prop(object, name);
		if (value !== undefined) input[name] = value === null ? null : oneRecipient(value, name);
	}
	const importance = prop(object, 'importance');
	if (importance !== undefined) input.importance = choice(importance, 'importance', IMPORTANCE);
	const categories = prop(object, 'categories');
	if (categories !== undefined) {
		if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string')) {
			throw unreadableBody("The property 'categories' must be a collection of strings.");
		}
		input.categories = [...categories];
	}
	const flag = prop(object, 'flag');
	if (flag !== undefined) {
		if (!isObject(flag)) throw unreadableBody("The property 'flag' must be an object.");
		input.flag = { flagStatus: choice(prop(flag, 'flagStatus'), 'flagStatus', FLAG_STATUS) };
	}
	for (const name of ['isRead', 'isDeliveryReceiptRequested', 'isReadReceiptRequested'] as const) {
		const value = prop(object, name);
		if (value === undefined) continue;
		if (typeof value !== 'boolean')
			throw unreadableBody(`The property '${name}' must be a boolean.`);
		input[name] = value;
	}
	const classification = prop(object, 'inferenceClassification');
	if (classification !== undefined) {
		input.inferenceClassification = choice(classification, 'inferenceClassification', [
			'focused',
			'other',
		] as const);
	}
	const headers = prop(object, 'internetMessageHeaders');
	if (headers !== undefined) input.internetMessageHeaders = messageHeaders(headers);
	const attachments = prop(object, 'attachments');
	if (attachments !== undefined) {
		if (!Array.isArray(attachments)) {
			throw unreadableBody("The property 'attachments' must be a collection.");
		}
		input.attachments = attachments.map(readFileAttachment);
	}
	return input;
}

/** Whether the input names a property that only a draft may change. */
export function draftOnlyProperties(input: MessageInput): string[] {
	const draftOnly = [
		'subject',
		'body',
		'from',
		'sender',
		'toRecipients',
		'ccRecipients',
		'bccRecipients',
		'replyTo',
		'internetMessageHeaders',
		'attachments',
	] as const;
	return draftOnly.filter((name) => input[name] !== undefined);
}

export function isReadOnly(name: string): boolean {
	return READ_ONLY.has(name.toLowerCase());
}

const IMPORTANCE = ['low', 'normal', 'high'] as const;
const FLAG_STATUS = ['notFlagged', 'flagged', 'complete'] as const;

function choice<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
	if (typeof value === 'string') {
		const found = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
		if (found) return found;
	}
	// The OData reader's message for an enum value it cannot convert.
	throw new GraphError(
		400,
		'RequestBodyRead',
		`Cannot convert the literal '${String(value)}' to the expected type 'microsoft.graph.${name}'.`,
	);
}

function text(value: unknown, name: string): string {
	if (typeof value !== 'string') throw unreadableBody(`The property '${name}' must be a string.`);
	return value;
}

function itemBody(value: unknown): ItemBody {
	if (!isObject(value)) throw unreadableBody("The property 'body' must be an object.");
	const type = prop(value, 'contentType');
	const content = prop(value, 'content');
	return {
		contentType: type === undefined ? 'text' : choice(type, 'bodyType', ['text', 'html'] as const),
		content: content === undefined || content === null ? '' : text(content, 'content'),
	};
}

function oneRecipient(value: unknown, name: string): Recipient {
	const email = isObject(value) ? prop(value, 'emailAddress') : undefined;
	if (!isObject(email)) throw unreadableBody(`The property '${name}' must be a recipient.`);
	const address = prop(email, 'address');
	const display = prop(email, 'name');
	if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address)) {
		throw unresolvedRecipient(typeof address === 'string' ? address : '');
	}
	return {
		emailAddress: { name: typeof display === 'string' ? display : address, address },
	};
}

function recipients(value: unknown, name: string): Recipient[] {
	if (!Array.isArray(value)) throw unreadableBody(`The property '${name}' must be a collection.`);
	return value.map((item) => oneRecipient(item, name));
}

function messageHeaders(value: unknown): Array<{ name: string; value: string }> {
	if (!Array.isArray(value)) {
		throw unreadableBody("The property 'internetMessageHeaders' must be a collection.");
	}
	return value.map((item) => {
		const name = isObject(item) ? prop(item, 'name') : undefined;
		const headerValue = isObject(item) ? prop(item, 'value') : undefined;
		if (typeof name !== 'string' || typeof headerValue !== 'string') {
			throw unreadableBody('An internet message header needs a name and a value.');
		}
		if (!/^x-/i.test(name)) {
			// Graph: custom headers must start with "x-" (message resource type).
			throw new GraphError(
				400,
				'InvalidInternetMessageHeader',
				`The internet message header name '${name}' should start with 'x-' or 'X-'.`,
			);
		}
		return { name, value: headerValue };
	});
}

const CONTENT_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	txt: 'text/plain',
	csv: 'text/csv',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	json: 'application/json',
	zip: 'application/zip',
	xml: 'text/xml',
	html: 'text/html',
};

export function contentTypeFor(name: string): string {
	const extension = name.split('.').at(-1)?.toLowerCase() ?? '';
	return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** A fileAttachment from a request (other attachment types: chosen 400). */
export function readFileAttachment(value: unknown): FileAttachmentInput {
	if (!isObject(value)) throw unreadableBody('An attachment must be an object.');
	const type = value['@odata.type'];
	if (type === undefined) {
		// OData's answer for an abstract type (microsoft.graph.attachment) without @odata.type.
		throw new GraphError(400, 'BadRequest', 'Cannot create an abstract class.');
	}
	if (typeof type !== 'string' || !/^#?microsoft\.graph\.fileAttachment$/i.test(type)) {
		throw new GraphError(
			400,
			'BadRequest',
			`The sandbox supports only #microsoft.graph.fileAttachment, not '${String(type)}'.`,
		);
	}
	const name = prop(value, 'name');
	const bytes = prop(value, 'contentBytes');
	if (typeof name !== 'string' || name === '') throw unreadableBody('An attachment needs a name.');
	if (typeof bytes !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(bytes.replace(/\s/g, ''))) {
		throw unreadableBody(`The property 'contentBytes' must be base64 (attachment '${name}').`);
	}
	const contentType = prop(value, 'contentType');
	const isInline = prop(value, 'isInline');
	const contentId = prop(value, 'contentId');
	return {
		name,
		contentType: typeof contentType === 'string' ? contentType : contentTypeFor(name),
		isInline: isInline === true,
		contentId: typeof contentId === 'string' ? contentId : null,
		bytes: Buffer.from(bytes, 'base64'),
	};
}

export function storeAttachment(input: FileAttachmentInput, at: number): StoredAttachment {
	return { ...input, id: newAttachmentId(), lastModifiedAt: at };
}

/** Applies writable fields to a stored message. */
export function applyInput(message: StoredMessage, input: MessageInput): void {
	if (input.subject !== undefined) message.subject = input.subject;
	if (input.body !== undefined) message.body = input.body;
	if (input.from !== undefined) message.from = input.from;
	if (input.sender !== undefined) message.sender = input.sender;
	if (input.toRecipients) message.toRecipients = input.toRecipients;
	if (input.ccRecipients) message.ccRecipients = input.ccRecipients;
	if (input.bccRecipients) message.bccRecipients = input.bccRecipients;
	if (input.replyTo) message.replyTo = input.replyTo;
	if (input.importance) message.importance = input.importance;
	if (input.categories) message.categories = input.categories;
	if (input.flag) message.flag = input.flag;
	if (input.isRead !== undefined) message.isRead = input.isRead;
	if (input.isDeliveryReceiptRequested !== undefined) {
		message.isDeliveryReceiptRequested = input.isDeliveryReceiptRequested;
	}
	if (input.isReadReceiptRequested !== undefined) {
		message.isReadReceiptRequested = input.isReadReceiptRequested;
	}
	if (input.inferenceClassification)
		message.inferenceClassification = input.inferenceClassification;
	if (input.internetMessageHeaders) message.internetMessageHeaders = input.internetMessageHeaders;
}
