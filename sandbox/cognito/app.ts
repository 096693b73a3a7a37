import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { createAdminRouter } from '../shared/admin-routes';
import { cognitoAdminRoutes } from './admin';
import { isCognitoEndpointName, type CognitoEndpointName } from './endpoints';
import { CognitoError, sendCognitoError, sendResult } from './errors';
import type { CognitoFaults } from './faults';
import { initiateAuth } from './initiate-auth';
import { POOL_SETTINGS_PATH, poolSettings } from './pool-settings';
import { respondToAuthChallenge } from './respond-to-challenge';
import { revokeToken } from './revoke-token';
import type { CognitoServices, RequestBody } from './services';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

const OPERATIONS: Record<string, (services: CognitoServices, body: RequestBody) => unknown> = {
	InitiateAuth: initiateAuth,
	RespondToAuthChallenge: respondToAuthChallenge,
	RevokeToken: revokeToken,
};

/**
 * The express app of a Cognito sandbox: the JSON protocol on `POST /`, the JWKS, Claris'
 * pool-settings document and the `/__sandbox` control API.
 */
export function createCognitoApp(services: CognitoServices, faults: CognitoFaults): Express {
	const app = express();
	app.disable('x-powered-by');
	app.set('etag', false);

	app.use(
		'/__sandbox',
		createAdminRouter(
			{
				clock: services.clock,
				faults,
				counters: services.counters,
				isEndpoint: isCognitoEndpointName,
			},
			(router) => cognitoAdminRoutes(router, services, faults),
		),
	);

	const counted = (endpoint: CognitoEndpointName): RequestHandler[] => [
		(_req, _res, next) => {
			services.counters.countRequest(endpoint);
			next();
		},
		faults.gate(endpoint),
	];

	app.get(POOL_SETTINGS_PATH, ...counted('poolSettings'), (_req, res) => {
		res.json(poolSettings(services));
	});
	app.get(
		['/.well-known/jwks.json', `/${services.userPoolId}/.well-known/jwks.json`],
		...counted('jwks'),
		(_req, res) => {
			res.json(services.tokens.jwks());
		},
	);

	app.post('/', express.text({ type: () => true, limit: '1mb' }), (req, res, next) => {
		const target = req.get('x-amz-target') ?? '';
		const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
		const body = parseBody(req.body);
		const endpoint = endpointFor(operation, body);
		services.counters.countRequest(endpoint);
		return faults.gate(endpoint)(req, res, () => {
			try {
				const handler = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
				if (!handler) throw new CognitoError('UnknownOperationException', '');
				if (!body)
					throw new CognitoError(
						'SerializationException',
						'Start of structure or map found where not expected.',
					);
				sendResult(res, handler(services, body));
			} catch (error) {
				if (!(error instanceof CognitoError)) return next(error);
				sendCognitoError(res, error);
			}
		});
	});

	app.use((_req, res) => {
		res.status(404).json({ message: 'Not Found' });
	});
	app.use(handleErrors);
	return app;
}

/** The JSON body; `{}` when empty, undefined when it is not a JSON object. */
function parseBody(raw: unknown): RequestBody | undefined {
	if (typeof raw !== 'string' || raw.trim() === '') return {};
	try {
		const value: unknown = JSON.parse(raw);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as RequestBody)
			: undefined;
	} catch {
		return undefined;
	}
}

function endpointFor(operation: string, body: RequestBody | undefined): CognitoEndpointName {
	if (operation === 'InitiateAuth') {
		const flow = body?.AuthFlow;
		return flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN' ? 'refresh' : 'initiateAuth';
	}
	if (operation === 'RespondToAuthChallenge') {
		return body?.ChallengeName === 'PASSWORD_VERIFIER' ? 'passwordVerifier' : 'mfa';
	}
	if (operation === 'RevokeToken') return 'revokeToken';
	return 'otherOperation';
}

const handleErrors: ErrorRequestHandler = (error, _req, res, next) => {
	if (res.headersSent) return next(error);
	console.error('Cognito sandbox: unexpected error', error);
	sendCognitoError(res, new CognitoError('InternalErrorException', 'Internal server error.'));
};
