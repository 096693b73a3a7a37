import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { SandboxClock } from '../shared/clock';
import { signRs256, type JsonWebKeySet, type RsaJsonWebKey } from '../shared/jwt';

export interface IdentityPerson {
	email: string;
	password: string;
	name: string;
	/** The `sub` claim; derived from the email when left out. */
	sub?: string;
}

export interface IdentityClient {
	clientId: string;
	clientSecret: string;
	/** Exact redirect URIs the client may use (compared as strings, as OAuth 2.0 asks). */
	redirectUris: string[];
}

/** How long an authorization code can be redeemed, on the sandbox clock. */
export const CODE_LIFETIME_MS = 60 * 1000;
/** Lifetime of access and ID tokens, in seconds. */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** The people who can sign in and the clients (relying parties) registered with the provider. */
export class IdentityDirectory {
	private readonly people = new Map<string, IdentityPerson>();
	private readonly clients = new Map<string, IdentityClient>();

	addPerson(person: IdentityPerson): void {
		this.people.set(person.email.toLowerCase(), { ...person });
	}

	/** By email, case-insensitively. */
	person(email: string): IdentityPerson | undefined {
		return this.people.get(email.toLowerCase());
	}

	listPeople(): IdentityPerson[] {
		return [...this.people.values()];
	}

	addClient(client: IdentityClient): void {
		this.clients.set(client.clientId, { ...client, redirectUris: [...client.redirectUris] });
	}

	client(clientId: string): IdentityClient | undefined {
		return this.clients.get(clientId);
	}

	listClients(): IdentityClient[] {
		return [...this.clients.values()];
	}

	/** Registers one more redirect URI for a client (kept once). */
	addRedirectUri(clientId: string, uri: string): void {
		const client = this.clients.get(clientId);
		if (!client) throw new RangeError(`no client ${clientId}`);
		if (!client.redirectUris.includes(uri)) client.redirectUris.push(uri);
	}
}

export function subjectOf(person: IdentityPerson): string {
	return (
		person.sub ?? createHash('sha256').update(person.email.toLowerCase()).digest('hex').slice(0, 24)
	);
}

interface IssuedCode {
	clientId: string;
	redirectUri: string;
	email: string;
	scope: string;
	nonce?: string;
	authTime: number;
	expiresAt: number;
}

/** Authorization codes: random, single use, redeemable for `CODE_LIFETIME_MS`. */
export class AuthorizationCodes {
	private readonly codes = new Map<string, IssuedCode>();

	constructor(private readonly clock: SandboxClock) {}

	issue(grant: Omit<IssuedCode, 'expiresAt' | 'authTime'>): string {
		const code = randomBytes(24).toString('base64url');
		const now = this.clock.now();
		this.codes.set(code, { ...grant, authTime: now, expiresAt: now + CODE_LIFETIME_MS });
		return code;
	}

	/** The code's grant, spent by asking; undefined for an unknown, used or expired code. */
	take(code: string): IssuedCode | undefined {
		const grant = this.codes.get(code);
		this.codes.delete(code);
		if (!grant || this.clock.now() >= grant.expiresAt) return undefined;
		return grant;
	}
}

export interface TokenResponse {
	access_token: string;
	id_token: string;
	token_type: 'Bearer';
	expires_in: number;
	scope: string;
}

/** Signs ID tokens (RS256) with the provider's key, published as its JWKS. */
export class IdTokenSigner {
	private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
	private readonly jwk: RsaJsonWebKey;

	constructor(private readonly clock: SandboxClock) {
		const { n, e } = this.keys.publicKey.export({ format: 'jwk' });
		if (!n || !e) throw new Error('RSA key without modulus or exponent');
		const kid = createHash('sha256').update(n).digest('base64url').slice(0, 16);
		this.jwk = { kty: 'RSA', alg: 'RS256', use: 'sig', kid, n, e };
	}

	jwks(): JsonWebKeySet {
		return { keys: [{ ...this.jwk }] };
	}

	tokens(
		issuer: string,
		person: IdentityPerson,
		grant: { clientId: string; scope: string; nonce?: string; authTime: number },
	): TokenResponse {
		const iat = Math.floor(this.clock.now() / 1000);
		const claims: Record<string, unknown> = {
			iss: issuer,
			aud: grant.clientId,
			sub: subjectOf(person),
			email: person.email,
			email_verified: true,
			name: person.name,
			iat,
			exp: iat + TOKEN_LIFETIME_SECONDS,
			auth_time: Math.floor(grant.authTime / 1000),
		};
		if (grant.nonce !== undefined) claims.nonce = grant.nonce;
		return {
			access_token: randomBytes(32).toString('base64url'),
			id_token: signRs256(claims, this.keys.privateKey, this.jwk.kid),
			token_type: 'Bearer',
			expires_in: TOKEN_LIFETIME_SECONDS,
			scope: grant.scope,
		};
	}
}
