import express, {
	type ErrorRequestHandler,
	type Express,
	type Request,
	type Response,
} from 'express';
import type { AuthLog } from '../../shared/auth-log';
import { createAdminRouter } from '../../shared/admin-routes';
import { graphAdminRoutes } from './admin';
import type { GraphContext } from './context';
import { isGraphEndpointName, type GraphEndpointName } from './endpoints';
import { GraphError, errorBody, requestTooLarge } from './errors';
import type { GraphFaults } from './faults';
import type { GraphRequest, GraphResponse } from './http';
import { newRequestId } from './ids';
import { pathSegments, route } from './router';
import { handleUpload } from './routes/upload';

/** Bodies are read up to this size; Graph's own limit (4 MB) is checked by the handlers. */
const BODY_LIMIT = '200mb';

/**
 * The express app of the Graph sandbox: `/v1.0/…` (Graph), `/upload/…` (attachment upload
 * URLs), `/__sandbox` (the control API). Every answer carries `request-id`,
 * `client-request-id` (the client's, echoed, or the request id) and `Date`.
 */
export function createGraphApp(
	context: GraphContext,
	faults: GraphFaults,
	authLog: AuthLog<GraphEndpointName>,
): Express {
	const app = express();
	app.disable('x-powered-by');
	app.set('etag', false);

	app.use(
		'/__sandbox',
		createAdminRouter(
			{
				clock: context.clock,
				faults,
				counters: context.counters,
				isEndpoint: isGraphEndpointName,
				authLog,
			},
			(router) => graphAdminRoutes(router, context, faults),
		),
	);

	app.use((req, res, next) => {
		const requestId = newRequestId();
		res.setHeader('request-id', requestId);
		res.setHeader('client-request-id', req.get('client-request-id') ?? requestId);
		res.setHeader(
			'x-ms-ags-diagnostic',
			'{"ServerInfo":{"DataCenter":"Sandbox","Slice":"E","Ring":"5","ScaleUnit":"000","RoleInstance":"SANDBOX"}}',
		);
		res.on('finish', () => {
			if (res.statusCode === 401) context.counters.countEvent('unauthorized');
			if (res.statusCode === 429) context.counters.countEvent('throttled');
			if (res.statusCode === 503) context.counters.countEvent('serviceUnavailable');
			if (res.statusCode === 410) context.counters.countEvent('syncStateNotFound');
		});
		next();
	});

	const serve = (
		endpointOf: (req: Request) => GraphEndpointName,
		handle: (request: GraphRequest, req: Request) => GraphResponse | Promise<GraphResponse>,
		limit: number,
	) => [
		(req: Request, res: Response, next: () => void) => {
			const endpoint = endpointOf(req);
			context.counters.countRequest(endpoint);
			authLog.record(
				endpoint,
				{ method: req.method, path: req.originalUrl, authorization: req.get('authorization') },
				context.clock.now(),
			);
			void faults.gate(endpoint)(req, res, next);
		},
		express.raw({ type: () => true, limit: BODY_LIMIT }),
		(req: Request, res: Response, next: (error?: unknown) => void) => {
			const request = toGraphRequest(req);
			Promise.resolve()
				.then(() => {
					if (request.body.length > limit) throw requestTooLarge();
					return handle(request, req);
				})
				.then((response) => send(res, response))
				.catch((error: unknown) => {
					if (error instanceof GraphError) return sendError(context, res, error);
					next(error);
				});
		},
	];

	app.use(
		'/v1.0',
		...serve(
			(req) => routeOf(req).endpoint,
			(request, req) => {
				const found = routeOf(req);
				return found.handler(context, request, found.params);
			},
			context.settings.maxRequestBytes,
		),
	);
	app.use(
		'/upload',
		...serve(
			() => 'upload',
			(request) => handleUpload(context, request),
			Number.MAX_SAFE_INTEGER,
		),
	);

	app.use((req, res) => {
		sendError(context, res, new GraphError(404, 'NotFound', `No resource at ${req.path}.`));
	});
	app.use(handleErrors(context));
	return app;
}

function routeOf(req: Request): ReturnType<typeof route> {
	const cached = (req as Request & { graphRoute?: ReturnType<typeof route> }).graphRoute;
	if (cached) return cached;
	const path = req.url.split('?')[0];
	const found = route(req.method, pathSegments(path));
	(req as Request & { graphRoute?: ReturnType<typeof route> }).graphRoute = found;
	return found;
}

function toGraphRequest(req: Request): GraphRequest {
	const question = req.url.indexOf('?');
	const headers: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	const path = question === -1 ? req.url : req.url.slice(0, question);
	return {
		method: req.method,
		segments: pathSegments(path),
		rawPath: `${req.baseUrl}${path}`,
		query: new URLSearchParams(question === -1 ? '' : req.url.slice(question + 1)),
		headers,
		body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
		origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
	};
}

function send(res: Response, response: GraphResponse): void {
	res.status(response.status);
	for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
	res.end(response.body);
}

export function sendError(context: GraphContext, res: Response, error: GraphError): void {
	if (res.headersSent) return;
	const requestId = String(res.getHeader('request-id') ?? newRequestId());
	const clientRequestId = String(res.getHeader('client-request-id') ?? requestId);
	res.status(error.status);
	for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
	res.setHeader('Content-Type', 'application/json');
	res.end(
		JSON.stringify(
			errorBody(
				{ code: error.code, message: error.message, inner: error.inner },
				{ requestId, clientRequestId, at: context.clock.now() },
			),
		),
	);
}

function handleErrors(context: GraphContext): ErrorRequestHandler {
	return (error, _req, res, next) => {
		if (res.headersSent) return next(error);
		const status = (error as { status?: unknown }).status;
		if (status === 413) return sendError(context, res, requestTooLarge());
		if (typeof status === 'number' && status >= 400 && status < 500) {
			return sendError(
				context,
				res,
				new GraphError(status, 'BadRequest', String((error as Error).message)),
			);
		}
		console.error('Graph sandbox: unexpected error', error);
		sendError(
			context,
			res,
			new GraphError(500, 'generalException', 'General exception while processing.'),
		);
	};
}
