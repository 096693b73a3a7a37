import { timeToSeconds } from '../field-values';
import type { FieldValue } from '../fixture-types';
import type { TableSchema } from '../schema';
import type { SandboxRecord } from '../store';
import { ROWID, ROWMODID } from './entity-model';
import { ODataError, unknownField } from './errors';
import type { CallNode, FilterNode } from './filter-ast';

/** A value while a filter is evaluated; `null` is an empty field or the `null` literal. */
type Value =
	| { kind: 'text'; value: string }
	| { kind: 'number'; value: number }
	| { kind: 'date'; value: string }
	| { kind: 'time'; seconds: number }
	| { kind: 'timestamp'; ms: number }
	| { kind: 'boolean'; value: boolean }
	| { kind: 'null' };

const NULL: Value = { kind: 'null' };

/** Checks every field name of a filter against the table (8309 for an unknown one). */
export function checkFilterFields(node: FilterNode, table: TableSchema): void {
	switch (node.type) {
		case 'field':
			if (node.name !== ROWID && node.name !== ROWMODID && !table.fields.has(node.name)) {
				throw unknownField(node.name);
			}
			return;
		case 'compare':
		case 'and':
		case 'or':
			checkFilterFields(node.left, table);
			checkFilterFields(node.right, table);
			return;
		case 'in':
			checkFilterFields(node.left, table);
			for (const value of node.values) checkFilterFields(value, table);
			return;
		case 'not':
			checkFilterFields(node.operand, table);
			return;
		case 'call':
			for (const arg of node.args) checkFilterFields(arg, table);
			return;
		default:
			return;
	}
}

/**
 * Whether a record matches. Text compares case-sensitively (use `tolower`); empty fields are
 * null: `eq null` matches them, and a comparison with null is true only for `ne` (OData's
 * rule). Numbers, dates, times and timestamps compare by value; timestamps are UTC.
 */
export function matches(node: FilterNode, table: TableSchema, record: SandboxRecord): boolean {
	const result = evaluate(node, table, record);
	return result.kind === 'boolean' && result.value;
}

function evaluate(node: FilterNode, table: TableSchema, record: SandboxRecord): Value {
	switch (node.type) {
		case 'and':
			return bool(matches(node.left, table, record) && matches(node.right, table, record));
		case 'or':
			return bool(matches(node.left, table, record) || matches(node.right, table, record));
		case 'not':
			return bool(!matches(node.operand, table, record));
		case 'compare': {
			const left = evaluate(node.left, table, record);
			const right = evaluate(node.right, table, record);
			const order = compare(left, right);
			switch (node.operator) {
				case 'eq':
					return bool(order === 0);
				case 'ne':
					return bool(order !== 0);
				case 'gt':
					return bool(order !== undefined && order > 0);
				case 'ge':
					return bool(order !== undefined && order >= 0);
				case 'lt':
					return bool(order !== undefined && order < 0);
				case 'le':
					return bool(order !== undefined && order <= 0);
			}
			break;
		}
		case 'in': {
			const left = evaluate(node.left, table, record);
			return bool(node.values.some((value) => compare(left, evaluate(value, table, record)) === 0));
		}
		case 'call':
			return call(node, table, record);
		case 'field':
			return fieldValue(table, record, node.name);
		case 'string':
			return { kind: 'text', value: node.value };
		case 'number':
			return { kind: 'number', value: node.value };
		case 'boolean':
			return bool(node.value);
		case 'null':
			return NULL;
		case 'date':
			return { kind: 'date', value: node.value };
		case 'dateTimeOffset':
			return { kind: 'timestamp', ms: Date.parse(node.value) };
		case 'timeOfDay':
			return { kind: 'time', seconds: timeToSeconds(node.value.slice(0, 8).padEnd(8, ':00')) };
	}
	return NULL;
}

function bool(value: boolean): Value {
	return { kind: 'boolean', value };
}

