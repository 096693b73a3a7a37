import { performance } from 'node:perf_hooks';

/**
 * Timers fire on whole milliseconds, a fraction before or after a chunk's due time. A chunk
 * may go up to this early while the chunks before it went late on balance, and waits for the
 * next tick otherwise, so the error averages out to about zero (within ±1 ms per chunk).
 */
const MAX_EARLY_MS = 0.5;

/** Lateness summed over every delayed chunk of this process: negative means early. */
let balanceMs = 0;

/** How late delayed chunks left against their due time: the proxy's own error. */
export interface Lateness {
	chunks: number;
	totalMs: number;
	maxMs: number;
}

export const noLateness = (): Lateness => ({ chunks: 0, totalMs: 0, maxMs: 0 });

interface Waiting {
	due: number;
	chunk: Buffer | null;
	/** Whether it had to wait at all (not due when pushed). */
	delayed: boolean;
}

/**
 * One direction of a connection: delivers chunks in the order they were pushed, each at its
 * due time (`performance.now()` milliseconds), never before the chunks ahead of it. `null`
 * stands for the end of the stream. A chunk already due when nothing is waiting goes at once,
 * so with no added latency the line sets no timer at all.
 */
export class DelayLine {
	private readonly queue: Waiting[] = [];

	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly deliver: (chunk: Buffer | null) => void,
		private readonly lateness: Lateness,
	) {}

	push(chunk: Buffer | null, due: number): void {
		this.queue.push({ due, chunk, delayed: due > performance.now() });
		if (this.timer === undefined) this.flush(false);
	}

	/** Drops what is still waiting (the connection is gone). */
	clear(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.queue.length = 0;
	}

	/** Sends what is due; `onTimer`: a timer fired, and the next tick is a millisecond away. */
	private readonly flush = (onTimer = true): void => {
		this.timer = undefined;
		const now = performance.now();
		const allowance = onTimer && balanceMs >= 0 ? MAX_EARLY_MS : 0;
		while (this.queue.length > 0 && this.queue[0].due <= now + allowance) {
			const { due, chunk, delayed } = this.queue.shift()!;
			if (delayed) this.record(now - due);
			this.deliver(chunk);
		}
		if (this.queue.length > 0) {
			this.timer = setTimeout(this.flush, Math.max(1, Math.round(this.queue[0].due - now)));
		}
	};

	private record(lateMs: number): void {
		balanceMs += lateMs;
		this.lateness.chunks++;
		this.lateness.totalMs += lateMs;
		this.lateness.maxMs = Math.max(this.lateness.maxMs, lateMs);
	}
}
