import { FileMakerError } from './envelope';
import { compileCriterion, type ValueMatcher } from './find-criteria';
import type { FieldValue, FixtureField } from './fixture-types';
import type { RelatedRecords } from './related-records';
import type { LayoutSchema, RelationshipSchema } from './schema';
import type { SandboxRecord } from './store';

type RecordMatcher = (record: SandboxRecord, related: RelatedRecords) => boolean;

interface CompiledRequest {
	omit: boolean;
	matchers: RecordMatcher[];
}

/** The values of `field` in every record of `table`, for the duplicates operator `!`. */
export type TableValues = (table: string, field: string) => FieldValue[];

interface CompileContext {
	layout: LayoutSchema;
	today: string;
	tableValues: TableValues;
}

/**
 * Compiles the `query` of a `_find` body: an array of find requests, each an object of
 * field criteria (AND) plus `omit: "true" | "false"`.
 */
export function compileFindQuery(
	query: unknown,
	layout: LayoutSchema,
	today: string,
	tableValues: TableValues,
): CompiledRequest[] {
	if (query === undefined) throw new FileMakerError('958');
	if (!Array.isArray(query) || query.length === 0) throw new FileMakerError('960');
	return query.map((request) => compileRequest(request, { layout, today, tableValues }));
}

/**
 * Runs find requests in order: a find request adds its matches to the found set, an omit
 * request removes its matches (a first omit request starts from all records). The found
 * set keeps the table's record order.
 */
export function runFind(
	requests: CompiledRequest[],
	records: SandboxRecord[],
	related: RelatedRecords,
): SandboxRecord[] {
	const found = new Uint8Array(records.length);
	requests.forEach((request, index) => {
		if (index === 0 && request.omit) found.fill(1);
		const target = request.omit ? 0 : 1;
		for (let i = 0; i < records.length; i++) {
			if (found[i] === target) continue;
			if (request.matchers.every((matches) => matches(records[i], related))) found[i] = target;
		}
	});
	return records.filter((_, i) => found[i] === 1);
}

function compileRequest(
	request: unknown,
	{ layout, today, tableValues }: CompileContext,
): CompiledRequest {
	if (typeof request !== 'object' || request === null || Array.isArray(request)) {
		throw new FileMakerError('960');
	}
	let omit = false;
	const matchers: RecordMatcher[] = [];
	for (const [name, value] of Object.entries(request)) {
		if (name === 'omit') {
			// FileMaker wants the strings "true" and "false" here, not JSON booleans.
			if (value !== 'true' && value !== 'false') throw new FileMakerError('960');
			omit = value === 'true';
			continue;
		}
		if (typeof value !== 'string' && typeof value !== 'number') throw new FileMakerError('960');
		const target = resolveCriterionField(name, layout);
		const table = target.relationship?.table.name ?? layout.table.name;
		const matcher = compileCriterion(String(value), target.field.type, today, () =>
			tableValues(table, target.field.name),
		);
		if (matcher) matchers.push(recordMatcher(target, matcher));
	}
	if (matchers.length === 0) throw new FileMakerError('400');
	return { omit, matchers };
}

interface CriterionField {
	field: FixtureField;
	relationship?: RelationshipSchema;
}

/** A field of the layout, or `TO::Field` shown in one of its portals. */
function resolveCriterionField(name: string, layout: LayoutSchema): CriterionField {
	const separator = name.indexOf('::');
	if (separator === -1) {
		const field = layout.fields.find((candidate) => candidate.name === name);
		// Global fields cannot be find criteria; set them with the globals call instead.
		if (!field || field.global) throw new FileMakerError('102');
		return { field };
	}
	const occurrence = name.slice(0, separator);
	const fieldName = name.slice(separator + 2);
	for (const portal of layout.portals) {
		if (portal.relationship.name !== occurrence) continue;
		const field = portal.fields.find((candidate) => candidate.name === fieldName);
		if (field && !field.global) return { field, relationship: portal.relationship };
	}
	throw new FileMakerError('102');
}

function recordMatcher(
	{ field, relationship }: CriterionField,
	matches: ValueMatcher,
): RecordMatcher {
	if (!relationship) return (record) => matches(record.fields[field.name] ?? '');
	// A related criterion matches when any related record matches.
	return (record, related) =>
		related.of(relationship, record).some((child) => matches(child.fields[field.name] ?? ''));
}
