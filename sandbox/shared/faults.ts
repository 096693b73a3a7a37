import { setTimeout as delay } from 'node:timers/promises';
import type { RequestHandler, Response } from 'express';

/** What a failed answer carries; each service renders it in its own error format. */
export interface Failure {
	status: number;
	code?: string;
	message?: string;
}

export type RenderFailure = (res: Response, failure: Failure) => void;

interface Targeted<Endpoint extends string> {
	/** How many matching requests the fault applies to (default 1). */
	count?: number;
	/** Only requests to this endpoint; any endpoint when left out. */
	endpoint?: Endpoint;
}

export interface FailNextOptions<Endpoint extends string> extends Targeted<Endpoint> {
	status?: number;
	code?: string;
	message?: string;
}

export type DropNextOptions<Endpoint extends string> = Targeted<Endpoint>;

export type HangNextOptions<Endpoint extends string> = Targeted<Endpoint>;

/** The statuses a rate limiter or an overloaded front end answers with `Retry-After`. */
export const RATE_LIMIT_STATUSES = [429, 503] as const;
export type RateLimitStatus = (typeof RATE_LIMIT_STATUSES)[number];

export interface RateLimitNextOptions<Endpoint extends string> extends Targeted<Endpoint> {
	retryAfterSeconds: number;
	/** 429 Too Many Requests (the default) or 503 Service Unavailable. */
	status?: RateLimitStatus;
	/**
	 * Send `Retry-After` as an HTTP date (IMF-fixdate) instead of a number of seconds. The
	 * date is taken from the wall clock, not the sandbox clock: a client compares it with its
	 * own clock, which the sandbox clock's offset does not move.
	 */
	retryAfterDate?: boolean;
}

/** The redirect statuses `redirectNext` sends. */
export const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;
export type RedirectStatus = (typeof REDIRECT_STATUSES)[number];

export interface RedirectNextOptions<Endpoint extends string> extends Targeted<Endpoint> {
	/** The `Location` header, absolute (another host) or relative. */
	location: string;
	/** Default 307, which tells the client to repeat the method and body. */
	status?: RedirectStatus;
}

type FaultAction =
	| { kind: 'fail'; failure: Failure }
	| { kind: 'drop' }
	| { kind: 'hang' }
	| { kind: 'redirect'; status: RedirectStatus; location: string }
	| {
			kind: 'rateLimit';
			status: RateLimitStatus;
			retryAfterSeconds: number;
			retryAfterDate: boolean;
	  };

type ArmedFault<Endpoint extends string> = FaultAction & {
	endpoint?: Endpoint;
	remaining: number;
};

/**
 * Switches that make a sandbox misbehave on purpose: answer with an error, delay answers,
 * drop the connection, never answer, redirect elsewhere, or rate-limit. Armed faults apply
 * in the order they were armed, each to the next `count` requests it matches.
 */
export class FaultInjector<Endpoint extends string> {
	private armed: Array<ArmedFault<Endpoint>> = [];
	private latencyForAll = 0;
	private readonly latencyByEndpoint = new Map<Endpoint, number>();

	constructor(private readonly renderFailure: RenderFailure) {}

	failNext(options: FailNextOptions<Endpoint> = {}): void {
		const { status = 500, code, message } = options;
		this.arm(options, { kind: 'fail', failure: { status, code, message } });
	}

	dropNext(options: DropNextOptions<Endpoint> = {}): void {
		this.arm(options, { kind: 'drop' });
	}

	/**
	 * Accepts the request and never answers it: the connection stays open until the client
	 * gives up or the server closes (which ends such connections instead of waiting).
	 */
	hangNext(options: HangNextOptions<Endpoint> = {}): void {
		this.arm(options, { kind: 'hang' });
	}

	/** Answers with a redirect to `location` and an empty body. */
	redirectNext(options: RedirectNextOptions<Endpoint>): void {
		const { location, status = 307 } = options;
		if (typeof location !== 'string' || location === '') {
			throw new RangeError('redirectNext needs a location');
		}
		if (!(REDIRECT_STATUSES as readonly number[]).includes(status)) {
			throw new RangeError(`redirect status must be one of ${REDIRECT_STATUSES.join(', ')}`);
		}
		this.arm(options, { kind: 'redirect', status, location });
	}

	/** Answers 429 (or 503) with `Retry-After`, in seconds or as an HTTP date. */
	rateLimitNext(options: RateLimitNextOptions<Endpoint>): void {
		const { retryAfterSeconds: seconds, status = 429, retryAfterDate = false } = options;
		if (!Number.isInteger(seconds) || seconds < 0) {
			throw new RangeError(`retryAfterSeconds must be a whole number >= 0, got ${seconds}`);
		}
		if (!(RATE_LIMIT_STATUSES as readonly number[]).includes(status)) {
			throw new RangeError(`rate-limit status must be 429 or 503, got ${status}`);
		}
		this.arm(options, { kind: 'rateLimit', status, retryAfterSeconds: seconds, retryAfterDate });
	}

	/** Delays every answer (or those of one endpoint) by `ms`; 0 switches it off. */
	setLatency(ms: number, endpoint?: Endpoint): void {
		if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be >= 0 ms, got ${ms}`);
		if (endpoint === undefined) this.latencyForAll = ms;
		else this.latencyByEndpoint.set(endpoint, ms);
	}

	reset(): void {
		this.armed = [];
		this.latencyForAll = 0;
		this.latencyByEndpoint.clear();
	}

	/** Express middleware applying the switches to requests for `endpoint`. */
	gate(endpoint: Endpoint): RequestHandler {
		return async (req, res, next) => {
			const latency = this.latencyByEndpoint.get(endpoint) ?? this.latencyForAll;
			if (latency > 0) await delay(latency);

			const action = this.takeFault(endpoint);
			if (!action) return next();
			switch (action.kind) {
				case 'drop':
					req.socket.destroy();
					return;
				case 'hang':
					// Neither next() nor an answer: the request stays open.
					return;
				case 'redirect':
					res.status(action.status).setHeader('Location', action.location);
					res.setHeader('Content-Length', '0');
					res.end();
					return;
				case 'rateLimit':
					res.setHeader('Retry-After', retryAfterValue(action));
					return this.renderFailure(res, { status: action.status });
				case 'fail':
					return this.renderFailure(res, action.failure);
			}
		};
	}

	private arm(target: Targeted<Endpoint>, action: FaultAction): void {
		const count = target.count ?? 1;
		if (!Number.isInteger(count) || count < 1) {
			throw new RangeError(`count must be a whole number >= 1, got ${count}`);
		}
		this.armed.push({ ...action, endpoint: target.endpoint, remaining: count });
	}

	private takeFault(endpoint: Endpoint): FaultAction | undefined {
		const index = this.armed.findIndex(
			(fault) => fault.endpoint === undefined || fault.endpoint === endpoint,
		);
		if (index === -1) return undefined;
		const fault = this.armed[index];
		fault.remaining -= 1;
		if (fault.remaining === 0) this.armed.splice(index, 1);
		return fault;
	}
}

/**
 * `Retry-After` as delta-seconds, or as an IMF-fixdate (RFC 9110 §10.2.3) on the wall clock.
 * The date is rounded up to the next whole second so that a client never computes a wait
 * shorter than `retryAfterSeconds`.
 */
function retryAfterValue(action: { retryAfterSeconds: number; retryAfterDate: boolean }): string {
	if (!action.retryAfterDate) return String(action.retryAfterSeconds);
	const at = Math.ceil((Date.now() + action.retryAfterSeconds * 1000) / 1000) * 1000;
	return new Date(at).toUTCString();
}
