import type { GraphContext, Submission } from './context';
import { newConversationId, newConversationIndex, newInternetMessageId } from './ids';
import { contentTypeFor, storeAttachment } from './message-input';
import {
	recipient,
	type FlagStatus,
	type Importance,
	type ItemBody,
	type Mailbox,
	type MailboxSpec,
	type Recipient,
	type StoredFolder,
} from './model';
import { folderView, messageJson } from './serialize';
import type { JsonObject } from './http';

export type Instant = number | Date | string;
export type Address = string | { address: string; name?: string };

/** A message to put into a mailbox as if Exchange had delivered it. */
export interface SeedMessage {
	subject?: string;
	/** Text, or `{ contentType: 'html' | 'text', content }`. */
	body?: string | ItemBody;
	from?: Address;
	to?: Address[];
	cc?: Address[];
	bcc?: Address[];
	replyTo?: Address[];
	isRead?: boolean;
	importance?: Importance;
	categories?: string[];
	flag?: FlagStatus;
	inferenceClassification?: 'focused' | 'other';
	/** When it was sent; default: its receivedAt. */
	sentAt?: Instant;
	internetMessageId?: string;
	conversationId?: string;
	attachments?: Array<{
		name: string;
		content: Buffer | string;
		contentType?: string;
		isInline?: boolean;
		contentId?: string;
	}>;
}

export interface DeliverOptions {
	/** Id or address; default: the first To/Cc/Bcc recipient that is a sandbox mailbox. */
	mailbox?: string;
	/** Folder id or well-known name; default `inbox`. */
	folder?: string;
	/** Its receivedDateTime (rounded down to the second, as Graph stamps it); default now. */
	receivedAt?: Instant;
	/** From when it shows in lists, gets and delta, on the sandbox clock; default now. */
	visibleAt?: Instant;
}

export interface DeliveredMessage {
	id: string;
	mailbox: string;
	parentFolderId: string;
	receivedDateTime: string;
	visibleAt: number;
}

function ms(instant: Instant): number {
	const value =
		instant instanceof Date
			? instant.getTime()
			: typeof instant === 'string'
				? Date.parse(instant)
				: instant;
	if (!Number.isFinite(value)) throw new RangeError(`not a time: ${String(instant)}`);
	return value;
}

function person(address: Address): Recipient {
	return typeof address === 'string'
		? recipient(address)
		: recipient(address.address, address.name);
}

/**
 * Seeds and inspects the sandbox's mailboxes from tests, the demo and benchmarks (the same
 * operations are on the control API). Messages come back in Graph's JSON form.
 */
export class GraphMail {
	constructor(private readonly context: GraphContext) {}

	addMailbox(spec: MailboxSpec): void {
		this.context.store.addMailbox(spec);
	}

	mailboxes(): MailboxSpec[] {
		return this.context.store
			.all()
			.map(({ id, address, displayName, kind }) => ({ id, address, displayName, kind }));
	}

	/** Delivers a message (late delivery: `receivedAt` in the past, `visibleAt` later). */
	deliver(message: SeedMessage, options: DeliverOptions = {}): DeliveredMessage {
		const { store, clock } = this.context;
		const to = (message.to ?? []).map(person);
		const cc = (message.cc ?? []).map(person);
		const bcc = (message.bcc ?? []).map(person);
		const mailbox = this.target(options.mailbox, [...to, ...cc, ...bcc]);
		const folder = store.folder(mailbox, options.folder ?? 'inbox');
		const now = clock.now();
		const receivedAt = Math.floor(ms(options.receivedAt ?? now) / 1000) * 1000;
		const from =
			message.from === undefined ? recipient('sender@example.com', 'Sender') : person(message.from);
		const body: ItemBody =
			typeof message.body === 'string' || message.body === undefined
				? { contentType: 'text', content: message.body ?? '' }
				: message.body;
		const stored = store.insert(mailbox, folder.id, {
			createdAt: now,
			receivedAt,
			sentAt: message.sentAt === undefined ? receivedAt : ms(message.sentAt),
			visibleAt: options.visibleAt === undefined ? now : ms(options.visibleAt),
			subject: message.subject ?? '',
			body,
			from,
			sender: from,
			toRecipients: to,
			ccRecipients: cc,
			bccRecipients: bcc,
			replyTo: (message.replyTo ?? []).map(person),
			isRead: message.isRead ?? false,
			isDraft: false,
			importance: message.importance ?? 'normal',
			categories: [...(message.categories ?? [])],
			flag: { flagStatus: message.flag ?? 'notFlagged' },
			inferenceClassification: message.inferenceClassification ?? 'focused',
			isDeliveryReceiptRequested: false,
			isReadReceiptRequested: false,
			internetMessageId: message.internetMessageId ?? newInternetMessageId(),
			internetMessageHeaders: [],
			conversationId: message.conversationId ?? newConversationId(),
			conversationIndex: newConversationIndex(),
			attachments: (message.attachments ?? []).map((attachment) =>
				storeAttachment(
					{
						name: attachment.name,
						contentType: attachment.contentType ?? contentTypeFor(attachment.name),
						isInline: attachment.isInline ?? false,
						contentId: attachment.contentId ?? null,
						bytes: Buffer.isBuffer(attachment.content)
							? attachment.content
							: Buffer.from(attachment.content),
					},
					now,
				),
			),
		});
		return {
			id: stored.id,
			mailbox: mailbox.address,
			parentFolderId: folder.id,
			receivedDateTime: new Date(receivedAt).toISOString().replace('.000Z', 'Z'),
			visibleAt: stored.visibleAt,
		};
	}

