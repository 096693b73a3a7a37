/**
 * Builds the `$filter` and `$orderby` of a message list from a builder's choices. Every value
 * goes through one escaping function; Graph's rule for sorting with a filter is kept: the
 * `$orderby` property must also be the first one the `$filter` restricts, in the same order, or
 * Graph answers 400 InefficientFilter.
 */

/** An OData string literal: quoted, with `'` doubled. */
export function stringLiteral(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** An OData DateTimeOffset literal (unquoted, UTC). */
export function dateTimeLiteral(value: string | number | Date): string {
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) throw new RangeError(`"${String(value)}" is not a date`);
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface MessageFilters {
	unreadOnly?: boolean;
	receivedAfter?: string;
	receivedBefore?: string;
	from?: string;
	subjectContains?: string;
	hasAttachments?: boolean;
	/** Ready-made `$filter` text from the builder, ANDed with the rest. */
	raw?: string;
}

/** The earliest time Graph knows: a filter on it keeps every message and allows the sort. */
const EPOCH = '1900-01-01T00:00:00Z';

/**
 * `$filter` and `$orderby` for newest-first messages: `receivedDateTime` first (it is what the
 * list is sorted by), then the other conditions.
 */
export function messageQuery(filters: MessageFilters): { filter: string; orderby: string } {
	const received = [
		`receivedDateTime ge ${filters.receivedAfter ? dateTimeLiteral(filters.receivedAfter) : EPOCH}`,
	];
	if (filters.receivedBefore) {
		received.push(`receivedDateTime lt ${dateTimeLiteral(filters.receivedBefore)}`);
	}
	const rest: string[] = [];
	if (filters.unreadOnly) rest.push('isRead eq false');
	if (filters.from) rest.push(`from/emailAddress/address eq ${stringLiteral(filters.from.trim())}`);
	if (filters.subjectContains)
		rest.push(`contains(subject,${stringLiteral(filters.subjectContains)})`);
	if (filters.hasAttachments) rest.push('hasAttachments eq true');
	if (filters.raw?.trim()) rest.push(`(${filters.raw.trim()})`);
	return { filter: [...received, ...rest].join(' and '), orderby: 'receivedDateTime desc' };
}
