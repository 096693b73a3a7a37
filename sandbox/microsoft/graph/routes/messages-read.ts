import { badRequest, unknownProperty } from '../errors';
import { newOpaqueToken } from '../ids';
import { json, option, type GraphRequest, type JsonObject } from '../http';
import type { StoredMessage } from '../model';
import { checkFilter } from '../query/filter-check';
import { matchesFilter } from '../query/filter-eval';
import { parseFilter } from '../query/filter-parser';
import { checkFilterOrder, parseOrderBy, sortBy, type SortKey } from '../query/orderby';
import { MESSAGE_SCHEMA } from '../query/schema';
import { matchesSearch, parseSearch } from '../query/search';
import {
	messageJson,
	parseAttachmentSelect,
	parseMessageSelect,
	type MessageShape,
} from '../serialize';
import {
	authorize,
	bodyPreference,
	contextPath,
	metadata,
	nextLink,
	parseSkip,
	parseTop,
	type Handler,
} from './common';

/** "A $search request returns up to 1000 results" (Use the $search query parameter). */
const SEARCH_LIMIT = 1000;

const NEWEST_FIRST: SortKey[] = [{ path: 'receiveddatetime', descending: true }];
const byOrder = (a: StoredMessage, b: StoredMessage) => b.order - a.order;

/** `$expand=attachments` or `attachments($select=…)`; other relationships are refused. */
export function parseExpand(request: GraphRequest): MessageShape['attachments'] {
	const text = option(request, '$expand');
	if (text === undefined || text.trim() === '') return undefined;
	const match = /^\s*([A-Za-z]+)\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?\s*$/.exec(text);
	if (!match)
		throw badRequest(`Parsing OData Select and Expand failed: syntax error in '${text}'.`);
	if (match[1].toLowerCase() !== 'attachments') throw unknownProperty(match[1]);
	return { select: parseAttachmentSelect(match[2]) };
}

/** GET …/messages and …/mailFolders/{id}/messages. */
export const listMessages: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'read');
	const folder = params.folder ? context.store.folder(mailbox, params.folder) : undefined;
	const top = parseTop(request, context.settings.maxTop);
	const skip = parseSkip(request);
	const select = parseMessageSelect(option(request, '$select'));
	const attachments = parseExpand(request);
	const searchText = option(request, '$search');
	const filterText = option(request, '$filter');
	const orderText = option(request, '$orderby');
	const count = option(request, '$count')?.toLowerCase() === 'true';

	if (searchText !== undefined) {
		if (orderText !== undefined) {
			// Seen in issue threads: SearchWithOrderBy "The query parameter '$orderBy' is not supported with '$search'."
			throw badRequest(
				"The query parameter '$orderBy' is not supported with '$search'.",
				'SearchWithOrderBy',
			);
		}
		// Chosen codes: reports say $search rejects $filter and $skip, without quoting the answer.
		if (filterText !== undefined) {
			throw badRequest("The query parameter '$filter' is not supported with '$search'.");
		}
		if (skip !== undefined) {
			throw badRequest("The query parameter '$skip' is not supported with '$search'.");
		}
	}
	const filter = filterText === undefined ? undefined : parseFilter(filterText);
	const filterPaths = filter ? checkFilter(filter, MESSAGE_SCHEMA) : [];
	const sort = orderText === undefined ? undefined : parseOrderBy(orderText, MESSAGE_SCHEMA);
	if (filter && sort) checkFilterOrder(filterPaths, sort);

	let items = context.store.visibleMessages(mailbox, folder?.id);
	if (filter) items = items.filter((message) => matchesFilter(filter, MESSAGE_SCHEMA, message));
	const search = searchText === undefined ? undefined : parseSearch(searchText);
	if (searchText !== undefined) {
		// Search results "are sorted by the date and time that the message was sent".
		items = items.filter((message) => !search || matchesSearch(search, message));
		items = sortBy(
			items,
			[{ path: 'sentdatetime', descending: true }],
			MESSAGE_SCHEMA,
			byOrder,
		).slice(0, SEARCH_LIMIT);
	} else {
		items = sortBy(items, sort ?? NEWEST_FIRST, MESSAGE_SCHEMA, byOrder);
	}

	const pageSize = top ?? context.settings.pageSizeDefault;
	const offset =
		searchText === undefined ? (skip ?? 0) : searchOffset(option(request, '$skiptoken'));
	const page = items.slice(offset, offset + pageSize);
	const { bodyType, headers } = bodyPreference(request);
	const body: JsonObject = {
		'@odata.context': metadata(
			request,
			`${contextPath(mailbox, folder?.id)}/messages${select ? `(${select.join(',')})` : ''}`,
		),
	};
	if (count) body['@odata.count'] = items.length;
	body.value = page.map((message) => messageJson(message, { select, bodyType, attachments }));
	if (offset + pageSize < items.length) {
		body['@odata.nextLink'] =
			searchText === undefined
				? nextLink(request, { skip: offset + pageSize })
				: nextLink(request, { skiptoken: searchToken(offset + pageSize) });
	}
	return json(200, body, headers);
};

/** Search pages go on with an opaque `$skiptoken` (its offset inside, chosen). */
function searchToken(offset: number): string {
	return `${newOpaqueToken(6)}.${Buffer.from(String(offset)).toString('base64url')}`;
}

function searchOffset(token: string | undefined): number {
	if (token === undefined) return 0;
	const offset = Number(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
	if (!Number.isInteger(offset) || offset < 0) throw badRequest('The $skiptoken is not valid.');
	return offset;
}

/** GET …/messages/{id} (`$select`, `$expand=attachments`). */
export const getMessage: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'read');
	const folder = params.folder ? context.store.folder(mailbox, params.folder) : undefined;
	const message = context.store.message(mailbox, params.message ?? '', folder?.id);
	const select = parseMessageSelect(option(request, '$select'));
	const attachments = parseExpand(request);
	const { bodyType, headers } = bodyPreference(request);
	return json(
		200,
		{
			'@odata.context': metadata(request, `${contextPath(mailbox)}/messages/$entity`),
			...messageJson(message, { select, bodyType, attachments }),
		},
		headers,
	);
};

export function messageResponse(
	request: GraphRequest,
	message: StoredMessage,
	status: number,
): ReturnType<typeof json> {
	const { bodyType, headers } = bodyPreference(request);
	return json(
		status,
		{
			'@odata.context': metadata(request, 'message'),
			'@odata.type': '#microsoft.graph.message',
			...messageJson(message, { bodyType }),
		},
		headers,
	);
}
