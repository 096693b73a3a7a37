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

export interface RateLimitNextOptions<Endpoint extends string> extends Targeted<Endpoint> {
	retryAfterSeconds: number;
}

type FaultAction =
	| { kind: 'fail'; failure: Failure }
	| { kind: 'drop' }
	| { kind: 'rateLimit'; retryAfterSeconds: number };

type ArmedFault<Endpoint extends string> = FaultAction & {
	endpoint?: Endpoint;
	remaining: number;
};

/**
 * Switches that make a sandbox misbehave on purpose: answer with an error, hang for a
 * while, drop the connection, or rate-limit. Armed faults apply in the order they were
 * armed, each to the next `count` requests it matches.
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

	rateLimitNext(options: RateLimitNextOptions<Endpoint>): void {
		const seconds = options.retryAfterSeconds;
		if (!Number.isInteger(seconds) || seconds < 0) {
			throw new RangeError(`retryAfterSeconds must be a whole number >= 0, got ${seconds}`);
		}
		this.arm(options, { kind: 'rateLimit', retryAfterSeconds: seconds });
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
				case 'rateLimit':
					res.setHeader('Retry-After', String(action.retryAfterSeconds));
					return this.renderFailure(res, { status: 429 });
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
