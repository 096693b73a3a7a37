import { aadsts } from '../aadsts';
import { verifiesChallenge, type CodeGrant } from '../authorization-codes';
import { readDelegatedScopes, redeemedScopes } from '../scopes';
import { delegatedTokenResponse, type DelegatedTokenResponse } from '../token-responses';
import type { GrantRequest } from './grant-request';

/**
 * `grant_type=authorization_code`: a code from a sign-in, redeemed once within ten minutes by
 * the app it was issued to, with the same redirect URI and the PKCE verifier of its challenge.
 * Answers an access token, a refresh token (`offline_access`) and an ID token (`openid`).
 */
export function authorizationCodeGrant(request: GrantRequest): DelegatedTokenResponse {
	const { services, form, app, segment } = request;
	const code = form.code;
	if (code === undefined || code === '') throw aadsts.missingParameter('code');
	const redirectUri = form.redirect_uri;
	if (redirectUri === undefined) throw aadsts.missingParameter('redirect_uri');

	const looked = services.codes.look(code);
	if (looked.kind === 'unknown') throw aadsts.malformedGrant();
	if (looked.kind === 'expired') throw aadsts.expiredCode();
	if (looked.kind === 'redeemed') throw aadsts.codeRedeemed();
	const grant = looked.grant;
	if (grant.clientId !== app.clientId) throw aadsts.grantForOtherClient('code');
	if (segment.kind === 'tenant' && segment.tenant.tenantId !== grant.tenantId) {
		throw aadsts.codeForOtherTenant();
	}
	if (redirectUri !== grant.redirectUri) {
		throw app.redirectUris.includes(redirectUri)
			? aadsts.redirectUriDiffers(redirectUri, grant.redirectUri)
			: aadsts.redirectUriNotRegistered(redirectUri, app.clientId);
	}
	checkVerifier(grant, form.code_verifier);

	const requested = readDelegatedScopes(form.scope, app, services.graphResource);
	if (requested.notConsented.length > 0) throw aadsts.notConsented(app.clientId, app.displayName);
	const scopes = redeemedScopes(grant.scopes, requested.granted);
	const user = services.directory.user(grant.userId);
	if (!user) throw aadsts.malformedGrant();

	services.codes.redeem(code);
	const refreshToken = scopes.oidc.includes('offline_access')
		? services.refreshTokens.issue({
				clientId: app.clientId,
				tenantId: grant.tenantId,
				userId: user.id,
				scopes,
				sessionId: grant.sessionId,
				authTime: grant.authTime,
				publicClient: app.publicClient,
			})
		: undefined;
	return delegatedTokenResponse(services, {
		app,
		user,
		scopes,
		sessionId: grant.sessionId,
		nonce: grant.nonce,
		refreshToken,
		clientInfo: form.client_info === '1',
	});
}

function checkVerifier(grant: CodeGrant, verifier: string | undefined): void {
	if (grant.codeChallenge === undefined) return;
	const method = grant.codeChallengeMethod ?? 'plain';
	if (verifier === undefined || !verifiesChallenge(verifier, grant.codeChallenge, method)) {
		throw aadsts.pkceMismatch();
	}
}
