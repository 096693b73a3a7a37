import type { StoredMessage } from '../model';

export type ValueType = 'string' | 'enum' | 'boolean' | 'datetime' | 'number' | 'strings';

export interface FieldDef<T> {
	type: ValueType;
	get(entity: T): unknown;
	/** May appear in `$orderby`. */
	sortable?: boolean;
}

/**
 * What `$filter`, `$orderby` and `$select` may name on one entity type: every property the
 * Graph type has (anything else is RequestBroker--ParseUri), and the paths the sandbox can
 * filter and sort on (lower case; a real property outside them is ErrorInvalidUrlQueryFilter).
 */
export interface EntitySchema<T> {
	typeName: string;
	properties: readonly string[];
	fields: Readonly<Record<string, FieldDef<T>>>;
}

/** The properties of microsoft.graph.message in v1.0 (message resource type). */
export const MESSAGE_PROPERTIES = [
	'bccRecipients',
	'body',
	'bodyPreview',
	'categories',
	'ccRecipients',
	'changeKey',
	'conversationId',
	'conversationIndex',
	'createdDateTime',
	'flag',
	'from',
	'hasAttachments',
	'id',
	'importance',
	'inferenceClassification',
	'internetMessageHeaders',
	'internetMessageId',
	'isDeliveryReceiptRequested',
	'isDraft',
	'isRead',
	'isReadReceiptRequested',
	'lastModifiedDateTime',
	'parentFolderId',
	'receivedDateTime',
	'replyTo',
	'sender',
	'sentDateTime',
	'subject',
	'toRecipients',
	'uniqueBody',
	'webLink',
] as const;

/** Navigation properties of a message (for `$expand`). */
export const MESSAGE_RELATIONSHIPS = [
	'attachments',
	'extensions',
	'multiValueExtendedProperties',
	'singleValueExtendedProperties',
] as const;

export function hasFileAttachments(message: StoredMessage): boolean {
	return message.attachments.some((attachment) => !attachment.isInline);
}

const at = (ms: number | null) => ms;

export const MESSAGE_SCHEMA: EntitySchema<StoredMessage> = {
	typeName: 'microsoft.graph.message',
	properties: [...MESSAGE_PROPERTIES, ...MESSAGE_RELATIONSHIPS],
	fields: {
		isread: { type: 'boolean', get: (m) => m.isRead, sortable: true },
		isdraft: { type: 'boolean', get: (m) => m.isDraft },
		hasattachments: { type: 'boolean', get: hasFileAttachments, sortable: true },
		receiveddatetime: { type: 'datetime', get: (m) => at(m.receivedAt), sortable: true },
		sentdatetime: { type: 'datetime', get: (m) => at(m.sentAt), sortable: true },
		createddatetime: { type: 'datetime', get: (m) => at(m.createdAt), sortable: true },
		lastmodifieddatetime: { type: 'datetime', get: (m) => at(m.lastModifiedAt), sortable: true },
		subject: { type: 'string', get: (m) => m.subject, sortable: true },
		importance: { type: 'enum', get: (m) => m.importance, sortable: true },
		inferenceclassification: { type: 'enum', get: (m) => m.inferenceClassification },
		'from/emailaddress/address': {
			type: 'string',
			get: (m) => m.from?.emailAddress.address ?? null,
			sortable: true,
		},
		'from/emailaddress/name': {
			type: 'string',
			get: (m) => m.from?.emailAddress.name ?? null,
			sortable: true,
		},
		'sender/emailaddress/address': {
			type: 'string',
			get: (m) => m.sender?.emailAddress.address ?? null,
		},
		'sender/emailaddress/name': { type: 'string', get: (m) => m.sender?.emailAddress.name ?? null },
		'flag/flagstatus': { type: 'enum', get: (m) => m.flag.flagStatus },
		categories: { type: 'strings', get: (m) => m.categories },
		conversationid: { type: 'string', get: (m) => m.conversationId },
		internetmessageid: { type: 'string', get: (m) => m.internetMessageId },
		parentfolderid: { type: 'string', get: (m) => m.folderId },
		id: { type: 'string', get: (m) => m.id },
	},
};

/** A mail folder as `$filter` sees it (the counts are computed). */
export interface FolderView {
	id: string;
	displayName: string;
	parentFolderId: string;
	childFolderCount: number;
	unreadItemCount: number;
	totalItemCount: number;
	sizeInBytes: number;
	isHidden: boolean;
}

export const FOLDER_SCHEMA: EntitySchema<FolderView> = {
	typeName: 'microsoft.graph.mailFolder',
	properties: [
		'id',
		'displayName',
		'parentFolderId',
		'childFolderCount',
		'unreadItemCount',
		'totalItemCount',
		'sizeInBytes',
		'isHidden',
		'childFolders',
		'messages',
		'messageRules',
		'multiValueExtendedProperties',
		'singleValueExtendedProperties',
	],
	fields: {
		id: { type: 'string', get: (f) => f.id },
		displayname: { type: 'string', get: (f) => f.displayName, sortable: true },
		parentfolderid: { type: 'string', get: (f) => f.parentFolderId },
		childfoldercount: { type: 'number', get: (f) => f.childFolderCount },
		unreaditemcount: { type: 'number', get: (f) => f.unreadItemCount },
		totalitemcount: { type: 'number', get: (f) => f.totalItemCount },
		ishidden: { type: 'boolean', get: (f) => f.isHidden },
	},
};

/** The property as the type spells it, or undefined when the type has no such property. */
export function propertyName<T>(schema: EntitySchema<T>, name: string): string | undefined {
	const lower = name.toLowerCase();
	return schema.properties.find((property) => property.toLowerCase() === lower);
}
