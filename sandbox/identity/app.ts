import express, {
	type ErrorRequestHandler,
	type Express,
	type Request,
	type RequestHandler,
	type Response,
} from 'express';
import { createAdminRouter } from '../shared/admin-routes';
import type { SandboxClock } from '../shared/clock';
import {
	AuthorizationCodes,
	IdTokenSigner,
	type IdentityDirectory,
	type IdentityClient,
} from './directory';
import {
	isIdentityEndpointName,
	type IdentityCounters,
	type IdentityEndpointName,
} from './endpoints';
import type { IdentityFaults } from './faults';
import { CARRIED_PARAMS, errorPage, signInPage } from './pages';

export interface IdentityServices {
	clock: SandboxClock;
	directory: IdentityDirectory;
	codes: AuthorizationCodes;
	signer: IdTokenSigner;
	counters: IdentityCounters;
	faults: IdentityFaults;
	/** The provider's base URL, the `iss` of its ID tokens (known once it listens). */
	issuer(): string;
}

type Params = Partial<Record<(typeof CARRIED_PARAMS)[number], string>>;

/** The first string value of each name (a repeated query parameter counts once). */
function stringsOf(source: unknown): Record<string, string | undefined> {
	const result: Record<string, string | undefined> = {};
	if (typeof source !== 'object' || source === null) return result;
	for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
		const first = Array.isArray(value) ? (value as unknown[])[0] : value;
		if (typeof first === 'string') result[name] = first;
	}
	return result;
}

/** `uri` with `params` added to its query; a query it already has stays as it is. */
export function withQuery(uri: string, params: Record<string, string | undefined>): string {
	const query = new URLSearchParams();
	for (const [name, value] of Object.entries(params))
		if (value !== undefined) query.set(name, value);
	return `${uri}${uri.includes('?') ? '&' : '?'}${query.toString()}`;
}

/**
 * An OpenID Connect provider in miniature: the authorization endpoint with a sign-in page,
 * the token endpoint (authorization code grant), its JWKS and discovery document, and the
 * `/__sandbox` control API.
 */
