import type { AsyncLocalStorage } from 'node:async_hooks';

import type { Span, StartSpanOpts } from 'n8n-core';
import { Tracing } from 'n8n-core';

import type { PollRecord } from './types';

/**
 * PollTriggerExecutor opens a tracing span around every poll (startSpan at activation,
 * startNewTraceSpan on a cron tick): n8n's own noop tracing, which also hands the harness the
 * promise of the whole poll, since a cron tick does not return it (`void executePollTrigger()`).
 */
export class PollTracing extends Tracing {
	constructor(private readonly polls: AsyncLocalStorage<PollRecord>) {
		super();
	}

	override async startSpan<T>(options: StartSpanOpts, spanCb: (span: Span) => Promise<T>) {
		return await this.track(super.startSpan(options, spanCb));
	}

	override async startNewTraceSpan<T>(options: StartSpanOpts, spanCb: (span: Span) => Promise<T>) {
		return await this.track(super.startNewTraceSpan(options, spanCb));
	}

	private async track<T>(promise: Promise<T>): Promise<T> {
		const record = this.polls.getStore();
		if (record) record.done = promise;
		return await promise;
	}
}
