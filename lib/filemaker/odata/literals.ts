/**
 * The one place where values and names become OData text for FileMaker. Nothing from an item
 * is ever pasted into a query: a string becomes a quoted literal with every `'` doubled, so
 * no text can close it and change the structure of the filter.
 */

/** How a value is written; from the field's type in `$metadata`. */
export type LiteralKind = 'string' | 'number' | 'boolean' | 'date' | 'timeOfDay' | 'timestamp';

export class ODataValueError extends Error {
	readonly name = 'ODataValueError';
}

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,12})?)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,12})?)?(Z|[+-]\d{2}:\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Words a filter reads as operators, literals or functions: a field so named is quoted. */
const RESERVED = new Set([
	'and',
	'or',
	'not',
	'eq',
	'ne',
	'gt',
	'ge',
	'lt',
	'le',
	'in',
	'has',
	'add',
	'sub',
	'mul',
	'div',
	'mod',
	'null',
	'true',
	'false',
	'contains',
	'startswith',
	'endswith',
	'tolower',
	'toupper',
	'trim',
	'length',
	'indexof',
	'substring',
	'concat',
	'matchespattern',
	'year',
	'month',
	'day',
	'hour',
	'minute',
	'second',
	'now',
	'date',
	'time',
	'round',
	'floor',
	'ceiling',
	'asc',
	'desc',
	'inf',
	'nan',
]);

/**
 * A field or table name: bare when it is a plain identifier that cannot be read as anything
 * else, otherwise in double quotes with any `"` doubled.
 */
export function odataName(name: string): string {
	if (name === '') throw new ODataValueError('A field or table name is empty');
	const bare = SIMPLE_NAME.test(name) && !RESERVED.has(name.toLowerCase());
	return bare ? name : `"${name.replace(/"/g, '""')}"`;
}

export function stringLiteral(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

function asText(value: unknown): string {
	if (value instanceof Date) return value.toISOString();
	return typeof value === 'string' ? value.trim() : String(value);
}

/**
 * A value as an OData literal of the given kind. Numbers, booleans, dates and timestamps are
 * checked against their own literal syntax and rejected with a clear error when they do not
 * fit, rather than being quoted into something FileMaker reads differently.
 */
export function odataLiteral(value: unknown, kind: LiteralKind = 'string'): string {
	if (value === null || value === undefined) return 'null';
	switch (kind) {
		case 'string':
			return stringLiteral(value instanceof Date ? value.toISOString() : String(value));
		case 'number': {
			const text = asText(value);
			if (typeof value === 'number' ? !Number.isFinite(value) : !NUMBER.test(text)) {
				throw new ODataValueError(`"${text}" is not a number`);
			}
			return text;
		}
		case 'boolean': {
			const text = asText(value).toLowerCase();
			if (text !== 'true' && text !== 'false')
				throw new ODataValueError(`"${text}" is not true or false`);
			return text;
		}
		case 'date': {
			const text = value instanceof Date ? value.toISOString().slice(0, 10) : asText(value);
			if (!DATE.test(text)) throw new ODataValueError(`"${text}" is not a date (YYYY-MM-DD)`);
			return text;
		}
		case 'timeOfDay': {
			const text = asText(value);
			if (!TIME.test(text)) throw new ODataValueError(`"${text}" is not a time of day (HH:MM:SS)`);
			return text;
		}
		case 'timestamp': {
			const text = asText(value);
			if (!TIMESTAMP.test(text)) {
				throw new ODataValueError(
					`"${text}" is not a timestamp with a time zone (YYYY-MM-DDTHH:MM:SSZ)`,
				);
			}
			return text;
		}
	}
}

/** A key in a path: `(42)` for a number, `('A-1')` for text. */
export function odataKey(value: unknown, kind: LiteralKind = 'string'): string {
	const text = asText(value);
	if (text === '') throw new ODataValueError('The key is empty');
	return `(${encodeURIComponent(odataLiteral(value, kind))})`;
}

/** The literal kind of an `$metadata` property type (`Edm.Decimal` → number, ...). */
export function literalKindOf(edmType: string | undefined): LiteralKind {
	switch (edmType) {
		case 'Edm.Decimal':
		case 'Edm.Double':
		case 'Edm.Single':
		case 'Edm.Int16':
		case 'Edm.Int32':
		case 'Edm.Int64':
		case 'Edm.Byte':
			return 'number';
		case 'Edm.Boolean':
			return 'boolean';
		case 'Edm.Date':
			return 'date';
		case 'Edm.TimeOfDay':
			return 'timeOfDay';
		case 'Edm.DateTimeOffset':
			return 'timestamp';
		default:
			return 'string';
	}
}
