import { createClock, type SandboxClock } from '../../shared/clock';
import { startHttpServer } from '../../shared/http-server';
import type { JsonWebKeySet } from '../../shared/jwt';
import { AccessTokenIssuer, type AccessTokenTrust } from '../access-tokens';
import { createMicrosoftIdentityApp } from './app';
import { AuthorizationCodes } from './authorization-codes';
import type { AppDescription, SecretSelector } from './controls';
import {
	Directory,
	type AppSpec,
	type SecretSpec,
	type Tenant,
	type TenantSpec,
	type UserSpec,
} from './directory';
import { MicrosoftIdentityCounters } from './endpoints';
import { MicrosoftIdentityFaults } from './faults';
import { IdTokenSigner } from './id-tokens';
import { directTokens, type DirectTokens } from './direct-tokens';
import { RefreshTokens } from './refresh-tokens';
import { sandboxControls } from './sandbox-controls';
import type { MicrosoftIdentityServices } from './services';

export { createTestCertificate, type TestCertificate } from './certificates';
export { CODE_LIFETIME_MS } from './authorization-codes';
export { JWT_BEARER } from './client-assertion';
export {
	MICROSOFT_IDENTITY_ENDPOINT_NAMES,
	MicrosoftIdentityCounters,
	type MicrosoftIdentityEndpointName,
} from './endpoints';
export { MicrosoftIdentityFaults } from './faults';
export { PAGE_TITLE as MICROSOFT_SIGN_IN_TITLE, UNKNOWN_ACCOUNT, WRONG_PASSWORD } from './pages';
export { GRAPH_APP_ID } from './scopes';
export type { AppDescription, SecretSelector } from './controls';
export type {
	AppSpec,
	CertificateSpec,
	SecretSpec,
	Tenant,
	TenantSpec,
	UserSpec,
} from './directory';
export type { AppTokenResponse, DelegatedTokenResponse } from './token-responses';
export type { DirectTokens } from './direct-tokens';
export type { SandboxClock } from '../../shared/clock';

export interface MicrosoftIdentitySandboxOptions {
	/** Share one clock with the Graph sandbox (or pass your own) to move both at once. */
	clock?: SandboxClock;
	tenants: TenantSpec[];
	apps?: AppSpec[];
	users?: UserSpec[];
	/** The `aud` of access tokens; default `https://graph.microsoft.com`. */
	graphResource?: string;
	/** `expires_in` and the tokens' lifetime; default 3599 (Entra: 60–90 minutes). */
	accessTokenLifetimeSeconds?: number;
	/** How long a refresh token lives after it was issued; default 90 days. */
	refreshTokenLifetimeDays?: number;
	/**
	 * Revoke a refresh token once a newer one was issued from it. Default false, as Entra: "The
	 * Microsoft identity platform doesn't revoke old refresh tokens when used to fetch new
	 * access tokens" (learn.microsoft.com/entra/identity-platform/refresh-tokens).
	 */
	revokeRotatedRefreshTokens?: boolean;
	/** The host the sandbox stands in for; default `login.microsoftonline.com`. */
	authorityHost?: string;
	/** Sign access tokens with this issuer (one the Graph sandbox already trusts). */
	issuer?: AccessTokenIssuer;
	https?: boolean;
	/** Default 0: a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
}

export interface MicrosoftIdentitySandbox {
	/** Base URL without a trailing slash: it stands in for `https://login.microsoftonline.com`. */
	url: string;
	close(): Promise<void>;
	connections(): number;
	clock: SandboxClock;
	counters: MicrosoftIdentityCounters;
	faults: MicrosoftIdentityFaults;
	/** Signs the access tokens; `issuer.trust()` is what the Graph sandbox verifies them with. */
	issuer: AccessTokenIssuer;
	graphResource: string;
	authorityHost: string;
	/** `https://login.microsoftonline.com/<tenant>`: the authority to configure clients with. */
	authority(tenant: string): string;
	/** The sandbox's own token endpoint for a tenant (id, domain, `common`, `organizations`). */
	tokenUrl(tenant: string): string;
	authorizeUrl(tenant: string): string;
	tenants: {
		add(spec: TenantSpec): Tenant;
		get(idOrDomain: string): Tenant | undefined;
	};
	apps: {
		add(spec: AppSpec): AppDescription;
		get(clientId: string): AppDescription | undefined;
		/** Moves a secret's expiry (ms, sandbox clock); `expireSecret` puts it at now. */
		setSecretExpiry(clientId: string, which: SecretSelector, expiresAt: number): void;
		expireSecret(clientId: string, which: SecretSelector): void;
		addSecret(clientId: string, secret: SecretSpec): number;
		addRedirectUri(clientId: string, uri: string): void;
	};
	users: {
		add(spec: UserSpec): void;
		/** By object id or user principal name; the password is left out. */
		get(idOrName: string): Omit<UserSpec, 'password'> | undefined;
		/** Revokes public clients' refresh tokens, as a password change does; how many. */
		setPassword(idOrName: string, password: string): number;
		/** `revokeSignInSessions`: all the user's refresh tokens; how many. */
		revokeSessions(idOrName: string): number;
	};
	refreshTokens: {
		isActive(refreshToken: string): boolean;
		revoke(refreshToken: string): boolean;
		/** Sandbox clock, ms since the epoch. */
		expiresAt(refreshToken: string): number | undefined;
	};
	/** Tokens without HTTP (not counted), for tests that start from a signed-in state. */
	tokens: DirectTokens;
	/** The keys of access and ID tokens, as `/{tenant}/discovery/v2.0/keys` lists them. */
	jwks(): JsonWebKeySet;
	accessTokenTrust(): AccessTokenTrust;
}

