import type { SandboxClock } from '../../shared/clock';
import { GraphError, idMalformed, itemNotFound } from './errors';
import { isWellFormedId, newChangeKey, newFolderId, newMessageId } from './ids';
import type { Mailbox, MailboxSpec, StoredFolder, StoredMessage } from './model';

/**
 * The well-known folders every mailbox has (names from the mailFolder resource page). Display
 * names as Exchange shows them in English. `recoverableitemsdeletions` lives outside the
 * folder tree that `GET mailFolders` walks; DELETE moves messages there.
 */
const WELL_KNOWN_FOLDERS: ReadonlyArray<{ name: string; displayName: string; hidden?: boolean }> = [
	{ name: 'inbox', displayName: 'Inbox' },
	{ name: 'drafts', displayName: 'Drafts' },
	{ name: 'sentitems', displayName: 'Sent Items' },
	{ name: 'deleteditems', displayName: 'Deleted Items' },
	{ name: 'archive', displayName: 'Archive' },
	{ name: 'junkemail', displayName: 'Junk Email' },
	{ name: 'outbox', displayName: 'Outbox' },
	{ name: 'conversationhistory', displayName: 'Conversation History' },
	{ name: 'syncissues', displayName: 'Sync Issues', hidden: true },
];

export const RECOVERABLE_DELETIONS = 'recoverableitemsdeletions';

/** Messages, folders and mailboxes, on the sandbox clock. */
export class MailStore {
	private readonly mailboxes: Mailbox[] = [];
	private order = 0;

	constructor(private readonly clock: SandboxClock) {}

	addMailbox(spec: MailboxSpec): Mailbox {
		if (this.find(spec.id) || this.find(spec.address)) {
			throw new RangeError(`mailbox already exists: ${spec.address}`);
		}
		const rootId = newFolderId();
		const mailbox: Mailbox = {
			...spec,
			rootId,
			folders: new Map(),
			messages: new Map(),
			tombstones: [],
			seq: 0,
		};
		mailbox.folders.set(rootId, {
			id: rootId,
			displayName: 'Top of Information Store',
			parentFolderId: newFolderId(),
			isHidden: false,
			wellKnownName: 'msgfolderroot',
		});
		for (const folder of WELL_KNOWN_FOLDERS) {
			const id = newFolderId();
			mailbox.folders.set(id, {
				id,
				displayName: folder.displayName,
				parentFolderId: rootId,
				isHidden: folder.hidden ?? false,
				wellKnownName: folder.name,
			});
		}
		const deletionsId = newFolderId();
		mailbox.folders.set(deletionsId, {
			id: deletionsId,
			displayName: 'Deletions',
			parentFolderId: newFolderId(),
			isHidden: true,
			wellKnownName: RECOVERABLE_DELETIONS,
		});
		this.mailboxes.push(mailbox);
		return mailbox;
	}

	/** By object id or address, case-insensitively. */
	find(idOrAddress: string): Mailbox | undefined {
		const key = idOrAddress.toLowerCase();
		return this.mailboxes.find(
			(mailbox) => mailbox.id.toLowerCase() === key || mailbox.address.toLowerCase() === key,
		);
	}

	get(idOrAddress: string): Mailbox {
		const mailbox = this.find(idOrAddress);
		if (!mailbox) throw new RangeError(`no mailbox ${idOrAddress}`);
		return mailbox;
	}

	all(): readonly Mailbox[] {
		return this.mailboxes;
	}

	/** A folder by id or well-known name (case-insensitive), or the Graph error for it. */
	folder(mailbox: Mailbox, idOrName: string): StoredFolder {
		const folder = this.findFolder(mailbox, idOrName);
		if (folder) return folder;
		if (!isWellFormedId(idOrName)) throw idMalformed();
		throw itemNotFound();
	}

	findFolder(mailbox: Mailbox, idOrName: string): StoredFolder | undefined {
		const direct = mailbox.folders.get(idOrName);
		if (direct) return direct;
		const name = idOrName.toLowerCase();
		for (const folder of mailbox.folders.values()) {
			if (folder.wellKnownName === name) return folder;
		}
		return undefined;
	}

	wellKnown(mailbox: Mailbox, name: string): StoredFolder {
		const folder = this.findFolder(mailbox, name);
		if (!folder) throw new RangeError(`no well-known folder ${name}`);
		return folder;
	}

