import { aadsts } from '../aadsts';
import { readDelegatedScopes, redeemedScopes } from '../scopes';
import { delegatedTokenResponse, type DelegatedTokenResponse } from '../token-responses';
import { aadDateTime } from '../wire';
import type { GrantRequest } from './grant-request';

/**
 * `grant_type=refresh_token`: a new access token for any permission the tenant consented to,
 * and a new refresh token every time (rotation). The old refresh token stays valid, as Entra
 * leaves it, unless the sandbox was started with `revokeRotatedRefreshTokens`.
 */
export function refreshTokenGrant(request: GrantRequest): DelegatedTokenResponse {
	const { services, form, app, segment } = request;
	const token = form.refresh_token;
	if (token === undefined || token === '') throw aadsts.missingParameter('refresh_token');

	const looked = services.refreshTokens.look(token);
	if (looked.kind === 'unknown') throw aadsts.malformedGrant();
	if (looked.kind === 'expired') {
		throw aadsts.refreshTokenInactive(
			aadDateTime(looked.issuedAt),
			services.refreshTokenLifetimeDays,
		);
	}
	if (looked.kind === 'revoked') {
		throw aadsts.refreshTokenRevoked(aadDateTime(looked.issuedAt), aadDateTime(looked.revokedAt));
	}
	const grant = looked.grant;
	if (grant.clientId !== app.clientId) throw aadsts.grantForOtherClient('refresh_token');
	const user = services.directory.user(grant.userId);
	if (!user) throw aadsts.malformedGrant();
	if (segment.kind === 'tenant' && segment.tenant.tenantId !== grant.tenantId) {
		throw aadsts.userNotInTenant(
			user.userPrincipalName,
			segment.tenant.displayName,
			app.clientId,
			app.displayName,
		);
	}

	const requested = readDelegatedScopes(form.scope, app, services.graphResource);
	if (requested.notConsented.length > 0) throw aadsts.notConsented(app.clientId, app.displayName);
	const scopes = redeemedScopes(grant.scopes, requested.granted);
	const refreshToken = services.refreshTokens.rotate(token, {
		...grant,
		scopes: { graph: grant.scopes.graph, oidc: scopes.oidc },
	});
	return delegatedTokenResponse(services, {
		app,
		user,
		scopes,
		sessionId: grant.sessionId,
		refreshToken,
		clientInfo: form.client_info === '1',
	});
}
