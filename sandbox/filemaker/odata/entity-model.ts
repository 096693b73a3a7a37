import { canonicalTimestamp, parseNumber, parseTime } from '../field-values';
import type { FieldType, FieldValue, FixtureField } from '../fixture-types';
import type { DatabaseSchema, TableSchema } from '../schema';
import type { SandboxRecord, SandboxStore } from '../store';
import { ODataError, recordNotFound, syntaxError, unknownField } from './errors';

/** `ROWID` and `ROWMODID`: system columns, returned only when `$select`ed. */
export const ROWID = 'ROWID';
export const ROWMODID = 'ROWMODID';

export const EDM_TYPES: Record<FieldType, string> = {
	text: 'Edm.String',
	number: 'Edm.Decimal',
	date: 'Edm.Date',
	time: 'Edm.TimeOfDay',
	timestamp: 'Edm.DateTimeOffset',
	container: 'Edm.Binary',
};

/**
 * The key OData uses for a table: its primary key field, which for the sandbox is the first
 * field validated as not empty and unique; without one, `ROWID` (the record ID).
 */
export function keyFieldOf(table: TableSchema): FixtureField | undefined {
	for (const field of table.fields.values()) {
		if (field.notEmpty && field.unique && !field.global && field.type !== 'container') {
			return field;
		}
	}
	return undefined;
}

export function keyNameOf(table: TableSchema): string {
	return keyFieldOf(table)?.name ?? ROWID;
}

/** `Contacts(7)`, `Contacts('ABC')`: how a row's key appears in `@id` and `Location`. */
export function keySegment(table: TableSchema, record: SandboxRecord): string {
	const field = keyFieldOf(table);
	if (!field) return `(${record.recordId})`;
	const value = record.fields[field.name];
	if (typeof value === 'number') return `(${value})`;
	return `('${String(value).replace(/'/g, "''")}')`;
}

/**
 * Finds the record a key addresses: `(7)`, `('ABC')` (the primary key, or the record ID for
 * a table without one), or `(ROWID=7)`.
 */
export function findByKey(
	store: SandboxStore,
	database: string,
	table: TableSchema,
	rawKey: string,
): SandboxRecord {
	const rowIdMatch = /^ROWID=(\d+)$/.exec(rawKey);
	const field = rowIdMatch ? undefined : keyFieldOf(table);
	const literal = rowIdMatch ? rowIdMatch[1] : rawKey.replace(/^[^=']+=/, '');
	const key = parseKeyLiteral(literal);
	if (!field) {
		if (typeof key !== 'number') throw recordNotFound();
		const record = store.record(database, table.name, key);
		if (!record) throw recordNotFound();
		return record;
	}
	const wanted = String(key);
	const record = store
		.records(database, table.name)
		.find((candidate) => String(candidate.fields[field.name]) === wanted);
	if (!record) throw recordNotFound();
	return record;
}

function parseKeyLiteral(literal: string): string | number {
	if (/^'(?:[^']|'')*'$/.test(literal)) return literal.slice(1, -1).replace(/''/g, "'");
	if (/^-?\d+(?:\.\d+)?$/.test(literal)) return Number(literal);
	throw syntaxError(literal);
}

export interface RenderOptions {
	/** `IEEE754Compatible=true`: Edm.Decimal values as strings. */
	ieee754Compatible: boolean;
	/** `$select`: these columns (ROWID, ROWMODID allowed), in this order; all fields otherwise. */
	select?: string[];
}

/** A record as FileMaker's OData returns it: empty fields `null`, timestamps in ISO 8601. */
export function rowValues(
	table: TableSchema,
	record: SandboxRecord,
	options: RenderOptions,
	store: SandboxStore,
	database: string,
): Record<string, unknown> {
	const row: Record<string, unknown> = {};
	const names = options.select ?? Array.from(table.fields.keys());
	for (const name of names) {
		if (name === ROWID) row[name] = number(record.recordId, options);
		else if (name === ROWMODID) row[name] = number(record.modId, options);
		else {
			const field = table.fields.get(name);
			if (!field) throw unknownField(name);
			const stored = field.global ? (field.globalValue ?? '') : record.fields[name];
			row[name] = jsonValue(field, stored, options, () =>
				store.containerBytes(database, table.name, record.recordId, name)?.toString('base64'),
			);
		}
	}
	return row;
}

function number(value: number, options: RenderOptions): number | string {
	return options.ieee754Compatible ? String(value) : value;
}

function jsonValue(
	field: FixtureField,
	stored: FieldValue | undefined,
	options: RenderOptions,
	containerBase64: () => string | undefined,
): unknown {
	if (stored === undefined || stored === '') return null;
	switch (field.type) {
		case 'number': {
			const value = typeof stored === 'number' ? stored : parseNumber(stored);
			if (value === undefined) return String(stored);
			return number(value, options);
		}
		case 'timestamp':
			return typeof stored === 'string' ? `${stored.replace(' ', 'T')}Z` : stored;
		case 'container':
			return containerBase64() ?? null;
		default:
			return stored;
	}
}

/** Checks a field name of a request against the table; 8309 for one it does not have. */
export function requireField(table: TableSchema, name: string): FixtureField {
	const field = table.fields.get(name);
	if (!field) throw unknownField(name);
	return field;
}

/**
 * Turns a JSON body into stored values, refusing what FileMaker refuses: unknown fields
 * (8309), values of the wrong type and writes to global or container fields in this form.
 */
export function storedValuesFrom(table: TableSchema, body: unknown): Record<string, FieldValue> {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new ODataError(400, '-1002', 'Error: the request body must be a JSON object');
	}
	const values: Record<string, FieldValue> = {};
	for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
		if (name.startsWith('@')) continue;
		const field = requireField(table, name);
		if (field.global || field.type === 'container') {
			throw new ODataError(400, '201', `Field '${name}' cannot be modified`);
		}
		values[name] = storedValue(field, value);
	}
	return values;
}

function storedValue(field: FixtureField, value: unknown): FieldValue {
	if (value === null || value === '') return '';
	const mismatch = () =>
		new ODataError(400, '-1002', `Error: invalid value for field '${field.name}'`);
	switch (field.type) {
		case 'text':
			if (typeof value === 'string' || typeof value === 'number') return String(value);
			throw mismatch();
		case 'number': {
			const parsed = typeof value === 'number' ? value : parseNumber(String(value));
			if (parsed === undefined || typeof value === 'boolean') throw mismatch();
			return parsed;
		}
		case 'date':
			if (typeof value === 'string' && isDate(value)) return value;
			throw mismatch();
		case 'time': {
			const time = typeof value === 'string' ? parseTime(value) : undefined;
			if (time === undefined) throw mismatch();
			return time;
		}
		case 'timestamp': {
			const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
			if (!/^\d{4}-\d{2}-\d{2}T/.test(String(value)) || Number.isNaN(ms)) throw mismatch();
			return canonicalTimestamp(ms);
		}
		case 'container':
			throw mismatch();
	}
}

function isDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The table a URL segment names, case-sensitively; -1020 otherwise. */
export function tableNamed(database: DatabaseSchema, name: string): TableSchema | undefined {
	return database.tables.get(name);
}
