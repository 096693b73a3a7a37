/** What the Graph sandbox stores: mailboxes, folders, messages and their attachments. */

export interface EmailAddress {
	name: string;
	address: string;
}

export interface Recipient {
	emailAddress: EmailAddress;
}

export type Importance = 'low' | 'normal' | 'high';
export type FlagStatus = 'notFlagged' | 'flagged' | 'complete';
export type BodyType = 'text' | 'html';

export interface ItemBody {
	contentType: BodyType;
	content: string;
}

export interface StoredAttachment {
	id: string;
	name: string;
	contentType: string;
	isInline: boolean;
	contentId: string | null;
	lastModifiedAt: number;
	bytes: Buffer;
}

export interface StoredMessage {
	id: string;
	folderId: string;
	/** When it entered its folder (a move makes a new message), on the mailbox's change counter. */
	addedSeq: number;
	/** The last change, on the mailbox's change counter. */
	changeSeq: number;
	/** Insertion order, to break ties when sorting. */
	order: number;
	createdAt: number;
	lastModifiedAt: number;
	/** Rounded down to the second, as Graph stamps it. */
	receivedAt: number;
	sentAt: number | null;
	/** Sandbox clock ms from which it shows in lists, gets and delta (late delivery). */
	visibleAt: number;
	changeKey: string;
	subject: string;
	body: ItemBody;
	from: Recipient | null;
	sender: Recipient | null;
	toRecipients: Recipient[];
	ccRecipients: Recipient[];
	bccRecipients: Recipient[];
	replyTo: Recipient[];
	isRead: boolean;
	isDraft: boolean;
	importance: Importance;
	categories: string[];
	flag: { flagStatus: FlagStatus };
	inferenceClassification: 'focused' | 'other';
	isDeliveryReceiptRequested: boolean;
	isReadReceiptRequested: boolean;
	internetMessageId: string;
	internetMessageHeaders: Array<{ name: string; value: string }>;
	conversationId: string;
	conversationIndex: string;
	attachments: StoredAttachment[];
}

export interface StoredFolder {
	id: string;
	displayName: string;
	parentFolderId: string;
	isHidden: boolean;
	/** `inbox`, `sentitems`, …: the well-known name that also addresses it. */
	wellKnownName?: string;
}

export type MailboxKind = 'user' | 'shared';

/** A mailbox as the sandbox is given it. */
export interface MailboxSpec {
	/** The user's object id (a GUID); `/users/{id}` and a delegated token's `oid` name it. */
	id: string;
	/** The primary SMTP address, also the user principal name. */
	address: string;
	displayName: string;
	kind: MailboxKind;
}

/** A removal from a folder (delete or move out), kept for delta's `@removed` entries. */
export interface Tombstone {
	folderId: string;
	messageId: string;
	seq: number;
}

export interface Mailbox extends MailboxSpec {
	rootId: string;
	folders: Map<string, StoredFolder>;
	messages: Map<string, StoredMessage>;
	tombstones: Tombstone[];
	/** The change counter: every add, change and removal takes the next value. */
	seq: number;
}

export function recipient(address: string, name?: string): Recipient {
	return { emailAddress: { name: name ?? address, address } };
}
