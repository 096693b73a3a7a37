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
