import type { FieldValue } from '../fixture-types';
import type { DatabaseSchema, TableSchema } from '../schema';
import type { SandboxRecord } from '../store';
import { storedValuesFrom } from './entity-model';
import { ODataError, syntaxError } from './errors';
import { checkFilterFields } from './filter-eval';
import { parseODataFilter } from './filter-parser';
import { entityUrl, readEntity, selectRecords } from './reads';
import { queryParams, type ODataContext, type ODataRequest, type ODataResponse } from './request';

const AFFECTED_ROWS = 'fmodata.affected_rows';

function prefers(request: ODataRequest, value: string): boolean {
	return (request.headers.prefer ?? '')
		.split(',')
		.some((part) => part.trim().toLowerCase() === value);
}

function jsonBody(request: ODataRequest): unknown {
	const text = request.body.toString('utf8');
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new ODataError(400, '-1002', 'Error: the request body is not valid JSON');
	}
}

/**
 * Field validation FileMaker applies to OData writes: "not empty" (509) and "unique" (504).
 * HTTP 400 for both is chosen, not confirmed.
 */
function validate(
	context: ODataContext,
	database: DatabaseSchema,
	table: TableSchema,
	fields: Record<string, FieldValue>,
	self?: SandboxRecord,
): void {
	for (const field of table.fields.values()) {
		if (field.global || field.autoEnter) continue;
		const value = fields[field.name];
		if (field.notEmpty && (value === undefined || value === '')) {
			throw new ODataError(400, '509', `Field '${field.name}' requires a valid value`);
		}
		if (field.unique && value !== undefined && value !== '') {
			const clash = context.services.store
				.records(database.name, table.name)
				.some((other) => other !== self && String(other.fields[field.name]) === String(value));
			if (clash) throw new ODataError(400, '504', `Value in field '${field.name}' is not unique`);
		}
	}
}

/** `POST /{db}/{table}`: 201 with the row, or 204 with `Prefer: return=minimal`. */
export function createRecord(
	context: ODataContext,
	request: ODataRequest,
	database: DatabaseSchema,
	table: TableSchema,
): ODataResponse {
	const values = storedValuesFrom(table, jsonBody(request));
	validate(context, database, table, values);
	const record = context.services.store.insert(database.name, table.name, values);
	const location = entityUrl(request, database, table, record);
	if (prefers(request, 'return=minimal')) {
		return {
			status: 204,
			headers: {
				Location: location,
				'OData-EntityId': location,
				'Preference-Applied': 'return=minimal',
			},
			body: '',
		};
	}
	return readEntity(context, { ...request, query: '' }, database, table, record, 201, {
		Location: location,
	});
}

/** `PATCH /{db}/{table}({key})`: 204, or 200 with the row for `Prefer: return=representation`. */
export function updateRecord(
	context: ODataContext,
	request: ODataRequest,
	database: DatabaseSchema,
	table: TableSchema,
	record: SandboxRecord,
): ODataResponse {
	const values = storedValuesFrom(table, jsonBody(request));
	validate(context, database, table, { ...record.fields, ...values }, record);
	context.services.store.update(database.name, table.name, record.recordId, values);
	if (prefers(request, 'return=representation')) {
		return readEntity(context, { ...request, query: '' }, database, table, record);
	}
	return { status: 204, headers: { [AFFECTED_ROWS]: '1' }, body: '' };
}

export function deleteRecord(
	context: ODataContext,
	database: DatabaseSchema,
	table: TableSchema,
	record: SandboxRecord,
): ODataResponse {
	context.services.store.delete(database.name, table.name, record.recordId);
	return { status: 204, headers: { [AFFECTED_ROWS]: '1' }, body: '' };
}

/**
 * `PATCH` or `DELETE /{db}/{table}?$filter=…`: every matching record, answered 204 with the
 * number in the `fmodata.affected_rows` header (the header clients read; the status is not
 * confirmed). Without `$filter` a DELETE deletes every record, as FileMaker's does.
 */
export function bulkWrite(
	context: ODataContext,
	request: ODataRequest,
	database: DatabaseSchema,
	table: TableSchema,
): ODataResponse {
	const params = queryParams(request.query);
	for (const name of params.keys()) {
		if (name.startsWith('$') && name !== '$filter') throw syntaxError(name);
	}
	const filterText = params.get('$filter');
	const filter = filterText === undefined ? undefined : parseODataFilter(filterText);
	if (filter) checkFilterFields(filter, table);
	if (!filter && request.method === 'PATCH') throw syntaxError('$filter');
	const found = selectRecords(context, database, table, { filter, orderBy: [] });
	const store = context.services.store;
	if (request.method === 'DELETE') {
		for (const record of found) store.delete(database.name, table.name, record.recordId);
	} else {
		const values = storedValuesFrom(table, jsonBody(request));
		for (const record of found)
			validate(context, database, table, { ...record.fields, ...values }, record);
		for (const record of found) store.update(database.name, table.name, record.recordId, values);
	}
	return { status: 204, headers: { [AFFECTED_ROWS]: String(found.length) }, body: '' };
}
