import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A new key for `seal`: 32 random bytes, base64. */
export function newSealKey(): string {
	return randomBytes(32).toString('base64');
}

function keyBytes(key: string): Buffer {
	const bytes = Buffer.from(key, 'base64');
	if (bytes.length !== 32) throw new Error('A seal key must be 32 bytes, base64-encoded');
	return bytes;
}

/**
 * Encrypts and authenticates `payload` (AES-256-GCM) under `key`, bound to `context` (say, the
 * credential's server and database): opening it needs the same key and the same context.
 * The result is `<prefix>.<iv>.<ciphertext+tag>` in base64url, safe in a URL or an item.
 */
export function seal(prefix: string, key: string, context: string, payload: object): string {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv(ALGORITHM, keyBytes(key), iv, { authTagLength: TAG_BYTES });
	cipher.setAAD(Buffer.from(`${prefix}|${context}`));
	const body = Buffer.concat([
		cipher.update(JSON.stringify(payload), 'utf8'),
		cipher.final(),
		cipher.getAuthTag(),
	]);
	return `${prefix}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

/**
 * The payload `seal` wrapped, or undefined when `sealed` is not one (another prefix, another
 * key or context, a changed character).
 */
export function unseal(prefix: string, key: string, context: string, sealed: string): unknown {
	const parts = sealed.split('.');
	if (parts.length !== 3 || parts[0] !== prefix || !key) return undefined;
	const iv = Buffer.from(parts[1], 'base64url');
	const body = Buffer.from(parts[2], 'base64url');
	// Only the one spelling `seal` writes: base64 leaves spare bits in a last character, and a
	// sealed value that can be written two ways is not the value that was sealed.
	if (iv.toString('base64url') !== parts[1] || body.toString('base64url') !== parts[2]) {
		return undefined;
	}
	if (iv.length !== IV_BYTES || body.length <= TAG_BYTES) return undefined;
	try {
		const decipher = createDecipheriv(ALGORITHM, keyBytes(key), iv, {
			authTagLength: TAG_BYTES,
		});
		decipher.setAAD(Buffer.from(`${prefix}|${context}`));
		decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
		const plain = Buffer.concat([
			decipher.update(body.subarray(0, body.length - TAG_BYTES)),
			decipher.final(),
		]);
		return JSON.parse(plain.toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}
