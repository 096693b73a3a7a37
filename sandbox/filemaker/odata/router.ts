import express, { type Router } from 'express';
import type { FileMakerServices } from '../services';
import { runBatch } from './batch';
import { endpointOf, handleODataRequest } from './handler';
import type { ODataRequest, ODataSettings } from './request';

const MAX_BODY = '50mb';

/** Express routes under `/fmi/odata/v4`: count, log credentials, apply faults, answer. */
export function createODataRouter(services: FileMakerServices, settings: ODataSettings): Router {
	const router = express.Router();
	const context = { services, settings };
	router.use(
		(req, res, next) => {
			const name = endpointOf(req.method, req.path);
			services.counters.countRequest(name);
			services.authLog.record(
				name,
				{ method: req.method, path: req.originalUrl, authorization: req.get('authorization') },
				services.clock.now(),
			);
			void services.faults.gate(name)(req, res, next);
		},
		express.raw({ type: () => true, limit: MAX_BODY }),
		(req, res, next) => {
			const question = req.url.indexOf('?');
			const headers: Record<string, string | undefined> = {};
			for (const [name, value] of Object.entries(req.headers)) {
				headers[name] = Array.isArray(value) ? value.join(', ') : value;
			}
			const request: ODataRequest = {
				method: req.method,
				path: question === -1 ? req.url : req.url.slice(0, question),
				query: question === -1 ? '' : req.url.slice(question + 1),
				headers,
				body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
				origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
			};
			handleODataRequest(context, request, (database, account) =>
				runBatch(context, request, database, (inner: ODataRequest) =>
					handleODataRequest(context, inner, undefined, account),
				),
			)
				.then((response) => {
					res.status(response.status);
					for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
					res.end(response.body);
				})
				.catch(next);
		},
	);
	return router;
}
