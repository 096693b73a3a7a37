import { verifyRs256, type IdTokenTrust } from '../shared/jwt';
import { FileMakerError } from './envelope';

/**
 * FileMaker Cloud: Data API logins with `Authorization: FMID <Claris ID token>` only. Pass
 * `cognito.idTokenTrust()` of a Cognito sandbox, with the options below.
 */
export interface FileMakerCloudOptions extends IdTokenTrust {
	/**
	 * The Claris IDs (emails) with access to the hosted files; any user with a valid ID token
	 * when left out. Others are refused like a wrong password.
	 */
	accounts?: string[];
	/**
	 * The body of a successful login. Claris' "Log in to a database session using a Claris ID
	 * account" shows `"response": {}` with the token in `X-FM-Data-Access-Token` only, while
	 * clients in use read `response.token` on Cloud too (python-fmrest's CloudServer);
	 * `'token'` (the default) sends both, `'empty'` follows the guide.
	 */
	loginResponse?: 'token' | 'empty';
}

/** Who a Claris ID token signs in, and until when its session may last. */
export interface CloudIdentity {
	/** The Claris ID (email), the session's account name. */
	account: string;
	/** The ID token's `exp`, in ms: the Data API session ends then, even while in use. */
	expiresAt: number;
}

/**
 * Checks an FMID login the way FileMaker Cloud trusts Claris ID: RS256 signature by a key of
 * the pool's JWKS, `iss` the pool, `token_use` "id", `aud` the app client, not expired (on
 * the sandbox clock). Basic credentials and every failed check answer 212 in an HTTP 401,
 * like a wrong password on FileMaker Server; what Cloud itself answers is not confirmed.
 */
export function cloudIdentity(
	options: FileMakerCloudOptions,
	authorization: string,
	now: number,
): CloudIdentity {
	const token = /^FMID\s+(\S+)$/i.exec(authorization)?.[1];
	if (!token) throw new FileMakerError('212');
	const jwks = typeof options.jwks === 'function' ? options.jwks() : options.jwks;
	const verified = verifyRs256(token, jwks);
	if (typeof verified === 'string') throw new FileMakerError('212');
	const { claims } = verified;
	const { exp, email } = claims;
	if (
		claims.iss !== options.issuer ||
		claims.token_use !== 'id' ||
		claims.aud !== options.clientId ||
		typeof exp !== 'number' ||
		now >= exp * 1000 ||
		typeof email !== 'string'
	) {
		throw new FileMakerError('212');
	}
	const allowed =
		options.accounts === undefined ||
		options.accounts.some((account) => account.toLowerCase() === email.toLowerCase());
	if (!allowed) throw new FileMakerError('212');
	return { account: email, expiresAt: exp * 1000 };
}
