/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds (`120`; Microsoft
 * Graph also sends fractions such as `2.128`, rounded up to the millisecond) or an HTTP-date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, measured against `now`). Undefined when the header is
 * missing or unreadable; a date in the past means no wait.
 */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
	// An HTTP-date starts with the day name (IMF-fixdate, RFC 850 and asctime forms alike).
	if (!/^[A-Za-z]{3}/.test(text)) return undefined;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}
