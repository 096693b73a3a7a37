import { bodyAs, bodyPreview } from './body';
import { unknownProperty } from './errors';
import { etagOf } from './ids';
import { isoSeconds, type JsonObject } from './http';
import type { BodyType, Mailbox, StoredAttachment, StoredFolder, StoredMessage } from './model';
import {
	FOLDER_SCHEMA,
	MESSAGE_PROPERTIES,
	MESSAGE_SCHEMA,
	hasFileAttachments,
	propertyName,
	type FolderView,
} from './query/schema';
import type { MailStore } from './store';

export interface MessageShape {
	/** Properties to return (as the type spells them); all default ones when undefined. */
	select?: string[];
	bodyType: BodyType;
	/** `$expand=attachments`, with its own `$select`. */
	attachments?: { select?: string[] };
}

/** Properties a message has but Graph does not return unless `$select`ed. */
const NOT_BY_DEFAULT = new Set(['uniqueBody', 'internetMessageHeaders']);

/** A message as Graph returns it: its properties in Graph's order, dates to the second. */
export function messageJson(message: StoredMessage, shape: MessageShape): JsonObject {
	const body = bodyAs(message.body, shape.bodyType);
	const all: Record<string, () => unknown> = {
		id: () => message.id,
		createdDateTime: () => isoSeconds(message.createdAt),
		lastModifiedDateTime: () => isoSeconds(message.lastModifiedAt),
		changeKey: () => message.changeKey,
		categories: () => [...message.categories],
		receivedDateTime: () => isoSeconds(message.receivedAt),
		sentDateTime: () => (message.sentAt === null ? null : isoSeconds(message.sentAt)),
		hasAttachments: () => hasFileAttachments(message),
		internetMessageId: () => message.internetMessageId,
		subject: () => message.subject,
		bodyPreview: () => bodyPreview(message.body),
		importance: () => message.importance,
		parentFolderId: () => message.folderId,
		conversationId: () => message.conversationId,
		conversationIndex: () => message.conversationIndex,
		isDeliveryReceiptRequested: () => message.isDeliveryReceiptRequested,
		isReadReceiptRequested: () => message.isReadReceiptRequested,
		isRead: () => message.isRead,
		isDraft: () => message.isDraft,
		webLink: () =>
			`https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
		inferenceClassification: () => message.inferenceClassification,
		body: () => ({ ...body }),
		uniqueBody: () => ({ ...body }),
		sender: () => clone(message.sender),
		from: () => clone(message.from),
		toRecipients: () => clone(message.toRecipients),
		ccRecipients: () => clone(message.ccRecipients),
		bccRecipients: () => clone(message.bccRecipients),
		replyTo: () => clone(message.replyTo),
		flag: () => ({ ...message.flag }),
		internetMessageHeaders: () => clone(message.internetMessageHeaders),
	};
	const json: JsonObject = { '@odata.etag': etagOf(message.changeKey), id: message.id };
	const names = shape.select ?? Object.keys(all).filter((name) => !NOT_BY_DEFAULT.has(name));
	for (const name of names) {
		const value = all[name];
		if (value) json[name] = value();
	}
	if (shape.attachments) {
		json.attachments = message.attachments.map((attachment) =>
			attachmentJson(attachment, shape.attachments?.select),
		);
	}
	return json;
}

function clone<T>(value: T): T {
	return structuredClone(value);
}

/** `$select=a,b` for messages, validated: unknown names are RequestBroker--ParseUri. */
export function parseMessageSelect(text: string | undefined): string[] | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	return text.split(',').map((raw) => {
		const name = raw.trim();
		const known = propertyName(MESSAGE_SCHEMA, name);
		if (!known || !(MESSAGE_PROPERTIES as readonly string[]).includes(known)) {
			throw unknownProperty(name, MESSAGE_SCHEMA.typeName);
		}
		return known;
	});
}

export const ATTACHMENT_PROPERTIES = [
	'id',
	'lastModifiedDateTime',
	'name',
	'contentType',
	'size',
	'isInline',
	'contentId',
	'contentLocation',
	'contentBytes',
] as const;

export function parseAttachmentSelect(text: string | undefined): string[] | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	return text.split(',').map((raw) => {
		const name = raw.trim();
		const known = ATTACHMENT_PROPERTIES.find((p) => p.toLowerCase() === name.toLowerCase());
		if (!known) throw unknownProperty(name, 'microsoft.graph.attachment');
		return known;
	});
}

/** A fileAttachment as Graph returns it; `contentBytes` only when not `$select`ed away. */
export function attachmentJson(attachment: StoredAttachment, select?: string[]): JsonObject {
	const all: Record<string, () => unknown> = {
		id: () => attachment.id,
		lastModifiedDateTime: () => isoSeconds(attachment.lastModifiedAt),
		name: () => attachment.name,
		contentType: () => attachment.contentType,
		size: () => attachment.bytes.length,
		isInline: () => attachment.isInline,
		contentId: () => attachment.contentId,
		contentLocation: () => null,
		contentBytes: () => attachment.bytes.toString('base64'),
	};
	const json: JsonObject = {
		'@odata.type': '#microsoft.graph.fileAttachment',
		'@odata.mediaContentType': attachment.contentType,
	};
	for (const name of select ?? Object.keys(all)) {
		const value = all[name];
		if (value) json[name] = value();
	}
	if (select && !select.includes('id')) json.id = attachment.id;
	return json;
}

export function folderView(store: MailStore, mailbox: Mailbox, folder: StoredFolder): FolderView {
	const messages = store.visibleMessages(mailbox, folder.id);
	return {
		id: folder.id,
		displayName: folder.displayName,
		parentFolderId: folder.parentFolderId,
		childFolderCount: store.childFolders(mailbox, folder.id, true).length,
		unreadItemCount: messages.filter((message) => !message.isRead).length,
		totalItemCount: messages.length,
		sizeInBytes: messages.reduce(
			(total, message) =>
				total +
				message.body.content.length +
				message.attachments.reduce((sum, attachment) => sum + attachment.bytes.length, 0),
			0,
		),
		isHidden: folder.isHidden,
	};
}

export function parseFolderSelect(text: string | undefined): string[] | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	return text.split(',').map((raw) => {
		const name = raw.trim();
		const known = propertyName(FOLDER_SCHEMA, name);
		if (!known) throw unknownProperty(name, FOLDER_SCHEMA.typeName);
		return known;
	});
}

export function folderJson(view: FolderView, select?: string[]): JsonObject {
	if (!select) return { ...view };
	const json: JsonObject = { id: view.id };
	for (const name of select) {
		if (name in view) json[name] = view[name as keyof FolderView];
	}
	return json;
}
