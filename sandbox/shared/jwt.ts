import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** One RSA public key as a JWKS lists it (RFC 7517). */
export interface RsaJsonWebKey {
	kty: 'RSA';
	alg: 'RS256';
	use: 'sig';
	kid: string;
	n: string;
	e: string;
}

export interface JsonWebKeySet {
	keys: RsaJsonWebKey[];
}

export type JwtClaims = Record<string, unknown>;

/**
 * What a relying party (FileMaker Cloud) needs to accept a pool's ID tokens: the public keys,
 * the issuer and the app client the tokens are for. A function for `jwks` sees rotated keys.
 */
export interface IdTokenTrust {
	issuer: string;
	clientId: string;
	jwks: JsonWebKeySet | (() => JsonWebKeySet);
}

/** A JWT signed with RS256; the header carries `kid` and `alg` only, as Cognito's do. */
export function signRs256(claims: JwtClaims, privateKey: KeyObject, kid: string): string {
	const header = base64url(JSON.stringify({ kid, alg: 'RS256' }));
	const payload = base64url(JSON.stringify(claims));
	const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKey);
	return `${header}.${payload}.${signature.toString('base64url')}`;
}

/** Why a token was not accepted; `undefined` from `verifyRs256` means its signature holds. */
export type JwtRejection = 'malformed' | 'unknown key' | 'bad signature';

export interface VerifiedJwt {
	header: JwtClaims;
	claims: JwtClaims;
}

/**
 * Checks the shape and the RS256 signature of `token` against the key of `jwks` named by its
 * `kid`. Claims (issuer, audience, expiry) are the caller's to check.
 */
export function verifyRs256(token: string, jwks: JsonWebKeySet): VerifiedJwt | JwtRejection {
	const parts = token.split('.');
	if (parts.length !== 3) return 'malformed';
	const header = decodeJson(parts[0]);
	const claims = decodeJson(parts[1]);
	if (!header || !claims || header.alg !== 'RS256') return 'malformed';
	const jwk = jwks.keys.find((key) => key.kid === header.kid);
	if (!jwk) return 'unknown key';
	const valid = verify(
		'sha256',
		Buffer.from(`${parts[0]}.${parts[1]}`),
		createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' }),
		Buffer.from(parts[2], 'base64url'),
	);
	return valid ? { header, claims } : 'bad signature';
}

/** The claims of a JWT without checking anything, for tests and logs. */
export function decodeJwtClaims(token: string): JwtClaims | undefined {
	return decodeJson(token.split('.')[1] ?? '');
}

function decodeJson(segment: string): JwtClaims | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as JwtClaims)
			: undefined;
	} catch {
		return undefined;
	}
}

function base64url(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64url');
}
