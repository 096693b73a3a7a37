import { bodyAs } from './body';
import type { GraphContext } from './context';
import { GraphError, MESSAGES, invalidRecipients } from './errors';
import { newConversationId, newConversationIndex, newInternetMessageId } from './ids';
import { applyInput, storeAttachment, type MessageInput } from './message-input';
import { recipient, type Mailbox, type Recipient, type StoredMessage } from './model';

type MessageFields = Parameters<GraphContext['store']['insert']>[2];

export function ownerOf(mailbox: Mailbox): Recipient {
	return recipient(mailbox.address, mailbox.displayName);
}

/** The fields of a new message written by `mailbox` (a draft until sent). */
export function draftFields(context: GraphContext, mailbox: Mailbox, input: MessageInput) {
	const now = context.clock.now();
	const fields: MessageFields = {
		createdAt: now,
		receivedAt: Math.floor(now / 1000) * 1000,
		sentAt: now,
		visibleAt: now,
		subject: '',
		body: { contentType: 'text', content: '' },
		from: ownerOf(mailbox),
		sender: ownerOf(mailbox),
		toRecipients: [],
		ccRecipients: [],
		bccRecipients: [],
		replyTo: [],
		isRead: true,
		isDraft: true,
		importance: 'normal',
		categories: [],
		flag: { flagStatus: 'notFlagged' },
		inferenceClassification: 'focused',
		isDeliveryReceiptRequested: false,
		isReadReceiptRequested: false,
		internetMessageId: newInternetMessageId(),
		internetMessageHeaders: [],
		conversationId: newConversationId(),
		conversationIndex: newConversationIndex(),
		attachments: (input.attachments ?? []).map((attachment) => storeAttachment(attachment, now)),
	};
	applyInput(fields as StoredMessage, input);
	return fields;
}

export function messageBytes(fields: Pick<StoredMessage, 'body' | 'attachments'>): number {
	return (
		Buffer.byteLength(fields.body.content) +
		fields.attachments.reduce((total, attachment) => total + attachment.bytes.length, 0)
	);
}

/**
 * Hands a message to "Exchange": a copy in the sender's Sent Items (unless
 * `saveToSentItems` is false), and one in the Inbox of every sandbox mailbox among the To, Cc
 * and Bcc recipients (visible after `deliveryDelayMs`). Recipients' copies carry no Bcc line
 * (chosen). Messages to other addresses are recorded in `submissions` only.
 */
export function submit(
	context: GraphContext,
	mailbox: Mailbox,
	fields: MessageFields,
	saveToSentItems: boolean,
): void {
	const everyone = [...fields.toRecipients, ...fields.ccRecipients, ...fields.bccRecipients];
	if (everyone.length === 0) throw invalidRecipients(MESSAGES.noRecipients);
	if (
		fields.from &&
		fields.from.emailAddress.address.toLowerCase() !== mailbox.address.toLowerCase()
	) {
		// Chosen from memory of Exchange's answer when the mailbox may not send as `from`.
		throw new GraphError(
			403,
			'ErrorSendAsDenied',
			'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.',
		);
	}
	if (messageBytes(fields) > context.settings.maxMessageBytes) {
		throw new GraphError(400, 'ErrorMessageSizeExceeded', MESSAGES.messageTooLarge);
	}
	const { store, clock } = context;
	const now = clock.now();
	const sent: MessageFields = {
		...fields,
		from: fields.from ?? ownerOf(mailbox),
		sender: fields.sender ?? fields.from ?? ownerOf(mailbox),
		isDraft: false,
		isRead: true,
		sentAt: now,
		receivedAt: Math.floor(now / 1000) * 1000,
		visibleAt: now,
	};
	if (saveToSentItems) {
		store.insert(mailbox, store.wellKnown(mailbox, 'sentitems').id, copyAttachments(sent, now));
	}
	const deliveredTo: string[] = [];
	for (const person of everyone) {
		const target = store.find(person.emailAddress.address);
		if (!target || deliveredTo.includes(target.address)) continue;
		deliveredTo.push(target.address);
		store.insert(
			target,
			store.wellKnown(target, 'inbox').id,
			copyAttachments(
				{
					...sent,
					bccRecipients: [],
					isRead: false,
					categories: [],
					flag: { flagStatus: 'notFlagged' },
					visibleAt: now + context.settings.deliveryDelayMs,
				},
				now,
			),
		);
	}
	context.submissions.push({
		at: now,
		mailbox: mailbox.address,
		subject: sent.subject,
		from: sent.from,
		toRecipients: structuredClone(sent.toRecipients),
		ccRecipients: structuredClone(sent.ccRecipients),
		bccRecipients: structuredClone(sent.bccRecipients),
		internetMessageId: sent.internetMessageId,
		attachmentNames: sent.attachments.map((attachment) => attachment.name),
		deliveredTo,
	});
	context.counters.countEvent('messagesSent');
	for (let i = 0; i < deliveredTo.length; i++) context.counters.countEvent('deliveries');
}

