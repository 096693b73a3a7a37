/**
 * The trigger's filters, checked on each new message: Graph's delta query takes no `$filter`
 * but `receivedDateTime`, so they cannot go to the server. Same meaning as the Mail node's
 * filters: sender address equal (case-insensitive), subject containing the text
 * (case-insensitive), at least one attachment, unread.
 */
export interface NewMailFilters {
	from?: string;
	subjectContains?: string;
	hasAttachments?: boolean;
	unreadOnly?: boolean;
}

interface FilteredFields {
	from?: { emailAddress?: { address?: string } } | null;
	subject?: string | null;
	hasAttachments?: boolean;
	isRead?: boolean;
}

export function matchesFilters(message: FilteredFields, filters: NewMailFilters): boolean {
	const from = filters.from?.trim().toLowerCase();
	if (from && message.from?.emailAddress?.address?.toLowerCase() !== from) return false;
	const subject = filters.subjectContains?.toLowerCase();
	if (subject && !(message.subject ?? '').toLowerCase().includes(subject)) return false;
	if (filters.hasAttachments && message.hasAttachments !== true) return false;
	if (filters.unreadOnly && message.isRead !== false) return false;
	return true;
}

/** The fields the filters and the seen set read, added to any `$select`. */
export const FIELDS_THE_TRIGGER_READS = [
	'id',
	'internetMessageId',
	'receivedDateTime',
	'from',
	'subject',
	'hasAttachments',
	'isRead',
];

/** The key a message is known by: its Message-ID header (kept when moved), else its ID. */
export function messageKey(message: { internetMessageId?: unknown; id?: unknown }): string {
	const header = message.internetMessageId;
	return typeof header === 'string' && header !== '' ? header : `id:${String(message.id)}`;
}
