import type { RequestHandler } from 'express';
import { AadstsError } from './aadsts';
import type { MicrosoftIdentityServices } from './services';
import { sendTokenError, traceOf } from './wire';

/** The clouds Entra's instance discovery lists (as msal-common also carries them). */
const CLOUDS = [
	{
		preferred_network: 'login.microsoftonline.com',
		preferred_cache: 'login.windows.net',
		aliases: [
			'login.microsoftonline.com',
			'login.windows.net',
			'login.microsoft.com',
			'sts.windows.net',
		],
	},
	{
		preferred_network: 'login.partner.microsoftonline.cn',
		preferred_cache: 'login.partner.microsoftonline.cn',
		aliases: ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'],
	},
	{
		preferred_network: 'login.microsoftonline.de',
		preferred_cache: 'login.microsoftonline.de',
		aliases: ['login.microsoftonline.de'],
	},
	{
		preferred_network: 'login.microsoftonline.us',
		preferred_cache: 'login.microsoftonline.us',
		aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'],
	},
	{
		preferred_network: 'login-us.microsoftonline.com',
		preferred_cache: 'login-us.microsoftonline.com',
		aliases: ['login-us.microsoftonline.com'],
	},
];

/**
 * `GET /{tenant}/v2.0/.well-known/openid-configuration`, as Entra answers it: endpoints on the
 * real host (`https://login.microsoftonline.com/<tid>/…`), which clients send through their
 * own redirection to the sandbox. An unknown tenant answers 400 `invalid_tenant` AADSTS90002.
 */
export function openIdConfiguration(services: MicrosoftIdentityServices): RequestHandler {
	return (req, res) => {
		const segmentText = String(req.params.tenant);
		const segment = services.directory.resolveTenant(segmentText);
		if (!segment) {
			const error = new AadstsError(
				400,
				'invalid_tenant',
				90002,
				`Tenant '${segmentText}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
			);
			return sendTokenError(res, error, traceOf(req), services.clock.now());
		}
		const host = `https://${services.authorityHost}`;
		const path = segment.kind === 'tenant' ? segment.tenant.tenantId : segment.kind;
		const issuerTenant = segment.kind === 'tenant' ? segment.tenant.tenantId : '{tenantid}';
		const base = `${host}/${path}`;
		const graphHost = new URL(services.graphResource).host;
		res.json({
			token_endpoint: `${base}/oauth2/v2.0/token`,
			token_endpoint_auth_methods_supported: [
				'client_secret_post',
				'private_key_jwt',
				'client_secret_basic',
			],
			jwks_uri: `${base}/discovery/v2.0/keys`,
			response_modes_supported: ['query', 'fragment', 'form_post'],
			subject_types_supported: ['pairwise'],
			id_token_signing_alg_values_supported: ['RS256'],
			response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
			scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
			issuer: `${host}/${issuerTenant}/v2.0`,
			request_uri_parameter_supported: false,
			userinfo_endpoint: `https://${graphHost}/oidc/userinfo`,
			authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
			device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
			http_logout_supported: true,
			frontchannel_logout_supported: true,
			end_session_endpoint: `${base}/oauth2/v2.0/logout`,
			claims_supported: [
				'sub',
				'iss',
				'cloud_instance_name',
				'cloud_instance_host_name',
				'cloud_graph_host_name',
				'msgraph_host',
				'aud',
				'exp',
				'iat',
				'auth_time',
				'acr',
				'nonce',
				'preferred_username',
				'name',
				'tid',
				'ver',
				'at_hash',
				'c_hash',
				'email',
			],
			kerberos_endpoint: `${base}/kerberos`,
			tenant_region_scope: segment.kind === 'tenant' ? 'EU' : null,
			cloud_instance_name: services.authorityHost.replace(/^login\./, ''),
			cloud_graph_host_name: 'graph.windows.net',
			msgraph_host: graphHost,
			rbac_url: 'https://pas.windows.net',
		});
	};
}

/**
 * `GET /common/discovery/instance?api-version=1.1&authorization_endpoint=…`: the aliases of the
 * authority's cloud and where its tenant's OpenID configuration lives; `invalid_instance`
 * AADSTS50049 for a host that is no Microsoft cloud (nor the sandbox itself).
 */
export function instanceDiscovery(services: MicrosoftIdentityServices): RequestHandler {
	return (req, res) => {
		const trace = traceOf(req);
		const raw =
			typeof req.query.authorization_endpoint === 'string' ? req.query.authorization_endpoint : '';
		let endpoint: URL | undefined;
		try {
			endpoint = new URL(raw);
		} catch {
			endpoint = undefined;
		}
		const own = new URL(services.url()).host;
		const clouds = [
			...CLOUDS,
			{ preferred_network: own, preferred_cache: own, aliases: [own] },
			...(CLOUDS.some((cloud) => cloud.aliases.includes(services.authorityHost))
				? []
				: [
						{
							preferred_network: services.authorityHost,
							preferred_cache: services.authorityHost,
							aliases: [services.authorityHost],
						},
					]),
		];
		const cloud = endpoint && clouds.find((entry) => entry.aliases.includes(endpoint.host));
		if (!endpoint || !cloud) {
			const error = new AadstsError(400, 'invalid_instance', 50049, 'Unknown or invalid instance.');
			return sendTokenError(res, error, trace, services.clock.now());
		}
		const tenant = endpoint.pathname.split('/')[1] ?? 'common';
		res.json({
			tenant_discovery_endpoint: `${endpoint.protocol}//${endpoint.host}/${tenant}/v2.0/.well-known/openid-configuration`,
			'api-version': '1.1',
			metadata: clouds,
		});
	};
}

/** `GET /{tenant}/discovery/v2.0/keys`: the keys of access tokens and ID tokens. */
export function signingKeys(services: MicrosoftIdentityServices): RequestHandler {
	return (_req, res) => {
		res.json({
			keys: [...services.issuer.trust().jwks().keys, ...services.idTokens.jwks().keys],
		});
	};
}