	/**
	 * The messages of a folder (default inbox) as Graph returns them, newest first; not yet
	 * visible ones too when `includeInvisible`.
	 */
	messages(
		mailbox: string,
		folder = 'inbox',
		options: { includeInvisible?: boolean } = {},
	): JsonObject[] {
		const { store } = this.context;
		const box = store.get(mailbox);
		const target = store.folder(box, folder);
		return [...box.messages.values()]
			.filter((message) => message.folderId === target.id)
			.filter((message) => options.includeInvisible || store.isVisible(message))
			.sort((a, b) => b.receivedAt - a.receivedAt || b.order - a.order)
			.map((message) => messageJson(message, { bodyType: message.body.contentType }));
	}

	/** Sent Items of a mailbox. */
	sent(mailbox: string): JsonObject[] {
		return this.messages(mailbox, 'sentitems');
	}

	/** One message by id, with its attachments' bytes; undefined when it is not there. */
	message(mailbox: string, id: string) {
		const stored = this.context.store.get(mailbox).messages.get(id);
		if (!stored) return undefined;
		return {
			...messageJson(stored, { bodyType: stored.body.contentType }),
			visibleAt: stored.visibleAt,
			attachments: stored.attachments.map((attachment) => ({
				id: attachment.id,
				name: attachment.name,
				contentType: attachment.contentType,
				isInline: attachment.isInline,
				bytes: attachment.bytes,
			})),
		};
	}

	/** Folders of a mailbox (every one, hidden too), with counts. */
	folders(mailbox: string) {
		const { store } = this.context;
		const box = store.get(mailbox);
		return [...box.folders.values()].map((folder: StoredFolder) => ({
			...folderView(store, box, folder),
			wellKnownName: folder.wellKnownName,
		}));
	}

	/** `id`: a fixed folder ID, for workflows saved with it (the demo's "Processed"). */
	createFolder(
		mailbox: string,
		displayName: string,
		parent = 'msgfolderroot',
		id?: string,
	): string {
		const { store } = this.context;
		const box = store.get(mailbox);
		return store.createFolder(box, store.folder(box, parent).id, displayName, false, id).id;
	}

	/** Changes a message as if a person did (in Outlook): a new change key, seen by delta. */
	update(
		mailbox: string,
		id: string,
		change: { isRead?: boolean; categories?: string[]; flag?: FlagStatus },
	) {
		const { store } = this.context;
		const box = store.get(mailbox);
		const message = box.messages.get(id);
		if (!message) throw new RangeError(`no message ${id}`);
		if (change.isRead !== undefined) message.isRead = change.isRead;
		if (change.categories) message.categories = [...change.categories];
		if (change.flag) message.flag = { flagStatus: change.flag };
		store.touch(box, message);
	}

	/** Moves a message as a person would (in Outlook): a new ID in `folder`; returns it. */
	move(mailbox: string, id: string, folder: string): string {
		const { store } = this.context;
		const box = store.get(mailbox);
		const message = box.messages.get(id);
		if (!message) throw new RangeError(`no message ${id}`);
		return store.move(box, message, store.folder(box, folder).id).id;
	}

	/** Removes a message for good (a hard delete elsewhere): delta reports it `@removed`. */
	remove(mailbox: string, id: string): void {
		const { store } = this.context;
		const box = store.get(mailbox);
		const message = box.messages.get(id);
		if (message) store.remove(box, message);
	}

	/** Everything sent through the sandbox (sendMail, send, reply, forward), oldest first. */
	submissions(): readonly Submission[] {
		return this.context.submissions;
	}

	/** Every delta and skip token stops working (410 SyncStateNotFound). */
	expireDeltaTokens(): void {
		this.context.deltas.expire();
	}

	/** Upload sessions still open. */
	openUploads() {
		return this.context.uploads.open().map(({ id, name, size, received, messageId }) => ({
			id,
			name,
			size,
			received,
			messageId,
		}));
	}

	private target(name: string | undefined, recipients: Recipient[]): Mailbox {
		const { store } = this.context;
		if (name !== undefined) return store.get(name);
		for (const person of recipients) {
			const found = store.find(person.emailAddress.address);
			if (found) return found;
		}
		throw new RangeError('deliver: no mailbox given and no recipient is a sandbox mailbox');
	}
}
