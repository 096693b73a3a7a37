import { createHmac, timingSafeEqual } from 'node:crypto';

const STEP_MS = 30_000;
const DIGITS = 6;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The RFC 6238 code (HMAC-SHA1, 30 s steps, 6 digits) of a base32 secret at `atMs`. */
export function totpCode(secret: string, atMs: number): string {
	return codeForStep(base32Decode(secret), Math.floor(atMs / STEP_MS));
}

/**
 * Whether `code` is the code of the step at `atMs` or of the step either side: authenticator
 * apps and servers drift, and Cognito accepts a code slightly early or late. How wide its
 * window is exactly is not documented; one step either side is what clients can count on.
 */
export function totpMatches(secret: string, code: string, atMs: number): boolean {
	if (!/^\d{6}$/.test(code)) return false;
	const key = base32Decode(secret);
	const step = Math.floor(atMs / STEP_MS);
	return [step - 1, step, step + 1].some((candidate) =>
		timingSafeEqual(Buffer.from(codeForStep(key, candidate)), Buffer.from(code)),
	);
}

function codeForStep(key: Buffer, step: number): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(step));
	const digest = createHmac('sha1', key).update(counter).digest();
	const offset = digest[digest.length - 1] & 0x0f;
	const value = digest.readUInt32BE(offset) & 0x7fffffff;
	return String(value % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** RFC 4648 base32, case and padding tolerant, as authenticator apps read secrets. */
export function base32Decode(secret: string): Buffer {
	const clean = secret.toUpperCase().replace(/[\s=]/g, '');
	let bits = 0;
	let value = 0;
	const bytes: number[] = [];
	for (const char of clean) {
		const index = BASE32.indexOf(char);
		if (index === -1) throw new RangeError(`not a base32 secret: ${secret}`);
		value = (value << 5) | index;
		bits += 5;
		if (bits >= 8) {
			bytes.push((value >>> (bits - 8)) & 0xff);
			bits -= 8;
			value &= (1 << bits) - 1;
		}
	}
	return Buffer.from(bytes);
}