/**
 * Starts a local Microsoft identity platform (Entra ID v2.0 endpoints) that msal-node runs
 * against unmodified, when its network client sends `https://login.microsoftonline.com` here.
 */
export async function startMicrosoftIdentitySandbox(
	options: MicrosoftIdentitySandboxOptions,
): Promise<MicrosoftIdentitySandbox> {
	const clock = options.clock ?? createClock();
	const directory = new Directory();
	for (const tenant of options.tenants) directory.addTenant(tenant);
	for (const app of options.apps ?? []) directory.addApp(app);
	for (const user of options.users ?? []) directory.addUser(user);
	const refreshTokenLifetimeDays = options.refreshTokenLifetimeDays ?? 90;
	const issuer = options.issuer ?? new AccessTokenIssuer(clock);
	let url = '';
	const services: MicrosoftIdentityServices = {
		clock,
		directory,
		codes: new AuthorizationCodes(clock),
		refreshTokens: new RefreshTokens(
			clock,
			refreshTokenLifetimeDays * 24 * 3600 * 1000,
			options.revokeRotatedRefreshTokens ?? false,
		),
		issuer,
		idTokens: new IdTokenSigner(clock),
		counters: new MicrosoftIdentityCounters(),
		faults: new MicrosoftIdentityFaults(clock),
		graphResource: (options.graphResource ?? 'https://graph.microsoft.com').replace(/\/+$/, ''),
		accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3599,
		refreshTokenLifetimeDays,
		authorityHost: options.authorityHost ?? 'login.microsoftonline.com',
		url: () => url,
	};
	const server = await startHttpServer(createMicrosoftIdentityApp(services), {
		https: options.https,
		port: options.port,
		host: options.host,
	});
	url = server.url;

	return {
		url,
		close: server.close,
		connections: server.connections,
		clock,
		counters: services.counters,
		faults: services.faults,
		issuer,
		graphResource: services.graphResource,
		authorityHost: services.authorityHost,
		authority: (tenant) => `https://${services.authorityHost}/${tenant}`,
		tokenUrl: (tenant) => `${url}/${tenant}/oauth2/v2.0/token`,
		authorizeUrl: (tenant) => `${url}/${tenant}/oauth2/v2.0/authorize`,
		...sandboxControls(services),
		tokens: directTokens(services),
		jwks: () => ({ keys: [...issuer.trust().jwks().keys, ...services.idTokens.jwks().keys] }),
		accessTokenTrust: () => issuer.trust(),
	};
}
