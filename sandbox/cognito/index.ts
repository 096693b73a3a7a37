import { createClock, type SandboxClock } from '../shared/clock';
import { startHttpServer } from '../shared/http-server';
import type { IdTokenTrust, JsonWebKeySet } from '../shared/jwt';
import { createCognitoApp } from './app';
import { AuthSessions } from './auth-sessions';
import { CognitoCounters } from './endpoints';
import { CognitoFaults } from './faults';
import { POOL_SETTINGS_PATH } from './pool-settings';
import type { CognitoServices } from './services';
import { TokenIssuer, type AuthenticationResult, type TokenLifetimes } from './tokens';
import { describeUser, type CognitoUserInfo } from './user-info';
import { UserDirectory, type CognitoUserSpec, type SentSms } from './users';

export { COGNITO_ENDPOINT_NAMES, CognitoCounters, type CognitoEndpointName } from './endpoints';
export { CognitoFaults } from './faults';
export { MESSAGES as COGNITO_MESSAGES } from './errors';
export { CLARIS_POOL, POOL_SETTINGS_PATH, type PoolSettingsDocument } from './pool-settings';
export { srpTimestamp } from './srp-timestamp';
export { totpCode } from './totp';
export type { AuthenticationResult, TokenLifetimes } from './tokens';
export type { CognitoUserInfo } from './user-info';
export type { CognitoUserSpec, MfaSetting, SentSms, UserStatus } from './users';
export type { IdTokenTrust, JsonWebKeySet } from '../shared/jwt';
export type { SandboxClock } from '../shared/clock';

export interface CognitoSandboxOptions {
	/** Default `us-west-2`, the region of Claris' pool. */
	region?: string;
	/** `<region>_<name>`; default `<region>_SandboxPool`. SRP hashes the part after "_". */
	userPoolId?: string;
	/** The app client; default `5sandbox9client7id3cognito`. */
	clientId?: string;
	users?: CognitoUserSpec[];
	/** Pass the FileMaker sandbox's clock (or one of your own) to move both at once. */
	clock?: SandboxClock;
	/** ID and access tokens, default 3600 (one hour, as on Claris' pool). */
	tokenValiditySeconds?: number;
	/** Default 365 days (Claris: "valid for one year"). */
	refreshTokenValiditySeconds?: number;
	/** How long an MFA `Session` or a SECRET_BLOCK lasts; default 180 (Cognito's default). */
	authSessionValiditySeconds?: number;
	https?: boolean;
	/** Default 0: a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
}

export interface CognitoUsers {
	add(spec: CognitoUserSpec): CognitoUserInfo;
	/** By username or email, case-insensitively. */
	get(name: string): CognitoUserInfo | undefined;
	setPassword(name: string, password: string): void;
	/** The user's next sign-in answers PasswordResetRequiredException. */
	requirePasswordReset(name: string): void;
	setEnabled(name: string, enabled: boolean): void;
	/** A global sign-out: every refresh token of the user revoked; how many. */
	revokeAll(name: string): number;
	/** The code in the last SMS_MFA text to the user. */
	lastSmsCode(name: string): string | undefined;
	sentSms(name: string): readonly SentSms[];
}

export interface CognitoTokens {
	/** Tokens as a completed sign-in returns them, without SRP (not counted as a login). */
	signIn(name: string): AuthenticationResult;
	revoke(refreshToken: string): boolean;
	/** Whether a refresh with it would succeed now. */
	isActive(refreshToken: string): boolean;
	/** Sandbox clock, ms since the epoch. */
	expiresAt(refreshToken: string): number | undefined;
	lifetimes: TokenLifetimes;
}

export interface CognitoSandbox {
	/** Base URL without a trailing slash; pass `${url}/` as `endpoint` to CognitoUserPool. */
	url: string;
	close(): Promise<void>;
	connections(): number;
	region: string;
	userPoolId: string;
	clientId: string;
	/** `https://cognito-idp.<region>.amazonaws.com/<poolId>`, the `iss` of every token. */
	issuer: string;
	/** The sandbox's copy of Claris' pool-settings document. */
	poolSettingsUrl: string;
	jwksUrl: string;
	clock: SandboxClock;
	faults: CognitoFaults;
	counters: CognitoCounters;
	users: CognitoUsers;
	tokens: CognitoTokens;
	/** The public keys that verify ID and access tokens. */
	jwks(): JsonWebKeySet;
	/** What a FileMaker sandbox in Cloud mode needs to trust this pool's ID tokens. */
	idTokenTrust(): IdTokenTrust;
}

/** Starts a local Amazon Cognito user pool that amazon-cognito-identity-js can sign in to. */
export async function startCognitoSandbox(
	options: CognitoSandboxOptions = {},
): Promise<CognitoSandbox> {
	const region = options.region ?? 'us-west-2';
	const userPoolId = options.userPoolId ?? `${region}_SandboxPool`;
	const poolName = userPoolId.split('_')[1];
	if (!/^[\w-]+_[0-9a-zA-Z]+$/.test(userPoolId) || !poolName) {
		throw new RangeError(`not a user pool id: ${userPoolId}`);
	}
	const clientId = options.clientId ?? '5sandbox9client7id3cognito';
	const clock = options.clock ?? createClock();
	const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;

	const users = new UserDirectory(poolName);
	for (const spec of options.users ?? []) users.add(spec);
	const tokens = new TokenIssuer(issuer, clock, {
		tokenSeconds: options.tokenValiditySeconds ?? 3600,
		refreshTokenSeconds: options.refreshTokenValiditySeconds ?? 365 * 24 * 3600,
	});
	const services: CognitoServices = {
		region,
		userPoolId,
		poolName,
		clientId,
		clock,
		users,
		tokens,
		sessions: new AuthSessions(clock, (options.authSessionValiditySeconds ?? 180) * 1000),
		counters: new CognitoCounters(),
	};
	const faults = new CognitoFaults();
	const server = await startHttpServer(createCognitoApp(services, faults), {
		https: options.https,
		port: options.port,
		host: options.host,
	});

	return {
		url: server.url,
		close: server.close,
		connections: server.connections,
		region,
		userPoolId,
		clientId,
		issuer,
		poolSettingsUrl: `${server.url}${POOL_SETTINGS_PATH}`,
		jwksUrl: `${server.url}/${userPoolId}/.well-known/jwks.json`,
		clock,
		faults,
		counters: services.counters,
		users: {
			add: (spec) => describeUser(users.add(spec)),
			get: (name) => {
				const user = users.find(name);
				return user && describeUser(user);
			},
			setPassword: (name, password) => users.setPassword(name, password),
			requirePasswordReset: (name) => {
				users.get(name).status = 'RESET_REQUIRED';
			},
			setEnabled: (name, enabled) => {
				users.get(name).enabled = enabled;
			},
			revokeAll: (name) => tokens.revokeUser(users.get(name).username),
			lastSmsCode: (name) => users.get(name).sms.at(-1)?.code,
			sentSms: (name) => users.get(name).sms,
		},
		tokens: {
			signIn: (name) => tokens.signIn(users.get(name), clientId),
			revoke: (refreshToken) => tokens.revoke(refreshToken),
			isActive: (refreshToken) => tokens.isActive(refreshToken),
			expiresAt: (refreshToken) => tokens.expiresAt(refreshToken),
			lifetimes: tokens.lifetimes,
		},
		jwks: () => tokens.jwks(),
		idTokenTrust: () => ({ issuer, clientId, jwks: () => tokens.jwks() }),
	};
}
