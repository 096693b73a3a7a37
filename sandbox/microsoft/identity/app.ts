import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { createAdminRouter } from '../../shared/admin-routes';
import { AadstsError } from './aadsts';
import { microsoftIdentityAdminRoutes } from './admin';
import { authorizeEndpoint } from './authorize-endpoint';
import { instanceDiscovery, openIdConfiguration, signingKeys } from './discovery';
import { isMicrosoftIdentityEndpointName, type MicrosoftIdentityEndpointName } from './endpoints';
import type { MicrosoftIdentityServices } from './services';
import { tokenEndpoint } from './token-endpoint';
import { sendTokenError, traceOf } from './wire';

/**
 * The express app of the Microsoft identity sandbox: login.microsoftonline.com's v2.0 paths
 * (token, authorize, OpenID configuration, instance discovery, keys) and `/__sandbox`.
 */
export function createMicrosoftIdentityApp(services: MicrosoftIdentityServices): Express {
	const { counters, faults, clock } = services;
	const app = express();
	app.disable('x-powered-by');
	app.set('etag', false);

	app.use(
		'/__sandbox',
		createAdminRouter(
			{ clock, faults, counters, isEndpoint: isMicrosoftIdentityEndpointName },
			(router) => microsoftIdentityAdminRoutes(router, services),
		),
	);

	const endpoint = (name: MicrosoftIdentityEndpointName): RequestHandler[] => [
		(_req, _res, next) => {
			counters.countRequest(name);
			next();
		},
		faults.gate(name),
	];
	const refuse =
		(error: AadstsError): RequestHandler =>
		(req, res) =>
			sendTokenError(res, error, traceOf(req), clock.now());

	app.post('/:tenant/oauth2/v2.0/token', ...endpoint('token'), ...tokenEndpoint(services));
	app.get(
		'/:tenant/oauth2/v2.0/token',
		...endpoint('token'),
		refuse(
			new AadstsError(
				400,
				'invalid_request',
				900561,
				'The endpoint only accepts POST, OPTIONS requests. Received a GET request.',
			),
		),
	);
	app.all(
		'/:tenant/oauth2/v2.0/authorize',
		...endpoint('authorize'),
		...authorizeEndpoint(services),
	);
	app.get(
		'/:tenant/v2.0/.well-known/openid-configuration',
		...endpoint('discovery'),
		openIdConfiguration(services),
	);
	app.get('/:tenant/discovery/instance', ...endpoint('discovery'), instanceDiscovery(services));
	app.get(
		['/:tenant/discovery/v2.0/keys', '/:tenant/discovery/keys'],
		...endpoint('keys'),
		signingKeys(services),
	);

	app.use((_req, res) => {
		res.status(404).type('text').send('Not Found');
	});
	app.use(handleErrors(services));
	return app;
}

function handleErrors(services: MicrosoftIdentityServices): ErrorRequestHandler {
	return (error, req, res, next) => {
		if (res.headersSent) return next(error);
		const status = (error as { status?: number }).status;
		if (typeof status === 'number' && status >= 400 && status < 500) {
			const refused = new AadstsError(
				status,
				'invalid_request',
				90023,
				"InvalidRequest - The authentication service request isn't valid.",
			);
			return sendTokenError(res, refused, traceOf(req), services.clock.now());
		}
		console.error('Microsoft identity sandbox: unexpected error', error);
		const failed = new AadstsError(
			500,
			'server_error',
			50000,
			'There was an error issuing a token or an issue with our sign-in service.',
		);
		sendTokenError(res, failed, traceOf(req), services.clock.now());
	};
}