	childFolders(mailbox: Mailbox, parentId: string, includeHidden: boolean): StoredFolder[] {
		return [...mailbox.folders.values()]
			.filter((folder) => folder.parentFolderId === parentId && (includeHidden || !folder.isHidden))
			.sort((a, b) => a.displayName.localeCompare(b.displayName));
	}

	/** ErrorFolderExists: 409 as the brief has it (reports also show 400 with the same code). */
	createFolder(
		mailbox: Mailbox,
		parentId: string,
		displayName: string,
		isHidden = false,
		id = newFolderId(),
	) {
		const taken = this.childFolders(mailbox, parentId, true).some(
			(folder) => folder.displayName.toLowerCase() === displayName.toLowerCase(),
		);
		if (taken) {
			throw new GraphError(
				409,
				'ErrorFolderExists',
				`A folder with the specified name already exists., Could not create folder '${displayName}'.`,
			);
		}
		const folder: StoredFolder = {
			id,
			displayName,
			parentFolderId: parentId,
			isHidden,
		};
		mailbox.folders.set(folder.id, folder);
		return folder;
	}

	isVisible(message: StoredMessage): boolean {
		return message.visibleAt <= this.clock.now();
	}

	/** Visible messages of a folder, or of every folder of the tree under the root. */
	visibleMessages(mailbox: Mailbox, folderId?: string): StoredMessage[] {
		const deletions = this.wellKnown(mailbox, RECOVERABLE_DELETIONS).id;
		const result: StoredMessage[] = [];
		for (const message of mailbox.messages.values()) {
			if (!this.isVisible(message)) continue;
			if (folderId === undefined ? message.folderId === deletions : message.folderId !== folderId) {
				continue;
			}
			result.push(message);
		}
		return result;
	}

	/** A visible message by id (optionally in a given folder), or the Graph error. */
	message(mailbox: Mailbox, id: string, folderId?: string): StoredMessage {
		const message = mailbox.messages.get(id);
		if (
			!message ||
			!this.isVisible(message) ||
			(folderId !== undefined && message.folderId !== folderId)
		) {
			if (!isWellFormedId(id)) throw idMalformed();
			throw itemNotFound();
		}
		return message;
	}

	/** Stores a new message (fields other than the bookkeeping ones come from `fields`). */
	insert(
		mailbox: Mailbox,
		folderId: string,
		fields: Omit<
			StoredMessage,
			'id' | 'folderId' | 'addedSeq' | 'changeSeq' | 'order' | 'changeKey' | 'lastModifiedAt'
		>,
	): StoredMessage {
		const seq = ++mailbox.seq;
		const message: StoredMessage = {
			...fields,
			id: newMessageId(),
			folderId,
			addedSeq: seq,
			changeSeq: seq,
			order: ++this.order,
			changeKey: newChangeKey(),
			lastModifiedAt: this.clock.now(),
		};
		mailbox.messages.set(message.id, message);
		return message;
	}

	/** Records a change: a new change key, modification time and change number. */
	touch(mailbox: Mailbox, message: StoredMessage): void {
		message.changeSeq = ++mailbox.seq;
		message.changeKey = newChangeKey();
		message.lastModifiedAt = this.clock.now();
	}

	/** Graph's move: a new message (new id) in the destination, the original removed. */
	move(mailbox: Mailbox, message: StoredMessage, destinationId: string): StoredMessage {
		const moved = this.copy(mailbox, message, destinationId, false);
		this.remove(mailbox, message);
		return moved;
	}

	copy(
		mailbox: Mailbox,
		message: StoredMessage,
		destinationId: string,
		asNewItem = true,
	): StoredMessage {
		const seq = ++mailbox.seq;
		const copied: StoredMessage = {
			...structuredClone({ ...message, attachments: [] }),
			attachments: message.attachments.map((attachment) => ({
				...attachment,
				bytes: attachment.bytes,
			})),
			id: newMessageId(),
			folderId: destinationId,
			addedSeq: seq,
			changeSeq: seq,
			order: ++this.order,
			changeKey: newChangeKey(),
			lastModifiedAt: this.clock.now(),
			createdAt: asNewItem ? this.clock.now() : message.createdAt,
		};
		mailbox.messages.set(copied.id, copied);
		return copied;
	}

	/** Gone from its folder and from the mailbox (a tombstone remains for delta). */
	remove(mailbox: Mailbox, message: StoredMessage): void {
		mailbox.messages.delete(message.id);
		mailbox.tombstones.push({
			folderId: message.folderId,
			messageId: message.id,
			seq: ++mailbox.seq,
		});
	}
}
