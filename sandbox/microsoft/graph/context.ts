import type { AccessTokenTrust } from '../access-tokens';
import type { SandboxClock } from '../../shared/clock';
import type { DeltaStates } from './delta-states';
import type { GraphCounters } from './endpoints';
import type { Recipient } from './model';
import type { MailStore } from './store';
import type { UploadSessions } from './upload-sessions';

export const MIB = 1024 * 1024;

/** The sandbox's settings; all but `trust` have Graph's values as defaults. */
export interface GraphSettings {
	/** The token audience Graph accepts, `https://graph.microsoft.com`. */
	resource: string;
	tenantId: string;
	/** Messages per page without `$top` (Graph: 10). */
	pageSizeDefault: number;
	/** The largest `$top` (Graph: 1000 for messages). */
	maxTop: number;
	/** Exchange application access policies: app id → the addresses (or ids) it may reach. */
	accessPolicy?: Record<string, string[]>;
	/** Request bodies larger than this answer 413 (Graph: 4 MB). */
	maxRequestBytes: number;
	/** A file attachment posted inline (POST attachments, sendMail) must be smaller (3 MB). */
	maxInlineAttachmentBytes: number;
	/** Upload sessions are for attachments of at least this size (3 MB). */
	minUploadBytes: number;
	/** The largest message with its attachments (150 MB, the most an admin can allow). */
	maxMessageBytes: number;
	/** Every PUT but the last must carry a multiple of this many bytes (320 KiB); 0: any. */
	uploadChunkMultiple: number;
	/** The most bytes one PUT may carry (the Outlook docs: up to 4 MB each time). */
	maxUploadChunkBytes: number;
	/** How long an upload URL's token lives. */
	uploadSessionLifetimeMs: number;
	/** Copies delivered by sendMail/send appear in recipients' folders this much later. */
	deliveryDelayMs: number;
}

/** One message handed to Exchange for sending, to sandbox mailboxes or elsewhere. */
export interface Submission {
	at: number;
	/** The mailbox it was sent from. */
	mailbox: string;
	subject: string;
	from: Recipient | null;
	toRecipients: Recipient[];
	ccRecipients: Recipient[];
	bccRecipients: Recipient[];
	internetMessageId: string;
	attachmentNames: string[];
	/** Addresses that are sandbox mailboxes and got a copy. */
	deliveredTo: string[];
}

export interface GraphContext {
	settings: GraphSettings;
	trust: AccessTokenTrust;
	clock: SandboxClock;
	store: MailStore;
	counters: GraphCounters;
	deltas: DeltaStates;
	uploads: UploadSessions;
	submissions: Submission[];
	/**
	 * Where upload URLs point: a second origin (another port), as Outlook's upload host is
	 * another host than Graph's; undefined: the request's own origin.
	 */
	uploadOrigin?: string;
}