function copyAttachments(fields: MessageFields, now: number): MessageFields {
	return {
		...structuredClone({ ...fields, attachments: [] }),
		attachments: fields.attachments.map((attachment) =>
			storeAttachment(
				{
					name: attachment.name,
					contentType: attachment.contentType,
					isInline: attachment.isInline,
					contentId: attachment.contentId,
					bytes: attachment.bytes,
				},
				now,
			),
		),
	};
}

export type ResponseKind = 'reply' | 'replyAll' | 'forward';

/**
 * The reply, reply-all or forward of `original` written by `mailbox`: recipients, "RE: " or
 * "FW: " subject, the comment above the original (HTML shape chosen), same conversation.
 */
export function responseFields(
	context: GraphContext,
	mailbox: Mailbox,
	original: StoredMessage,
	kind: ResponseKind,
	comment: string,
	input: MessageInput,
): MessageFields {
	const self = mailbox.address.toLowerCase();
	const notSelf = (person: Recipient) => person.emailAddress.address.toLowerCase() !== self;
	const author =
		original.replyTo.length > 0 ? original.replyTo : original.from ? [original.from] : [];
	let to: Recipient[] = [];
	let cc: Recipient[] = [];
	if (kind === 'reply') to = author;
	if (kind === 'replyAll') {
		to = unique([...author, ...original.toRecipients.filter(notSelf)]);
		cc = unique(original.ccRecipients.filter(notSelf));
	}
	const prefix = kind === 'forward' ? 'FW: ' : 'RE: ';
	const subject = original.subject.toUpperCase().startsWith(prefix.trim())
		? original.subject
		: `${prefix}${original.subject}`;
	const quoted = bodyAs(original.body, 'html').content;
	const header = `<div><b>From:</b> ${escape(original.from?.emailAddress.name ?? '')}<br><b>Subject:</b> ${escape(original.subject)}</div>`;
	const fields = draftFields(context, mailbox, {});
	fields.subject = subject;
	fields.toRecipients = structuredClone(to);
	fields.ccRecipients = structuredClone(cc);
	fields.body = {
		contentType: 'html',
		content: `<html><body>${comment === '' ? '' : `<div>${escape(comment).replace(/\r?\n/g, '<br>')}</div>`}<hr>${header}${quoted}</body></html>`,
	};
	fields.conversationId = original.conversationId;
	if (kind === 'forward') {
		fields.attachments = original.attachments.map((attachment) =>
			storeAttachment({ ...attachment }, context.clock.now()),
		);
	}
	applyInput(fields as StoredMessage, input);
	if (input.attachments) {
		fields.attachments.push(
			...input.attachments.map((attachment) => storeAttachment(attachment, context.clock.now())),
		);
	}
	return fields;
}

function unique(people: Recipient[]): Recipient[] {
	const seen = new Set<string>();
	return people.filter((person) => {
		const key = person.emailAddress.address.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
