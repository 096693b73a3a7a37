import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { SandboxClock } from '../shared/clock';
import { signRs256, type JsonWebKeySet, type RsaJsonWebKey } from '../shared/jwt';
import { CognitoError, MESSAGES } from './errors';
import type { PoolUser } from './users';

/** What InitiateAuth and RespondToAuthChallenge return when sign-in is complete. */
export interface AuthenticationResult {
	AccessToken: string;
	ExpiresIn: number;
	IdToken: string;
	/** Absent from a refresh: the pool does not rotate refresh tokens. */
	RefreshToken?: string;
	TokenType: 'Bearer';
}

export interface TokenLifetimes {
	/** ID and access tokens; Cognito's default and Claris' setting is one hour. */
	tokenSeconds: number;
	/** Refresh tokens; Claris documents one year. */
	refreshTokenSeconds: number;
}

interface RefreshTokenRecord {
	username: string;
	clientId: string;
	expiresAt: number;
	/** Seconds: refreshed tokens keep the time of the sign-in that issued this refresh token. */
	authTime: number;
	originJti: string;
	revoked: boolean;
}

/** JWE header of Cognito refresh tokens: clients only ever pass them back, never read them. */
const REFRESH_TOKEN_HEADER = Buffer.from(
	JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' }),
).toString('base64url');

/** Signs ID and access tokens with the pool's RSA key and keeps its refresh tokens. */
export class TokenIssuer {
	private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
	private readonly jwk: RsaJsonWebKey;
	private readonly refreshTokens = new Map<string, RefreshTokenRecord>();

	constructor(
		private readonly issuer: string,
		private readonly clock: SandboxClock,
		readonly lifetimes: TokenLifetimes,
	) {
		const { n, e } = this.keys.publicKey.export({ format: 'jwk' });
		if (!n || !e) throw new Error('RSA key without modulus or exponent');
		const kid = createHash('sha256').update(n).digest('base64');
		this.jwk = { kty: 'RSA', alg: 'RS256', use: 'sig', kid, n, e };
	}

	jwks(): JsonWebKeySet {
		return { keys: [{ ...this.jwk }] };
	}

	/** Tokens for a completed sign-in, with a new refresh token. */
	signIn(user: PoolUser, clientId: string): AuthenticationResult {
		const now = this.clock.now();
		const refreshToken = [
			REFRESH_TOKEN_HEADER,
			randomBytes(256).toString('base64url'),
			randomBytes(12).toString('base64url'),
			randomBytes(1200).toString('base64url'),
			randomBytes(16).toString('base64url'),
		].join('.');
		const record: RefreshTokenRecord = {
			username: user.username,
			clientId,
			expiresAt: now + this.lifetimes.refreshTokenSeconds * 1000,
			authTime: Math.floor(now / 1000),
			originJti: randomUUID(),
			revoked: false,
		};
		this.refreshTokens.set(refreshToken, record);
		return { ...this.sign(user, record), RefreshToken: refreshToken };
	}

	/**
	 * New ID and access tokens for `refreshToken`, or the NotAuthorizedException Cognito
	 * answers: "Invalid Refresh Token." for one it does not know (or issued to another app
	 * client), "Refresh Token has been revoked", "Refresh Token has expired".
	 */
	refresh(
		refreshToken: string,
		clientId: string,
		userNamed: (username: string) => PoolUser | undefined,
	): AuthenticationResult {
		const record = this.refreshTokens.get(refreshToken);
		const user = record && userNamed(record.username);
		if (!record || !user || record.clientId !== clientId) {
			throw new CognitoError('NotAuthorizedException', MESSAGES.invalidRefreshToken);
		}
		if (record.revoked) {
			throw new CognitoError('NotAuthorizedException', MESSAGES.refreshTokenRevoked);
		}
		if (this.clock.now() >= record.expiresAt) {
			throw new CognitoError('NotAuthorizedException', MESSAGES.refreshTokenExpired);
		}
		if (!user.enabled) throw new CognitoError('NotAuthorizedException', MESSAGES.userDisabled);
		return this.sign(user, record);
	}

	/** Revokes one refresh token (RevokeToken); false when it is unknown. */
	revoke(refreshToken: string): boolean {
		const record = this.refreshTokens.get(refreshToken);
		if (!record) return false;
		record.revoked = true;
		return true;
	}

	/** Revokes every refresh token of a user (a global sign-out); how many there were. */
	revokeUser(username: string): number {
		let count = 0;
		for (const record of this.refreshTokens.values()) {
			if (record.username === username && !record.revoked) {
				record.revoked = true;
				count++;
			}
		}
		return count;
	}

	/** Whether a refresh would succeed now (known, not revoked, not expired). */
	isActive(refreshToken: string): boolean {
		const record = this.refreshTokens.get(refreshToken);
		return !!record && !record.revoked && this.clock.now() < record.expiresAt;
	}

	/** When `refreshToken` expires, on the sandbox clock; undefined when it is unknown. */
	expiresAt(refreshToken: string): number | undefined {
		return this.refreshTokens.get(refreshToken)?.expiresAt;
	}

	private sign(user: PoolUser, record: RefreshTokenRecord): AuthenticationResult {
		const iat = Math.floor(this.clock.now() / 1000);
		const exp = iat + this.lifetimes.tokenSeconds;
		const common = {
			sub: user.sub,
			iss: this.issuer,
			origin_jti: record.originJti,
			event_id: randomUUID(),
			auth_time: record.authTime,
			iat,
			exp,
		};
		const key = this.keys.privateKey;
		const IdToken = signRs256(
			{
				...common,
				email_verified: true,
				'cognito:username': user.username,
				aud: record.clientId,
				token_use: 'id',
				jti: randomUUID(),
				email: user.email,
			},
			key,
			this.jwk.kid,
		);
		const AccessToken = signRs256(
			{
				...common,
				client_id: record.clientId,
				token_use: 'access',
				scope: 'aws.cognito.signin.user.admin',
				jti: randomUUID(),
				username: user.username,
			},
			key,
			this.jwk.kid,
		);
		return { AccessToken, ExpiresIn: this.lifetimes.tokenSeconds, IdToken, TokenType: 'Bearer' };
	}
}
