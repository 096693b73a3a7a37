import type { RequestHandler, Response } from 'express';
import { FaultInjector, type Failure } from '../../shared/faults';
import type { GraphEndpointName } from './endpoints';
import { errorBody, MESSAGES } from './errors';

export interface ThrottleOptions {
	/** 429 (the default) or 503. */
	status?: 429 | 503;
	/**
	 * `Retry-After` in seconds; fractions are sent as written (Graph's throttling page shows
	 * `Retry-After: 2.128`). Default 1.
	 */
	retryAfterSeconds?: number;
	/** Only requests to this endpoint; any endpoint when left out. */
	endpoint?: GraphEndpointName;
}

export interface ThrottleNextOptions extends ThrottleOptions {
	/** How many matching requests (default 1). */
	count?: number;
}

interface Storm extends Required<Omit<ThrottleOptions, 'endpoint'>> {
	every: number;
	endpoint?: GraphEndpointName;
	seen: number;
}

/**
 * The Graph sandbox's fault switches: the shared ones (failNext, hangNext, dropNext,
 * rateLimitNext, latency, redirectNext), Graph's throttling answers with a fractional
 * `Retry-After` (`throttleNext`), a 429 storm (`throttleEvery`: every Nth request), and
 * `expireDeltaTokens` (every delta and skip token answers 410 SyncStateNotFound).
 */
export class GraphFaults extends FaultInjector<GraphEndpointName> {
	private storm: Storm | undefined;
	private queued: Array<Required<Omit<ThrottleNextOptions, 'endpoint'>> & ThrottleOptions> = [];

	constructor(
		private readonly now: () => number,
		private readonly onExpireDeltaTokens: () => void,
	) {
		super((res, failure) => renderGraphFailure(res, failure, now()));
	}

	/** The next `count` matching requests answer 429 (or 503) with `Retry-After`. */
	throttleNext(options: ThrottleNextOptions = {}): void {
		const count = options.count ?? 1;
		if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be >= 1');
		this.queued.push({ ...normalise(options), count, endpoint: options.endpoint });
	}

	/** Every `every`th matching request (the `every`th, the 2·`every`th, …) is throttled. */
	throttleEvery(every: number, options: ThrottleOptions = {}): void {
		if (!Number.isInteger(every) || every < 1) throw new RangeError('every must be >= 1');
		this.storm = { ...normalise(options), every, endpoint: options.endpoint, seen: 0 };
	}

	stopThrottling(): void {
		this.storm = undefined;
		this.queued = [];
	}

	expireDeltaTokens(): void {
		this.onExpireDeltaTokens();
	}

	override reset(): void {
		super.reset();
		this.stopThrottling();
	}

	override gate(endpoint: GraphEndpointName): RequestHandler {
		const shared = super.gate(endpoint);
		return (req, res, next) => {
			const throttle = this.takeThrottle(endpoint);
			if (throttle) {
				res.setHeader('Retry-After', String(throttle.retryAfterSeconds));
				renderGraphFailure(res, { status: throttle.status }, this.now());
				return;
			}
			return shared(req, res, next);
		};
	}

	private takeThrottle(endpoint: GraphEndpointName) {
		const index = this.queued.findIndex(
			(entry) => entry.endpoint === undefined || entry.endpoint === endpoint,
		);
		if (index !== -1) {
			const entry = this.queued[index];
			entry.count -= 1;
			if (entry.count === 0) this.queued.splice(index, 1);
			return entry;
		}
		const storm = this.storm;
		if (!storm || (storm.endpoint !== undefined && storm.endpoint !== endpoint)) return undefined;
		storm.seen += 1;
		return storm.seen % storm.every === 0 ? storm : undefined;
	}
}

function normalise(options: ThrottleOptions): { status: 429 | 503; retryAfterSeconds: number } {
	const status = options.status ?? 429;
	const retryAfterSeconds = options.retryAfterSeconds ?? 1;
	if (status !== 429 && status !== 503) throw new RangeError('status must be 429 or 503');
	if (!Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 0) {
		throw new RangeError('retryAfterSeconds must be >= 0');
	}
	return { status, retryAfterSeconds };
}

/** Default codes and messages for a failure without its own (429 and 503 as Graph sends them). */
function defaults(status: number): {
	code: string;
	message: string;
	inner?: Record<string, string>;
} {
	if (status === 429) {
		return {
			code: 'TooManyRequests',
			message: MESSAGES.throttled,
			inner: { code: '429', message: 'Please retry after', status: '429' },
		};
	}
	// Chosen: the errors page lists serviceNotAvailable; the brief asks for ServiceNotAvailable.
	if (status === 503) {
		return { code: 'ServiceNotAvailable', message: 'The service is temporarily unavailable.' };
	}
	if (status === 401) return { code: 'InvalidAuthenticationToken', message: MESSAGES.tokenInvalid };
	if (status === 403) return { code: 'ErrorAccessDenied', message: MESSAGES.accessDenied };
	if (status === 404) return { code: 'ErrorItemNotFound', message: MESSAGES.itemNotFound };
	if (status >= 500)
		return { code: 'generalException', message: 'General exception while processing.' };
	return { code: 'BadRequest', message: 'The request is malformed or incorrect.' };
}

export function renderGraphFailure(res: Response, failure: Failure, now: number): void {
	const fallback = defaults(failure.status);
	const requestId = String(res.getHeader('request-id') ?? '');
	const clientRequestId = String(res.getHeader('client-request-id') ?? requestId);
	res
		.status(failure.status)
		.type('application/json')
		.send(
			JSON.stringify(
				errorBody(
					{
						code: failure.code ?? fallback.code,
						message: failure.message ?? fallback.message,
						inner: failure.code === undefined ? fallback.inner : undefined,
					},
					{ requestId, clientRequestId, at: now },
				),
			),
		);
}
