import type { IDataObject } from 'n8n-workflow';

interface Address {
	emailAddress?: { name?: string; address?: string };
}

function address(value: unknown): string | undefined {
	return (value as Address | undefined)?.emailAddress?.address;
}

function addresses(value: unknown): string[] {
	return Array.isArray(value)
		? value.map(address).filter((item): item is string => item !== undefined)
		: [];
}

/**
 * What the simplified output reads, as `$select`: Graph then sends only these (a page of 1,000
 * messages is a sixth smaller, bench/graph).
 */
export const SIMPLIFIED_FIELDS = [
	'id',
	'subject',
	'from',
	'toRecipients',
	'ccRecipients',
	'replyTo',
	'receivedDateTime',
	'sentDateTime',
	'isRead',
	'isDraft',
	'hasAttachments',
	'importance',
	'categories',
	'flag',
	'bodyPreview',
	'body',
	'conversationId',
	'internetMessageId',
	'parentFolderId',
	'webLink',
].join(',');

/** The `$select` of a read: the builder's fields, or what the simplified output needs. */
export function selectFor(fields: unknown, output: string): string | undefined {
	const chosen = String(fields ?? '').trim();
	if (chosen) return chosen;
	return output === 'raw' ? undefined : SIMPLIFIED_FIELDS;
}

/** The fields a builder maps most, flat; `raw` output keeps Graph's shape. */
export function simplifyMessage(message: IDataObject): IDataObject {
	const body = message.body as { contentType?: string; content?: string } | undefined;
	const flag = message.flag as { flagStatus?: string } | undefined;
	const from = message.from as Address | undefined;
	return {
		id: message.id,
		subject: message.subject,
		from: address(from),
		fromName: from?.emailAddress?.name,
		to: addresses(message.toRecipients),
		cc: addresses(message.ccRecipients),
		replyTo: addresses(message.replyTo),
		receivedDateTime: message.receivedDateTime,
		sentDateTime: message.sentDateTime,
		isRead: message.isRead,
		isDraft: message.isDraft,
		hasAttachments: message.hasAttachments,
		importance: message.importance,
		categories: message.categories,
		flagStatus: flag?.flagStatus,
		bodyPreview: message.bodyPreview,
		bodyType: body?.contentType?.toLowerCase(),
		body: body?.content,
		conversationId: message.conversationId,
		internetMessageId: message.internetMessageId,
		parentFolderId: message.parentFolderId,
		webLink: message.webLink,
	};
}

/** Graph's own shape, without its `@odata` annotations. */
export function rawMessage(message: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(message).filter(([name]) => !name.startsWith('@odata')));
}

export function messageOutput(message: IDataObject, output: string): IDataObject {
	return output === 'raw' ? rawMessage(message) : simplifyMessage(message);
}
