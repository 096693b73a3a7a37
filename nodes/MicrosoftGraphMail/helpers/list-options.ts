import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MessageFilters } from '../../../lib/microsoft/graph/query';
import { messageQuery } from '../../../lib/microsoft/graph/query';
import { InputError } from '../../shared/node-error';
import { selectFor } from './output';

/** Graph's largest page of messages. */
export const MAX_PAGE = 1000;

/** `Prefer` for text bodies instead of HTML. */
export function bodyPreference(format: unknown): Record<string, string> {
	return format === 'text' ? { Prefer: 'outlook.body-content-type="text"' } : {};
}

/**
 * The query of a message list: the filters (with the sort Graph allows with them), or a
 * `$search`, which Graph does not combine with a sort or other filters.
 */
export function messageListQuery(
	context: IExecuteFunctions,
	itemIndex: number,
	pageSize: number,
): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const output = context.getNodeParameter('output', itemIndex, 'simplified') as string;
	const select = selectFor(options.fields, output);
	const qs: IDataObject = { $top: pageSize };
	if (select) qs.$select = select;
	const search = String(options.search ?? '').trim();
	if (search) {
		if (Object.keys(filters).length > 0 || String(options.rawFilter ?? '').trim()) {
			throw new InputError(
				'Search cannot be combined with filters',
				'Microsoft Graph runs a search on its own: remove the filters, or put the conditions into the search text (from:ada@contoso.com subject:invoice).',
			);
		}
		qs.$search = `"${search.replace(/"/g, '\\"')}"`;
		return qs;
	}
	const query = messageQuery({
		unreadOnly: filters.unreadOnly === true,
		receivedAfter: (filters.receivedAfter as string) || undefined,
		receivedBefore: (filters.receivedBefore as string) || undefined,
		from: (filters.from as string) || undefined,
		subjectContains: (filters.subjectContains as string) || undefined,
		hasAttachments: filters.hasAttachments === true,
		raw: (options.rawFilter as string) || undefined,
	} satisfies MessageFilters);
	qs.$filter = query.filter;
	qs.$orderby = query.orderby;
	return qs;
}
