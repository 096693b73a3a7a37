import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The server half of Cognito's SRP-6a, computed the way amazon-cognito-identity-js computes
 * the client half (`src/AuthenticationHelper.js`, `src/CognitoUser.js`): the RFC 5054
 * 3072-bit group, g = 2, SHA-256, numbers hashed in the library's `padHex` form.
 */
const N = BigInt(
	'0x' +
		'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22' +
		'514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6' +
		'F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D' +
		'C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB' +
		'9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E8603' +
		'9B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
		'15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7D' +
		'B3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864' +
		'D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB31' +
		'43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;
const k = hexToBigInt(hexHash(padHex(N) + padHex(g)));
const INFO = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);

/**
 * Java's `BigInteger.toByteArray()` in hex, for the positive numbers SRP uses: even length,
 * and a leading `00` when the top bit is set. Leading zero bytes are dropped, so the salt a
 * client hashes is `padHex` of the SALT parsed as a number, not the SALT text.
 */
export function padHex(value: bigint): string {
	let hex = value.toString(16);
	if (hex.length % 2 === 1) hex = `0${hex}`;
	return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

export interface SrpVerifier {
	/** Hex, as the challenge's SALT carries it. */
	salt: string;
	verifier: bigint;
}

/** x = H(salt | H(poolName + userId + ":" + password)); v = g^x mod N. */
export function makeVerifier(
	poolName: string,
	userId: string,
	password: string,
	salt = randomBytes(16).toString('hex'),
): SrpVerifier {
	const identity = sha256Hex(Buffer.from(`${poolName}${userId}:${password}`, 'utf8'));
	const x = hexToBigInt(hexHash(padHex(hexToBigInt(salt)) + identity));
	return { salt, verifier: modPow(g, x, N) };
}

/** The server's ephemeral pair for one login: b secret, B = k·v + g^b mod N sent as SRP_B. */
export function serverEphemeral(verifier: bigint): { b: bigint; B: bigint } {
	for (;;) {
		const b = hexToBigInt(randomBytes(32).toString('hex'));
		const B = (k * verifier + modPow(g, b, N)) % N;
		if (B !== 0n) return { b, B };
	}
}

/** Parses SRP_A; undefined when it is not hex or A mod N is 0 (RFC 5054 §2.5.4). */
export function parseClientPublic(srpA: string): bigint | undefined {
	if (!/^[0-9a-fA-F]+$/.test(srpA)) return undefined;
	const A = hexToBigInt(srpA);
	return A % N === 0n ? undefined : A;
}

/** The 16-byte key both sides derive: HKDF(S, salt u, info "Caldera Derived Key"). */
export function passwordAuthenticationKey(
	A: bigint,
	B: bigint,
	b: bigint,
	verifier: bigint,
): Buffer | undefined {
	const u = hexToBigInt(hexHash(padHex(A) + padHex(B)));
	if (u === 0n) return undefined;
	const S = modPow((A * modPow(verifier, u, N)) % N, b, N);
	const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
		.update(Buffer.from(padHex(S), 'hex'))
		.digest();
	return createHmac('sha256', prk).update(INFO).digest().subarray(0, 16);
}

/** PASSWORD_CLAIM_SIGNATURE: HMAC-SHA256(key, poolName | userId | secret block | timestamp). */
export function claimSignature(
	key: Buffer,
	poolName: string,
	userId: string,
	secretBlock: string,
	timestamp: string,
): Buffer {
	return createHmac('sha256', key)
		.update(Buffer.from(poolName, 'utf8'))
		.update(Buffer.from(userId, 'utf8'))
		.update(Buffer.from(secretBlock, 'base64'))
		.update(Buffer.from(timestamp, 'utf8'))
		.digest();
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
	let result = 1n;
	let square = base % modulus;
	for (let rest = exponent; rest > 0n; rest >>= 1n) {
		if (rest & 1n) result = (result * square) % modulus;
		square = (square * square) % modulus;
	}
	return result;
}

function hexToBigInt(hex: string): bigint {
	return BigInt(`0x${hex}`);
}

function sha256Hex(data: Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

function hexHash(hex: string): string {
	return sha256Hex(Buffer.from(hex, 'hex'));
}