export function createIdentityApp(services: IdentityServices): Express {
	const { directory, codes, signer, counters, faults } = services;
	const app = express();
	app.disable('x-powered-by');
	app.set('etag', false);

	app.use(
		'/__sandbox',
		createAdminRouter(
			{
				clock: services.clock,
				faults,
				counters,
				isEndpoint: isIdentityEndpointName,
			},
			(router) => {
				router.post('/deny-next', (req, res) => {
					const body = (req.body ?? {}) as Record<string, unknown>;
					try {
						faults.denyNext({
							error: body.error as never,
							description: typeof body.description === 'string' ? body.description : undefined,
							count: typeof body.count === 'number' ? body.count : undefined,
						});
						res.json({ ok: true });
					} catch (error) {
						res.status(400).json({ ok: false, error: (error as Error).message });
					}
				});
				router.get('/people', (_req, res) => {
					res.json(directory.listPeople().map(({ email, name }) => ({ email, name })));
				});
				router.get('/clients', (_req, res) => {
					res.json(
						directory
							.listClients()
							.map(({ clientId, redirectUris }) => ({ clientId, redirectUris })),
					);
				});
			},
		),
	);

	const endpoint = (name: IdentityEndpointName): RequestHandler[] => [
		(_req, _res, next) => {
			counters.countRequest(name);
			next();
		},
		faults.gate(name),
	];
	const form = express.urlencoded({ extended: false, limit: '100kb' });

	/**
	 * The client and redirect URI of an authorization request, or an error page: an unknown
	 * client or an unregistered redirect URI must never be redirected to (RFC 6749 §4.1.2.1).
	 */
	function trustedTarget(res: Response, params: Params): IdentityClient | undefined {
		const client = params.client_id === undefined ? undefined : directory.client(params.client_id);
		if (!client) {
			res.status(400).type('html').send(errorPage('Unknown client_id.'));
			return undefined;
		}
		if (params.redirect_uri === undefined || !client.redirectUris.includes(params.redirect_uri)) {
			res
				.status(400)
				.type('html')
				.send(errorPage('The redirect_uri is not registered for this client.'));
			return undefined;
		}
		return client;
	}

	/** Redirects to the client with an OAuth error; false when the request is acceptable. */
	function refusedRequest(res: Response, params: Params, redirectUri: string): boolean {
		let error: string | undefined;
		let description: string | undefined;
		if (params.response_type !== 'code') {
			error = 'unsupported_response_type';
			description = 'Only response_type=code is supported.';
		} else if (!(params.scope ?? '').split(/\s+/).includes('openid')) {
			error = 'invalid_scope';
			description = 'The scope must contain openid.';
		}
		if (error === undefined) return false;
		res.redirect(
			302,
			withQuery(redirectUri, { error, error_description: description, state: params.state }),
		);
		return true;
	}

	app.get('/authorize', ...endpoint('authorize'), (req, res) => {
		const params: Params = stringsOf(req.query);
		const client = trustedTarget(res, params);
		if (!client || refusedRequest(res, params, params.redirect_uri ?? '')) return;
		counters.countEvent('authorizePages');
		res.status(200).type('html').send(signInPage(params));
	});

	app.post('/authorize', ...endpoint('signIn'), form, (req, res) => {
		const body = stringsOf(req.body);
		const params: Params = {};
		for (const name of CARRIED_PARAMS) params[name] = body[name];
		const client = trustedTarget(res, params);
		const redirectUri = params.redirect_uri ?? '';
		if (!client || refusedRequest(res, params, redirectUri)) return;

		if (body.cancel !== undefined) {
			counters.countEvent('cancelledSignIns');
			res.redirect(
				302,
				withQuery(redirectUri, {
					error: 'access_denied',
					error_description: 'The person cancelled the sign-in.',
					state: params.state,
				}),
			);
			return;
		}
		const email = body.email ?? '';
		const person = directory.person(email);
		if (!person || person.password !== (body.password ?? '')) {
			counters.countEvent('failedSignIns');
			res
				.status(200)
				.type('html')
				.send(signInPage(params, { error: 'Wrong email or password.', email }));
			return;
		}
		const denial = faults.takeDenial();
		if (denial) {
			counters.countEvent('deniedSignIns');
			res.redirect(
				302,
				withQuery(redirectUri, {
					error: denial.error,
					error_description: denial.description ?? `Sign-in refused: ${denial.error}.`,
					state: params.state,
				}),
			);
			return;
		}
		const code = codes.issue({
			clientId: client.clientId,
			redirectUri,
			email: person.email,
			scope: params.scope ?? 'openid',
			nonce: params.nonce,
		});
		counters.countEvent('signIns');
		res.redirect(302, withQuery(redirectUri, { code, state: params.state }));
	});

	app.post('/token', ...endpoint('token'), form, (req, res) => {
		counters.countEvent('tokenRequests');
		res.setHeader('Cache-Control', 'no-store');
		res.setHeader('Pragma', 'no-cache');
		const refuse = (status: number, error: string, description: string) => {
			counters.countEvent('failedTokenRequests');
			if (status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="Sandbox ID"');
			res.status(status).json({ error, error_description: description });
		};

		const body = stringsOf(req.body);
		const basic = basicCredentials(req);
		const clientId = basic?.id ?? body.client_id;
		const secret = basic?.secret ?? body.client_secret;
		const client = clientId === undefined ? undefined : directory.client(clientId);
		if (!client || secret === undefined || secret !== client.clientSecret) {
			refuse(401, 'invalid_client', 'Client authentication failed.');
			return;
		}
		if (body.grant_type !== 'authorization_code') {
			refuse(400, 'unsupported_grant_type', 'Only authorization_code is supported.');
			return;
		}
		if (body.code === undefined) {
			refuse(400, 'invalid_request', 'The code is missing.');
			return;
		}
		const grant = codes.take(body.code);
		if (!grant || grant.clientId !== client.clientId || grant.redirectUri !== body.redirect_uri) {
			refuse(400, 'invalid_grant', 'The code is invalid, used, expired or for another client.');
			return;
		}
		const person = directory.person(grant.email);
		if (!person) {
			refuse(400, 'invalid_grant', 'The person no longer exists.');
			return;
		}
		res.status(200).json(signer.tokens(services.issuer(), person, grant));
	});

	app.get('/.well-known/jwks.json', ...endpoint('jwks'), (_req, res) => {
		res.json(signer.jwks());
	});

	app.get('/.well-known/openid-configuration', ...endpoint('discovery'), (_req, res) => {
		const issuer = services.issuer();
		res.json({
			issuer,
			authorization_endpoint: `${issuer}/authorize`,
			token_endpoint: `${issuer}/token`,
			jwks_uri: `${issuer}/.well-known/jwks.json`,
			response_types_supported: ['code'],
			grant_types_supported: ['authorization_code'],
			subject_types_supported: ['public'],
			id_token_signing_alg_values_supported: ['RS256'],
			scopes_supported: ['openid', 'email', 'profile'],
			token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
			claims_supported: ['iss', 'aud', 'sub', 'email', 'email_verified', 'name', 'iat', 'exp'],
		});
	});

	app.use((_req, res) => {
		res.status(404).json({ error: 'not_found' });
	});
	app.use(handleErrors);
	return app;
}

/** `Authorization: Basic` client credentials (client_secret_basic, RFC 6749 §2.3.1). */
function basicCredentials(req: Request): { id: string; secret: string } | undefined {
	const encoded = /^Basic\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
	if (!encoded) return undefined;
	const decoded = Buffer.from(encoded, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	const decode = (text: string) => {
		try {
			return decodeURIComponent(text.replace(/\+/g, ' '));
		} catch {
			return text;
		}
	};
	return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}

const handleErrors: ErrorRequestHandler = (error, _req, res, next) => {
	if (res.headersSent) return next(error);
	const status = (error as { status?: number }).status;
	if (typeof status === 'number' && status >= 400 && status < 500) {
		res.status(status).json({ error: 'invalid_request' });
		return;
	}
	console.error('Identity sandbox: unexpected error', error);
	res.status(500).json({ error: 'server_error' });
};
