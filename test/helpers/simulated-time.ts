/**
 * Moves the wall clock for everyone in the test process: our credential, n8n, and the sandboxes
 * (their clocks follow Date.now()). Only Date is faked, and it keeps running with real time
 * (`advanceTimers`); timers, sockets and promises are untouched.
 */
export function useSimulatedTime() {
	jest.useFakeTimers({
		advanceTimers: true,
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
	return {
		advance: (ms: number) => jest.setSystemTime(Date.now() + ms),
		restore: () => jest.useRealTimers(),
	};
}
