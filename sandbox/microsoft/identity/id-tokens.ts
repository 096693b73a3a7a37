import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { SandboxClock } from '../../shared/clock';
import { signRs256, type JsonWebKeySet, type RsaJsonWebKey } from '../../shared/jwt';
import type { DirectoryUser, RegisteredApp } from './directory';

/** ID tokens live an hour. */
export const ID_TOKEN_LIFETIME_SECONDS = 3600;

export interface IdTokenRequest {
	app: RegisteredApp;
	user: DirectoryUser;
	/** The v2.0 issuer, `https://login.microsoftonline.com/<tid>/v2.0`. */
	issuer: string;
	sessionId: string;
	nonce?: string;
	withEmail: boolean;
}

/**
 * Signs v2.0 ID tokens (RS256) with a key of its own, published next to the access token key
 * at `/{tenant}/discovery/v2.0/keys`.
 */
export class IdTokenSigner {
	private readonly privateKey: KeyObject;
	private readonly jwk: RsaJsonWebKey;

	constructor(private readonly clock: SandboxClock) {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		this.privateKey = privateKey;
		const { n, e } = publicKey.export({ format: 'jwk' });
		if (!n || !e) throw new Error('RSA key without modulus or exponent');
		const kid = createHash('sha256').update(n).digest('base64url').slice(0, 27);
		this.jwk = { kty: 'RSA', alg: 'RS256', use: 'sig', kid, n, e };
	}

	jwks(): JsonWebKeySet {
		return { keys: [{ ...this.jwk }] };
	}

	sign(request: IdTokenRequest): string {
		const { app, user } = request;
		const iat = Math.floor(this.clock.now() / 1000);
		const claims: Record<string, unknown> = {
			aud: app.clientId,
			iss: request.issuer,
			iat,
			nbf: iat,
			exp: iat + ID_TOKEN_LIFETIME_SECONDS,
			name: user.displayName,
			oid: user.id,
			preferred_username: user.userPrincipalName,
			rh: `0.A${randomBytes(24).toString('base64url')}.`,
			sid: request.sessionId,
			// Pairwise: the same person has another `sub` in every app.
			sub: createHash('sha256')
				.update(`${user.id}:${app.clientId}`)
				.digest('base64url')
				.slice(0, 43),
			tid: user.tenantId,
			uti: randomBytes(16).toString('base64url'),
			ver: '2.0',
		};
		if (request.withEmail) claims.email = user.userPrincipalName;
		if (request.nonce !== undefined) claims.nonce = request.nonce;
		return signRs256(claims, this.privateKey, this.jwk.kid);
	}
}
