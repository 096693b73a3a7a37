import express, { type Request, type Response, type Router } from 'express';
import type { AuthLog } from './auth-log';
import type { SandboxClock } from './clock';
import type { FaultInjector, RateLimitStatus, RedirectStatus } from './faults';

export interface AdminControls<Endpoint extends string> {
	clock: SandboxClock;
	faults: FaultInjector<Endpoint>;
	counters: { snapshot(): Record<string, number>; reset(): void };
	isEndpoint(name: string): name is Endpoint;
	expireSessions?: () => void;
	authLog?: AuthLog<Endpoint>;
}

/** A request the control API cannot carry out; answered with HTTP 400. */
class AdminInputError extends Error {}

/**
 * The HTTP control API of a sandbox (mounted under `/__sandbox`), for the standalone server
 * and for a real n8n pointed at it. Its calls are not counted as service requests.
 */
export function createAdminRouter<Endpoint extends string>(
	controls: AdminControls<Endpoint>,
	extend?: (router: Router) => void,
): Router {
	const { clock, faults, counters } = controls;
	const router = express.Router();
	router.use(express.json());

	const post = (path: string, action: (body: Record<string, unknown>) => void) =>
		router.post(path, (req: Request, res: Response) => {
			try {
				action(isObject(req.body) ? req.body : {});
				res.json({ ok: true });
			} catch (error) {
				if (!(error instanceof AdminInputError || error instanceof RangeError)) throw error;
				res.status(400).json({ ok: false, error: error.message });
			}
		});

	const endpointOf = (body: Record<string, unknown>): Endpoint | undefined => {
		const endpoint = body.endpoint;
		if (endpoint === undefined) return undefined;
		if (typeof endpoint === 'string' && controls.isEndpoint(endpoint)) return endpoint;
		throw new AdminInputError(`unknown endpoint: ${String(endpoint)}`);
	};

	router.get('/counters', (_req, res) => {
		res.json(counters.snapshot());
	});
	post('/counters/reset', () => counters.reset());
	post('/clock/advance', (body) => clock.advance(numberIn(body, 'ms', true)));
	post('/clock/reset', () => clock.reset());
	if (controls.expireSessions) post('/expire-sessions', controls.expireSessions);
	post('/fail-next', (body) =>
		faults.failNext({
			count: numberIn(body, 'count'),
			status: numberIn(body, 'status'),
			code: stringIn(body, 'code'),
			message: stringIn(body, 'message'),
			endpoint: endpointOf(body),
		}),
	);
	post('/latency', (body) => faults.setLatency(numberIn(body, 'ms', true), endpointOf(body)));
	post('/drop-next', (body) =>
		faults.dropNext({ count: numberIn(body, 'count'), endpoint: endpointOf(body) }),
	);
	post('/hang-next', (body) =>
		faults.hangNext({ count: numberIn(body, 'count'), endpoint: endpointOf(body) }),
	);
	post('/redirect-next', (body) =>
		faults.redirectNext({
			location: stringIn(body, 'location') ?? '',
			status: numberIn(body, 'status') as RedirectStatus | undefined,
			count: numberIn(body, 'count'),
			endpoint: endpointOf(body),
		}),
	);
	post('/rate-limit', (body) =>
		faults.rateLimitNext({
			count: numberIn(body, 'count'),
			retryAfterSeconds: numberIn(body, 'retryAfterSeconds', true),
			status: numberIn(body, 'status') as RateLimitStatus | undefined,
			retryAfterDate: booleanIn(body, 'retryAfterDate'),
			endpoint: endpointOf(body),
		}),
	);
	post('/reset-faults', () => faults.reset());

	const { authLog } = controls;
	if (authLog) {
		// Which credentials were presented where; filters: endpoint, scheme, token, since.
		router.get('/auth-log', (req: Request, res: Response) => {
			const query = req.query;
			const text = (key: string) => (typeof query[key] === 'string' ? query[key] : undefined);
			const endpoint = text('endpoint');
			if (endpoint !== undefined && !controls.isEndpoint(endpoint)) {
				res.status(400).json({ ok: false, error: `unknown endpoint: ${endpoint}` });
				return;
			}
			const since = text('since');
			res.json(
				authLog.presented({
					endpoint,
					scheme: text('scheme'),
					token: text('token'),
					since: since === undefined ? undefined : Number(since),
				}),
			);
		});
		post('/auth-log/reset', () => authLog.reset());
	}

	extend?.(router);
	return router;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberIn(body: Record<string, unknown>, key: string, required: true): number;
function numberIn(body: Record<string, unknown>, key: string, required?: false): number | undefined;
function numberIn(body: Record<string, unknown>, key: string, required = false) {
	const value = body[key];
	if (value === undefined && !required) return undefined;
	if (typeof value !== 'number') throw new AdminInputError(`"${key}" must be a number`);
	return value;
}

function booleanIn(body: Record<string, unknown>, key: string): boolean | undefined {
	const value = body[key];
	if (value === undefined) return undefined;
	if (typeof value !== 'boolean') throw new AdminInputError(`"${key}" must be true or false`);
	return value;
}

function stringIn(body: Record<string, unknown>, key: string): string | undefined {
	const value = body[key];
	if (value === undefined) return undefined;
	if (typeof value !== 'string') throw new AdminInputError(`"${key}" must be a string`);
	return value;
}
