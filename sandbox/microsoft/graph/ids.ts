import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Identifiers shaped like Exchange's: long URL-safe base64 with `=` padding, so that they
 * contain `-`, `_` and `=` and a client that does not encode them in URLs, or mangles them,
 * notices. Every message id here has at least one `-` and one `_` (on purpose).
 */
function urlSafe(bytes: number): string {
	for (;;) {
		const text = randomBytes(bytes).toString('base64url');
		if (text.includes('-') && text.includes('_')) return text;
	}
}

export function newMessageId(): string {
	return `AAMkAD${urlSafe(102)}AAA=`;
}

export function newFolderId(): string {
	return `AQMkAD${urlSafe(36)}AAAA==`;
}

export function newAttachmentId(): string {
	return `AAMkAD${urlSafe(96)}BEgAQA${urlSafe(12)}=`;
}

export function newConversationId(): string {
	return `AAQkAD${urlSafe(60)}=`;
}

/** Standard base64, as Exchange change keys are (they contain `/` and `+`). */
export function newChangeKey(): string {
	return `CQAAABYAAAA${randomBytes(18).toString('base64')}`;
}

export function newConversationIndex(): string {
	return randomBytes(22).toString('base64');
}

export function newInternetMessageId(): string {
	const local = randomBytes(16).toString('hex').toUpperCase();
	return `<${local}@SANDBOX01.prod.outlook.com>`;
}

export function newRequestId(): string {
	return randomUUID();
}

/** An opaque token (delta, skip, upload): long and URL-safe. */
export function newOpaqueToken(bytes = 36): string {
	return randomBytes(bytes).toString('base64url');
}

const ID_SHAPE = /^[A-Za-z0-9\-_+/]{16,}={0,2}$/;

/** Whether `id` could be an Exchange id at all; anything else is ErrorInvalidIdMalformed. */
export function isWellFormedId(id: string): boolean {
	return ID_SHAPE.test(id);
}

export function etagOf(changeKey: string): string {
	return `W/"${changeKey}"`;
}