function fieldValue(table: TableSchema, record: SandboxRecord, name: string): Value {
	if (name === ROWID) return { kind: 'number', value: record.recordId };
	if (name === ROWMODID) return { kind: 'number', value: record.modId };
	const field = table.fields.get(name);
	if (!field) throw unknownField(name);
	const stored: FieldValue | undefined = field.global
		? (field.globalValue ?? '')
		: record.fields[name];
	if (stored === undefined || stored === '') return NULL;
	switch (field.type) {
		case 'number':
			return typeof stored === 'number'
				? { kind: 'number', value: stored }
				: { kind: 'text', value: stored };
		case 'date':
			return { kind: 'date', value: String(stored) };
		case 'time':
			return { kind: 'time', seconds: timeToSeconds(String(stored)) };
		case 'timestamp':
			return { kind: 'timestamp', ms: Date.parse(`${String(stored).replace(' ', 'T')}Z`) };
		default:
			return { kind: 'text', value: String(stored) };
	}
}

/** -1, 0, 1, or undefined when the two cannot be ordered (null, or types that do not mix). */
function compare(left: Value, right: Value): number | undefined {
	if (left.kind === 'null' || right.kind === 'null') {
		return left.kind === right.kind ? 0 : undefined;
	}
	const a = comparable(left, right.kind);
	const b = comparable(right, left.kind);
	if (a === undefined || b === undefined) return undefined;
	if (a < b) return -1;
	return a > b ? 1 : 0;
}

function comparable(value: Value, other: Value['kind']): string | number | undefined {
	switch (value.kind) {
		case 'number':
			return value.value;
		case 'text':
			if (other === 'number') {
				const number = Number(value.value);
				return value.value.trim() === '' || Number.isNaN(number) ? undefined : number;
			}
			if (other === 'timestamp') return Date.parse(value.value);
			return value.value;
		case 'date':
			return other === 'timestamp' ? Date.parse(`${value.value}T00:00:00Z`) : value.value;
		case 'time':
			return value.seconds;
		case 'timestamp':
			return value.ms;
		case 'boolean':
			return value.value ? 1 : 0;
		case 'null':
			return undefined;
	}
}

function text(value: Value): string | undefined {
	switch (value.kind) {
		case 'text':
		case 'date':
			return value.value;
		case 'number':
			return String(value.value);
		default:
			return undefined;
	}
}

function call(node: CallNode, table: TableSchema, record: SandboxRecord): Value {
	const args = node.args.map((arg) => evaluate(arg, table, record));
	const texts = args.map(text);
	const [first, second] = texts;
	switch (node.name) {
		case 'contains':
			return bool(first !== undefined && second !== undefined && first.includes(second));
		case 'startswith':
			return bool(first !== undefined && second !== undefined && first.startsWith(second));
		case 'endswith':
			return bool(first !== undefined && second !== undefined && first.endsWith(second));
		case 'tolower':
			return first === undefined ? NULL : { kind: 'text', value: first.toLowerCase() };
		case 'toupper':
			return first === undefined ? NULL : { kind: 'text', value: first.toUpperCase() };
		case 'trim':
			return first === undefined ? NULL : { kind: 'text', value: first.trim() };
		case 'length':
			return first === undefined ? NULL : { kind: 'number', value: first.length };
		case 'indexof':
			return first === undefined || second === undefined
				? NULL
				: { kind: 'number', value: first.indexOf(second) };
		case 'concat':
			return { kind: 'text', value: (first ?? '') + (second ?? '') };
		case 'substring': {
			if (first === undefined) return NULL;
			const start = numberArg(args[1]);
			const length = args[2] === undefined ? undefined : numberArg(args[2]);
			return { kind: 'text', value: first.substr(start, length) };
		}
		case 'year':
		case 'month':
		case 'day':
			return datePart(node.name, args[0]);
	}
}

function numberArg(value: Value): number {
	if (value.kind !== 'number') throw new ODataError(400, '-1002', 'Error: expected a number');
	return value.value;
}

function datePart(part: 'year' | 'month' | 'day', value: Value): Value {
	let iso: string | undefined;
	if (value.kind === 'date') iso = value.value;
	else if (value.kind === 'timestamp') iso = new Date(value.ms).toISOString();
	if (iso === undefined) return NULL;
	const index = part === 'year' ? 0 : part === 'month' ? 1 : 2;
	return { kind: 'number', value: Number(iso.slice(0, 10).split('-')[index]) };
}
