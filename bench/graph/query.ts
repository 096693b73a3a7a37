import { messageQuery } from '../../lib/microsoft/graph/query';
import { SIMPLIFIED_FIELDS } from '../../nodes/MicrosoftGraphMail/helpers/output';

/**
 * The path and query of a mailbox folder's first page of messages, as our node asks for it with no
 * filter set: newest first (`receivedDateTime` from the earliest date Graph knows, which allows
 * the sort), `$top` messages, and the `$select` of the simplified output. The baselines send the
 * same, so the sandbox does the same work for both sides.
 */
export function firstPagePath(mailbox: string, folder: string, top: number): string {
	const { filter, orderby } = messageQuery({});
	const query = [
		`$top=${top}`,
		`$select=${encodeURIComponent(SIMPLIFIED_FIELDS)}`,
		`$filter=${encodeURIComponent(filter)}`,
		`$orderby=${encodeURIComponent(orderby)}`,
	].join('&');
	return `/v1.0/users/${encodeURIComponent(mailbox)}/mailFolders/${encodeURIComponent(folder)}/messages?${query}`;
}
