import express, { type Request, type RequestHandler } from 'express';
import { AadstsError, aadsts } from './aadsts';
import { authenticateClient, presentedCredential } from './client-auth';
import type { RegisteredApp, TenantSegment } from './directory';
import { GRANT_COUNTERS } from './endpoints';
import { authorizationCodeGrant } from './grants/authorization-code';
import { clientCredentialsGrant } from './grants/client-credentials';
import type { GrantRequest } from './grants/grant-request';
import { refreshTokenGrant } from './grants/refresh-token';
import type { MicrosoftIdentityServices } from './services';
import { sendTokenError, setTokenHeaders, stringsOf, traceOf } from './wire';

type GrantType = keyof typeof GRANT_COUNTERS;

const GRANTS: Record<GrantType, (request: GrantRequest) => object> = {
	client_credentials: clientCredentialsGrant,
	authorization_code: authorizationCodeGrant,
	refresh_token: refreshTokenGrant,
};

/**
 * `POST /{tenant}/oauth2/v2.0/token`: the tenant, the grant type, the app, the client's
 * credential, then the grant; every refusal in Entra's JSON error shape.
 */
export function tokenEndpoint(services: MicrosoftIdentityServices): RequestHandler[] {
	const { counters, clock, directory } = services;
	const handle: RequestHandler = (req, res, next) => {
		counters.countEvent('tokenRequests');
		const trace = traceOf(req);
		try {
			const form = stringsOf(req.body);
			const segmentText = String(req.params.tenant);
			const segment = directory.resolveTenant(segmentText);
			if (!segment) throw aadsts.unknownTenant(segmentText);
			const grantType = form.grant_type;
			if (grantType === undefined) throw aadsts.missingParameter('grant_type');
			if (!Object.hasOwn(GRANTS, grantType)) throw aadsts.unsupportedGrantType(grantType);
			counters.countEvent(GRANT_COUNTERS[grantType as GrantType]);

			const credential = presentedCredential(req, form);
			const clientId = form.client_id ?? credential.basicClientId;
			if (clientId === undefined) throw aadsts.missingParameter('client_id');
			const app = appFor(services, segment, clientId);
			if (segment.kind === 'consumers')
				throw aadsts.consumersNotAllowed(app.clientId, app.displayName);
			if (grantType === 'client_credentials' && segment.kind !== 'tenant') {
				throw aadsts.grantNotOnCommon();
			}
			const clientAuthentication = authenticateClient({
				app,
				credential,
				confidentialGrant: grantType === 'client_credentials',
				nowMs: clock.now(),
				isAudience: (aud) => isTokenEndpoint(services, req, app, aud),
			});
			const body = GRANTS[grantType as GrantType]({
				services,
				form,
				app,
				segment,
				clientAuthentication,
			});
			setTokenHeaders(res, trace);
			res.status(200).json(body);
		} catch (error) {
			if (!(error instanceof AadstsError)) return next(error);
			counters.countEvent('failedTokenRequests');
			sendTokenError(res, error, trace, clock.now());
		}
	};
	return [express.urlencoded({ extended: false, limit: '1mb' }), handle];
}

function appFor(
	services: MicrosoftIdentityServices,
	segment: TenantSegment,
	clientId: string,
): RegisteredApp {
	const app = services.directory.app(clientId);
	if (segment.kind === 'tenant') {
		if (!app || app.tenantId !== segment.tenant.tenantId) {
			throw aadsts.unknownClient(clientId, segment.tenant.displayName);
		}
		return app;
	}
	if (!app) throw aadsts.unknownClient(clientId, segment.kind);
	return app;
}

/**
 * Whether a client assertion's `aud` names this token endpoint: on login.microsoftonline.com
 * (as Microsoft requires) or on the sandbox's own origin, for the tenant by the path's segment,
 * its id or its domain; the v2.0 or the v1 endpoint.
 */
function isTokenEndpoint(
	services: MicrosoftIdentityServices,
	req: Request,
	app: RegisteredApp,
	aud: string,
): boolean {
	let url: URL;
	try {
		url = new URL(aud);
	} catch {
		return false;
	}
	const origins = [`https://${services.authorityHost}`, services.url()];
	if (!origins.includes(url.origin) || url.search !== '') return false;
	const tenant = services.directory.tenant(app.tenantId);
	const segments = [String(req.params.tenant), app.tenantId, tenant?.domain]
		.filter((segment): segment is string => segment !== undefined)
		.map((segment) => segment.toLowerCase());
	const match = /^\/([^/]+)\/oauth2\/(?:v2\.0\/)?token\/?$/.exec(url.pathname.toLowerCase());
	return match !== null && segments.includes(match[1]);
}
