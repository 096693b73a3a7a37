import type { DirectoryUser, RegisteredApp } from './directory';
import { scopeParameter, scpClaim, type GrantedScopes } from './scopes';
import type { MicrosoftIdentityServices } from './services';

/** A client credentials answer, as the protocol documentation shows it. */
export interface AppTokenResponse {
	token_type: 'Bearer';
	expires_in: number;
	ext_expires_in: number;
	access_token: string;
}

/** An authorization code or refresh token answer. */
export interface DelegatedTokenResponse extends AppTokenResponse {
	scope: string;
	/** Only when `offline_access` was granted. */
	refresh_token?: string;
	/** Only when `openid` was granted. */
	id_token?: string;
	/** base64url `{"uid": <oid>, "utid": <tid>}`, when the request carried `client_info=1`. */
	client_info?: string;
}

/** `https://sts.windows.net/<tid>/`, the issuer of v1 access tokens (Graph's). */
export function accessTokenIssuer(tenantId: string): string {
	return `https://sts.windows.net/${tenantId}/`;
}

/** An app-only Graph token carrying the application permissions as `roles`. */
export function appTokenResponse(
	services: MicrosoftIdentityServices,
	app: RegisteredApp,
): AppTokenResponse {
	const lifetime = services.accessTokenLifetimeSeconds;
	const { token } = services.issuer.issue(
		{
			aud: services.graphResource,
			iss: accessTokenIssuer(app.tenantId),
			tid: app.tenantId,
			appid: app.clientId,
			idtyp: 'app',
			oid: app.servicePrincipalId,
			roles: [...app.applicationPermissions],
		},
		lifetime,
	);
	return {
		token_type: 'Bearer',
		expires_in: lifetime,
		ext_expires_in: lifetime,
		access_token: token,
	};
}

export interface DelegatedGrant {
	app: RegisteredApp;
	user: DirectoryUser;
	scopes: GrantedScopes;
	sessionId: string;
	nonce?: string;
	/** The new refresh token, when `offline_access` is granted. */
	refreshToken?: string;
	clientInfo: boolean;
}

/** A user's Graph token with `scp`, and the refresh token, ID token and client info that go with it. */
export function delegatedTokenResponse(
	services: MicrosoftIdentityServices,
	grant: DelegatedGrant,
): DelegatedTokenResponse {
	const { app, user, scopes } = grant;
	const lifetime = services.accessTokenLifetimeSeconds;
	const { token } = services.issuer.issue(
		{
			aud: services.graphResource,
			iss: accessTokenIssuer(user.tenantId),
			tid: user.tenantId,
			appid: app.clientId,
			idtyp: 'user',
			oid: user.id,
			scp: scpClaim(scopes),
			upn: user.userPrincipalName,
		},
		lifetime,
	);
	const response: DelegatedTokenResponse = {
		token_type: 'Bearer',
		scope: scopeParameter(scopes),
		expires_in: lifetime,
		ext_expires_in: lifetime,
		access_token: token,
	};
	if (grant.refreshToken !== undefined) response.refresh_token = grant.refreshToken;
	if (scopes.oidc.includes('openid')) {
		response.id_token = services.idTokens.sign({
			app,
			user,
			issuer: `https://${services.authorityHost}/${user.tenantId}/v2.0`,
			sessionId: grant.sessionId,
			nonce: grant.nonce,
			withEmail: scopes.oidc.includes('email'),
		});
	}
	if (grant.clientInfo) response.client_info = clientInfo(user);
	return response;
}

/** What Entra returns as `client_info` (token answers, and redirects that asked for it). */
export function clientInfo(user: DirectoryUser): string {
	return Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString('base64url');
}
