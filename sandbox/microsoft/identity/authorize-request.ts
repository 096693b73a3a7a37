import { AadstsError, aadsts } from './aadsts';
import type { ChallengeMethod } from './authorization-codes';
import type { RegisteredApp, TenantSegment } from './directory';
import type { AuthorizeParams } from './pages';
import { readDelegatedScopes, type GrantedScopes } from './scopes';
import type { MicrosoftIdentityServices } from './services';

export type ResponseMode = 'query' | 'fragment' | 'form_post';

/** An authorization request the sandbox can show a sign-in page for. */
export interface AuthorizeRequest {
	app: RegisteredApp;
	segment: TenantSegment;
	params: AuthorizeParams;
	redirectUri: string;
	responseMode: ResponseMode;
	scopes: GrantedScopes;
	challenge?: { value: string; method: ChallengeMethod };
}

/**
 * How to answer an authorization request: with an error page (the client or its redirect URI
 * cannot be trusted, so nothing goes back to it), an error sent back to the redirect URI, or
 * the sign-in page.
 */
export type AuthorizeCheck =
	| { kind: 'page'; error: AadstsError }
	| { kind: 'redirect'; error: AadstsError; redirectUri: string; responseMode: ResponseMode }
	| { kind: 'valid'; request: AuthorizeRequest };

const RESPONSE_MODES: readonly string[] = ['query', 'fragment', 'form_post'];

export function checkAuthorizeRequest(
	services: MicrosoftIdentityServices,
	segmentText: string,
	params: AuthorizeParams,
): AuthorizeCheck {
	const page = (error: AadstsError): AuthorizeCheck => ({ kind: 'page', error });
	const segment = services.directory.resolveTenant(segmentText);
	if (!segment) return page(aadsts.unknownTenant(segmentText));
	if (params.client_id === undefined) return page(aadsts.missingParameter('client_id'));
	const app = services.directory.app(params.client_id);
	if (!app || (segment.kind === 'tenant' && app.tenantId !== segment.tenant.tenantId)) {
		const directory = segment.kind === 'tenant' ? segment.tenant.displayName : segment.kind;
		return page(aadsts.unknownClient(params.client_id, directory));
	}
	if (segment.kind === 'consumers')
		return page(aadsts.consumersNotAllowed(app.clientId, app.displayName));
	const redirectUri = params.redirect_uri;
	if (redirectUri === undefined) return page(aadsts.noReplyAddress());
	if (!app.redirectUris.includes(redirectUri)) {
		return page(aadsts.redirectUriNotRegistered(redirectUri, app.clientId));
	}
	const mode = params.response_mode ?? 'query';
	if (!RESPONSE_MODES.includes(mode)) return page(aadsts.unsupportedResponseMode(mode));
	const responseMode = mode as ResponseMode;
	const refuse = (error: AadstsError): AuthorizeCheck => ({
		kind: 'redirect',
		error,
		redirectUri,
		responseMode,
	});

	if (params.response_type !== 'code')
		return refuse(aadsts.unsupportedResponseType(params.response_type ?? ''));
	if (params.scope === undefined || params.scope.trim() === '')
		return refuse(aadsts.missingParameter('scope'));
	const challenge = readChallenge(params);
	if (challenge instanceof AadstsError) return refuse(challenge);
	const { granted, notConsented } = readDelegatedScopes(params.scope, app, services.graphResource);
	if (notConsented.length > 0) {
		return refuse(aadsts.consentRequired(app.clientId, app.displayName, notConsented));
	}
	if (params.prompt === 'none') return refuse(aadsts.loginRequired());
	return {
		kind: 'valid',
		request: { app, segment, params, redirectUri, responseMode, scopes: granted, challenge },
	};
}

/** PKCE: `S256` or `plain` (the default when only a challenge is given); 43 to 128 characters. */
function readChallenge(
	params: AuthorizeParams,
): { value: string; method: ChallengeMethod } | AadstsError | undefined {
	const value = params.code_challenge;
	const method = params.code_challenge_method;
	if (value === undefined) {
		return method === undefined ? undefined : aadsts.missingParameter('code_challenge');
	}
	if (method !== undefined && method !== 'S256' && method !== 'plain')
		return aadsts.badChallengeMethod();
	if (value.length < 43 || value.length > 128) return aadsts.badChallengeSize();
	return { value, method: method ?? 'plain' };
}
