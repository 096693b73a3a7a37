import type { DatabaseSchema, TableSchema } from '../schema';
import { ROWID, ROWMODID } from './entity-model';
import { syntaxError, unknownField } from './errors';
import type { FilterNode } from './filter-ast';
import { checkFilterFields } from './filter-eval';
import { tokenize } from './filter-lexer';
import { parseODataFilter } from './filter-parser';
import { relatedTables } from './metadata';

export interface OrderRule {
	field: string;
	descending: boolean;
}

export interface ExpandOption {
	table: TableSchema;
	options: QueryOptions;
}

export interface QueryOptions {
	filter?: FilterNode;
	select?: string[];
	orderBy: OrderRule[];
	top?: number;
	skip: number;
	count: boolean;
	expand: ExpandOption[];
}

const KNOWN = new Set([
	'$filter',
	'$select',
	'$orderby',
	'$top',
	'$skip',
	'$count',
	'$expand',
	'$format',
]);

/** Reads the query options of a collection request; `params` are already percent-decoded. */
export function parseQueryOptions(
	params: Map<string, string>,
	database: DatabaseSchema,
	table: TableSchema,
): QueryOptions {
	for (const name of params.keys()) {
		if (name.startsWith('$') && !KNOWN.has(name)) throw syntaxError(name);
	}
	const filterText = params.get('$filter');
	const filter = filterText === undefined ? undefined : parseODataFilter(filterText);
	if (filter) checkFilterFields(filter, table);
	const selectText = params.get('$select');
	return {
		filter,
		select: selectText === undefined ? undefined : parseSelect(selectText, table),
		orderBy: parseOrderBy(params.get('$orderby'), table),
		top: nonNegative(params.get('$top'), '$top'),
		skip: nonNegative(params.get('$skip'), '$skip') ?? 0,
		count: parseCount(params.get('$count')),
		expand: parseExpand(params.get('$expand'), database, table),
	};
}

function nonNegative(text: string | undefined, name: string): number | undefined {
	if (text === undefined) return undefined;
	if (!/^\d+$/.test(text)) throw syntaxError(`${name}=${text}`);
	return Number(text);
}

function parseCount(text: string | undefined): boolean {
	if (text === undefined || text === 'false') return false;
	if (text === 'true') return true;
	throw syntaxError(`$count=${text}`);
}

function names(text: string): Array<{ name: string; rest: string[] }> {
	const tokens = tokenize(text);
	const items: Array<{ name: string; rest: string[] }> = [];
	let current: { name: string; rest: string[] } | undefined;
	for (const token of tokens) {
		if (token.kind === 'end' || token.kind === ',') {
			if (!current) throw syntaxError(text.slice(token.at) || text);
			items.push(current);
			current = undefined;
		} else if (!current) {
			if (token.kind !== 'identifier' && token.kind !== 'quotedIdentifier') {
				throw syntaxError(text.slice(token.at));
			}
			current = { name: token.text, rest: [] };
		} else current.rest.push(token.text);
	}
	return items;
}

function parseSelect(text: string, table: TableSchema): string[] {
	return names(text).map(({ name, rest }) => {
		if (rest.length > 0) throw syntaxError(text);
		if (name !== ROWID && name !== ROWMODID && !table.fields.has(name)) throw unknownField(name);
		return name;
	});
}

function parseOrderBy(text: string | undefined, table: TableSchema): OrderRule[] {
	if (text === undefined) return [];
	return names(text).map(({ name, rest }) => {
		if (rest.length > 1 || (rest.length === 1 && rest[0] !== 'asc' && rest[0] !== 'desc')) {
			throw syntaxError(text);
		}
		if (name !== ROWID && name !== ROWMODID && !table.fields.has(name)) throw unknownField(name);
		return { field: name, descending: rest[0] === 'desc' };
	});
}

/**
 * `$expand=Phones` or `$expand=Phones($select=a,b;$filter=…;$orderby=…;$top=n;$skip=n)`:
 * related tables through the fixture's relationships.
 */
function parseExpand(
	text: string | undefined,
	database: DatabaseSchema,
	table: TableSchema,
): ExpandOption[] {
	if (text === undefined) return [];
	return splitTopLevel(text, ',').map((item) => {
		const open = item.indexOf('(');
		const name = (open === -1 ? item : item.slice(0, open)).trim().replace(/^"(.*)"$/, '$1');
		if (open !== -1 && !item.trimEnd().endsWith(')')) throw syntaxError(item);
		const related = database.tables.get(name);
		if (!related || !relatedTables(database, table).includes(name)) throw unknownField(name);
		const nested = new Map<string, string>();
		if (open !== -1) {
			for (const part of splitTopLevel(item.trimEnd().slice(open + 1, -1), ';')) {
				const equals = part.indexOf('=');
				if (equals === -1) throw syntaxError(part);
				nested.set(part.slice(0, equals).trim(), part.slice(equals + 1));
			}
		}
		return { table: related, options: parseQueryOptions(nested, database, related) };
	});
}

/** Splits at `separator` outside parentheses and quotes. */
function splitTopLevel(text: string, separator: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quote: string | undefined;
	let start = 0;
	for (let at = 0; at < text.length; at++) {
		const char = text[at];
		if (quote) {
			if (char === quote) quote = undefined;
		} else if (char === "'" || char === '"') quote = char;
		else if (char === '(') depth++;
		else if (char === ')') depth--;
		else if (char === separator && depth === 0) {
			parts.push(text.slice(start, at));
			start = at + 1;
		}
	}
	parts.push(text.slice(start));
	return parts.filter((part) => part.trim() !== '');
}
