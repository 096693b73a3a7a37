import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import multer from 'multer';
import { createAdminRouter } from '../shared/admin-routes';
import { isEndpointName, type EndpointName } from './endpoints';
import { FileMakerError, sendError } from './envelope';
import { DATA_API_PATHS } from './routes/paths';
import { globalRoutes } from './routes/globals';
import { hostRoutes } from './routes/host';
import { metadataRoutes } from './routes/metadata';
import { recordReadRoutes } from './routes/records-read';
import { recordWriteRoutes } from './routes/records-write';
import type { DataApiHandler, RouteKit } from './routes/route-kit';
import { scriptRoutes } from './routes/scripts';
import { sessionRoutes } from './routes/sessions';
import { streamingRoutes, uploadRoutes } from './routes/containers';
import type { FileMakerServices } from './services';
import { createODataRouter } from './odata/router';
import { oauthRoutes } from './routes/oauth';

const API_VERSIONS = new Set(['v1', 'v2', 'vLatest']);
const MAX_JSON_BYTES = '10mb';

/** The express app of a FileMaker Server sandbox: the Data API, streaming URLs, control API. */
export function createFileMakerApp(services: FileMakerServices): Express {
	const app = express();
	app.disable('x-powered-by');
	app.set('etag', false);

	app.use(
		'/__sandbox',
		createAdminRouter(
			{
				clock: services.clock,
				faults: services.faults,
				counters: services.counters,
				isEndpoint: isEndpointName,
				expireSessions: () => {
					services.sessions.expireAll();
					services.oauth.expireODataLogins();
				},
				authLog: services.authLog,
			},
			(router) => {
				router.get('/records/:database/:table', (req, res) => {
					try {
						res.json(services.store.records(req.params.database, req.params.table));
					} catch (error) {
						res.status(404).json({ ok: false, error: (error as Error).message });
					}
				});
				router.get('/sessions', (_req, res) => {
					res.json({ open: services.sessions.activeCount() });
				});
				router.get('/sessions/:token', (req, res) => {
					res.json({ open: services.sessions.isOpen(req.params.token) });
				});
			},
		),
	);

	const endpoint = (name: EndpointName): DataApiHandler[] => [
		(req, _res, next) => {
			services.counters.countRequest(name);
			services.authLog.record(
				name,
				{ method: req.method, path: req.originalUrl, authorization: req.get('authorization') },
				services.clock.now(),
			);
			next();
		},
		services.faults.gate(name),
	];

	const dataApi = express.Router();
	const kit: RouteKit = {
		router: dataApi,
		services,
		endpoint,
		jsonBody: [requireJsonBody, express.json({ type: () => true, limit: MAX_JSON_BYTES })],
	};
	hostRoutes(kit);
	sessionRoutes(kit);
	metadataRoutes(kit);
	recordReadRoutes(kit);
	recordWriteRoutes(kit);
	scriptRoutes(kit);
	uploadRoutes(kit);
	globalRoutes(kit);
	// A known path with a method it does not support: 405, FileMaker error 1704.
	for (const path of DATA_API_PATHS) {
		dataApi.all(path, () => {
			throw new FileMakerError('1704');
		});
	}

	app.use('/fmi/odata/v4', createODataRouter(services, services.odata));
	oauthRoutes({ ...kit, router: app });

	app.use(
		'/fmi/data/:version',
		(req, _res, next) => {
			if (!API_VERSIONS.has(req.params.version as string)) throw new FileMakerError('1700');
			next();
		},
		dataApi,
	);
	streamingRoutes({ ...kit, router: app });

	app.use(() => {
		throw new FileMakerError('1700');
	});
	app.use(handleErrors);
	return app;
}

/** FileMaker Server answers 415 to a body that is not `application/json`. */
const requireJsonBody: RequestHandler = (req, _res, next) => {
	const hasBody =
		req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
	if (hasBody && !req.is('application/json')) throw new FileMakerError('1705');
	next();
};

const handleErrors: ErrorRequestHandler = (error, _req, res, next) => {
	if (res.headersSent) return next(error);
	if (error instanceof FileMakerError) return sendError(res, error);
	const bodyError = error as { type?: string; code?: string };
	if (bodyError.type === 'entity.parse.failed') return sendError(res, new FileMakerError('1708'));
	if (
		bodyError.type === 'entity.too.large' ||
		(error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE')
	) {
		return sendError(res, new FileMakerError('960', 413));
	}
	console.error('FileMaker sandbox: unexpected error', error);
	sendError(res, new FileMakerError('951'));
};
