/**
 * A wall clock that tests can move forward, so that expiry rules (idle sessions, token
 * lifetimes) can be exercised without waiting. It follows real time and adds the offset
 * accumulated by `advance`.
 */
export interface SandboxClock {
	/** Milliseconds since the epoch, as the sandbox sees them. */
	now(): number;
	/** Moves the clock forward; time never runs backwards. */
	advance(ms: number): void;
	/** Drops the accumulated offset, back to real time. */
	reset(): void;
}

export function createClock(): SandboxClock {
	let offsetMs = 0;
	return {
		now: () => Date.now() + offsetMs,
		advance(ms: number) {
			if (!Number.isFinite(ms) || ms < 0) {
				throw new RangeError(`clock.advance expects a non-negative number of ms, got ${ms}`);
			}
			offsetMs += ms;
		},
		reset() {
			offsetMs = 0;
		},
	};
}
