import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';

import type { SandboxClock } from '../shared/clock';
import type { JsonWebKeySet } from '../shared/jwt';
import { signRs256, verifyRs256 } from '../shared/jwt';

/**
 * The claims of a Microsoft Graph access token (v1 tokens, as Graph receives them) that the
 * sandboxes use. App-only tokens carry `roles` (application permissions); delegated tokens carry
 * `scp` (space-separated scopes) and the user (`upn`, `oid`).
 */
export interface GraphAccessClaims {
	/** The Graph resource, e.g. `https://graph.microsoft.com`. */
	aud: string;
	/** `https://sts.windows.net/<tid>/` */
	iss: string;
	tid: string;
	/** The app registration's client id. */
	appid: string;
	idtyp: 'app' | 'user';
	/** The service principal's object id (app) or the user's object id (delegated). */
	oid: string;
	roles?: string[];
	scp?: string;
	upn?: string;
	iat: number;
	nbf: number;
	exp: number;
	/** A unique id per token (`uti` in real tokens). */
	uti: string;
}

/** What the Graph sandbox needs to accept the identity sandbox's access tokens. */
export interface AccessTokenTrust {
	jwks(): JsonWebKeySet;
}

/**
 * Signs and checks Graph access tokens (RS256) on a sandbox clock. The identity sandbox issues
 * them; the Graph sandbox verifies them with `trust()`, as Graph does with Entra ID's keys.
 */
export class AccessTokenIssuer {
	private readonly privateKey: KeyObject;
	private readonly publicJwks: JsonWebKeySet;
	private readonly kid = randomUUID();

	constructor(private readonly clock: SandboxClock) {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		this.privateKey = privateKey;
		const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
		this.publicJwks = {
			keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e }],
		};
	}

	/** A token valid for `lifetimeSeconds` from now on the sandbox clock. */
	issue(
		claims: Omit<GraphAccessClaims, 'iat' | 'nbf' | 'exp' | 'uti'>,
		lifetimeSeconds: number,
	): { token: string; claims: GraphAccessClaims } {
		const now = Math.floor(this.clock.now() / 1000);
		const full: GraphAccessClaims = {
			...claims,
			iat: now,
			nbf: now,
			exp: now + lifetimeSeconds,
			uti: randomUUID(),
		};
		return { token: signRs256({ ...full }, this.privateKey, this.kid), claims: full };
	}

	trust(): AccessTokenTrust {
		return { jwks: () => this.publicJwks };
	}
}

/** Why a presented token was refused, for Graph's 401 answers. */
export type AccessTokenRejection = 'malformed' | 'bad signature' | 'expired' | 'wrong audience';

/** The claims of a token the trust accepts for `audience` now, or why it is refused. */
export function verifyAccessToken(
	token: string,
	trust: AccessTokenTrust,
	audience: string,
	nowMs: number,
): GraphAccessClaims | AccessTokenRejection {
	const verified = verifyRs256(token, trust.jwks());
	if (verified === 'malformed') return 'malformed';
	if (typeof verified === 'string') return 'bad signature';
	const claims = verified.claims as unknown as GraphAccessClaims;
	if (claims.aud !== audience && claims.aud !== `${audience}/`) return 'wrong audience';
	if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return 'expired';
	return claims;
}
