import { recordVisibility, visibleRecords } from '../record-access';
import type { DatabaseSchema, TableSchema } from '../schema';
import { sameKey, type SandboxRecord } from '../store';
import { keySegment, rowValues, ROWID, ROWMODID } from './entity-model';
import { matches } from './filter-eval';
import { parseQueryOptions, type QueryOptions } from './query-options';
import {
	annotation,
	ieee754Compatible,
	json,
	queryParams,
	SERVICE_ROOT,
	type ODataContext,
	type ODataRequest,
	type ODataResponse,
} from './request';

/**
 * The records a filter and order select, before `$skip`/`$top`, among those the request's
 * account may see.
 */
export function selectRecords(
	context: ODataContext,
	database: DatabaseSchema,
	table: TableSchema,
	options: Pick<QueryOptions, 'filter' | 'orderBy'>,
	from?: SandboxRecord[],
): SandboxRecord[] {
	const all = visibleRecords(
		recordVisibility(database, context.account),
		table.name,
		from ?? context.services.store.records(database.name, table.name),
	);
	const { filter } = options;
	const found = filter ? all.filter((record) => matches(filter, table, record)) : all;
	if (options.orderBy.length === 0) return found;
	return [...found].sort((a, b) => {
		for (const rule of options.orderBy) {
			const order = compareValues(sortValue(a, rule.field), sortValue(b, rule.field));
			if (order !== 0) return rule.descending ? -order : order;
		}
		return 0;
	});
}

function sortValue(record: SandboxRecord, field: string): string | number {
	if (field === ROWID) return record.recordId;
	if (field === ROWMODID) return record.modId;
	return record.fields[field] ?? '';
}

/** Empty values first, numbers by value, text by code point. */
function compareValues(a: string | number, b: string | number): number {
	if (a === b) return 0;
	if (a === '') return -1;
	if (b === '') return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a) < String(b) ? -1 : 1;
}

export function entityUrl(
	request: ODataRequest,
	database: DatabaseSchema,
	table: TableSchema,
	record: SandboxRecord,
): string {
	return `${request.origin}${SERVICE_ROOT}/${encodeURIComponent(database.name)}/${encodeURIComponent(table.name)}${keySegment(table, record)}`;
}

/** One row with `@id` and `@editLink`, and its expanded related rows. */
export function renderRow(
	context: ODataContext,
	request: ODataRequest,
	database: DatabaseSchema,
	table: TableSchema,
	record: SandboxRecord,
	options: Pick<QueryOptions, 'select' | 'expand'>,
): Record<string, unknown> {
	const url = entityUrl(request, database, table, record);
	const row: Record<string, unknown> = {
		[annotation(request, 'id')]: url,
		[annotation(request, 'editLink')]: url,
		...rowValues(
			table,
			record,
			{ ieee754Compatible: ieee754Compatible(request), select: options.select },
			context.services.store,
			database.name,
		),
	};
	for (const expand of options.expand) {
		const related = relatedRecords(context, database, table, record, expand.table);
		const selected = selectRecords(context, database, expand.table, expand.options, related);
		const { skip, top } = expand.options;
		row[expand.table.name] = selected
			.slice(skip, top === undefined ? undefined : skip + top)
			.map((child) => renderRow(context, request, database, expand.table, child, expand.options));
	}
	return row;
}

function relatedRecords(
	context: ODataContext,
	database: DatabaseSchema,
	table: TableSchema,
	record: SandboxRecord,
	related: TableSchema,
): SandboxRecord[] {
	const store = context.services.store;
	for (const relationship of database.relationships.values()) {
		const forward = relationship.from === table.name && relationship.table.name === related.name;
		const backward = relationship.table.name === table.name && relationship.from === related.name;
		if (!forward && !backward) continue;
		const ownKey = forward ? relationship.parentKey : relationship.childKey;
		const otherKey = forward ? relationship.childKey : relationship.parentKey;
		return store
			.records(database.name, related.name)
			.filter((candidate) => sameKey(candidate.fields[otherKey], record.fields[ownKey]));
	}
	return [];
}

/**
 * `GET /{db}/{table}`: at most `pageSize` rows per answer; when more remain, a next link
 * with `$skip` (and `$top` reduced) that the client follows as given.
 */
export function readCollection(
	context: ODataContext,
	request: ODataRequest,
	database: DatabaseSchema,
	table: TableSchema,
): ODataResponse {
	const params = queryParams(request.query);
	const options = parseQueryOptions(params, database, table);
	const found = selectRecords(context, database, table, options);
	const end =
		options.top === undefined ? found.length : Math.min(found.length, options.skip + options.top);
	const pageEnd = Math.min(end, options.skip + context.settings.pageSize);
	const page = found.slice(options.skip, pageEnd);
	const base = `${request.origin}${SERVICE_ROOT}/${encodeURIComponent(database.name)}`;
	const selectSuffix = options.select
		? `(${options.select.map((name) => `"${name}"`).join(',')})`
		: '';
	const body: Record<string, unknown> = {
		[annotation(request, 'context')]: `${base}/$metadata#${table.name}${selectSuffix}`,
	};
	if (options.count) body[annotation(request, 'count')] = found.length;
	body.value = page.map((record) => renderRow(context, request, database, table, record, options));
	if (pageEnd < end) {
		const next = new Map(params);
		next.set('$skip', String(pageEnd));
		if (options.top !== undefined) next.set('$top', String(end - pageEnd));
		const query = Array.from(next, ([name, value]) => `${name}=${encodeURIComponent(value)}`).join(
			'&',
		);
		body[annotation(request, 'nextLink')] = `${base}/${encodeURIComponent(table.name)}?${query}`;
	}
	return json(request, context.settings, 200, body);
}

/** `GET /{db}/{table}({key})` */
export function readEntity(
	context: ODataContext,
	request: ODataRequest,
	database: DatabaseSchema,
	table: TableSchema,
	record: SandboxRecord,
	status = 200,
	headers: Record<string, string> = {},
): ODataResponse {
	const options = parseQueryOptions(queryParams(request.query), database, table);
	const base = `${request.origin}${SERVICE_ROOT}/${encodeURIComponent(database.name)}`;
	return json(
		request,
		context.settings,
		status,
		{
			[annotation(request, 'context')]: `${base}/$metadata#${table.name}/$entity`,
			...renderRow(context, request, database, table, record, options),
		},
		headers,
	);
}

/**
 * `GET /{db}/{table}/$count` (with an optional `$filter`): the number of rows the account may
 * see, as `text/plain` (Claris, "Request the number of records in a table").
 */
export function countRows(
	context: ODataContext,
	request: ODataRequest,
	database: DatabaseSchema,
	table: TableSchema,
): ODataResponse {
	const options = parseQueryOptions(queryParams(request.query), database, table);
	const found = selectRecords(context, database, table, options);
	return {
		status: 200,
		headers: {
			'Content-Type': 'text/plain;charset=utf-8',
			'OData-Version': request.headers['odata-maxversion']?.trim() === '4.0' ? '4.0' : '4.01',
		},
		body: String(found.length),
	};
}
