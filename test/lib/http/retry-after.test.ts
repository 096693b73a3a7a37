import { retryAfterMs } from '../../../lib/http/retry-after';

describe('retryAfterMs', () => {
	const now = Date.parse('2026-11-29T10:00:00Z');

	it.each([
		['120', 120_000],
		[' 0 ', 0],
		// Microsoft Graph's throttling answers carry fractions of a second.
		['2.128', 2128],
		['1.5', 1500],
		['0.0001', 1],
		['Sun, 29 Nov 2026 10:00:30 GMT', 30_000],
		// A date already past asks for no wait at all.
		['Sun, 29 Nov 2026 09:59:00 GMT', 0],
	])('reads %p as %p ms', (header, expected) => {
		expect(retryAfterMs(header, now)).toBe(expected);
	});

	it.each([undefined, '', 'soon', '-5', '1.', '.5'])('has no wait for %p', (header) => {
		expect(retryAfterMs(header, now)).toBeUndefined();
	});

	it('takes the first of repeated headers', () => {
		expect(retryAfterMs(['2', '9'], now)).toBe(2000);
	});
});
