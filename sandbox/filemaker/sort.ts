import { FileMakerError } from './envelope';
import { parseNumber, parseTime, timeToSeconds } from './field-values';
import type { FieldValue, FixtureField } from './fixture-types';
import type { LayoutSchema } from './schema';
import type { SandboxRecord } from './store';

export interface SortRule {
	field: FixtureField;
	descending: boolean;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: false });

/** Reads `sort` / `_sort`: `[{ fieldName, sortOrder: "ascend" | "descend" }]`. */
export function parseSortRules(raw: unknown, layout: LayoutSchema): SortRule[] {
	if (!Array.isArray(raw)) throw new FileMakerError('960');
	return raw.map((rule) => {
		if (typeof rule !== 'object' || rule === null) throw new FileMakerError('960');
		const { fieldName, sortOrder = 'ascend' } = rule as Record<string, unknown>;
		if (sortOrder !== 'ascend' && sortOrder !== 'descend') throw new FileMakerError('960');
		const field = layout.fields.find((candidate) => candidate.name === fieldName);
		if (!field) throw new FileMakerError('102');
		return { field, descending: sortOrder === 'descend' };
	});
}

/** A stably sorted copy; empty values come first in ascending order, as in FileMaker. */
export function sortRecords(records: SandboxRecord[], rules: SortRule[]): SandboxRecord[] {
	if (rules.length === 0) return records;
	const comparators = rules.map(({ field, descending }) => {
		const compare = comparatorFor(field);
		return (a: SandboxRecord, b: SandboxRecord) => {
			const order = compareWithEmptyFirst(
				a.fields[field.name] ?? '',
				b.fields[field.name] ?? '',
				compare,
			);
			return descending ? -order : order;
		};
	});
	return [...records].sort((a, b) => {
		for (const compare of comparators) {
			const order = compare(a, b);
			if (order !== 0) return order;
		}
		return 0;
	});
}

function compareWithEmptyFirst(
	a: FieldValue,
	b: FieldValue,
	compare: (a: FieldValue, b: FieldValue) => number,
): number {
	if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
	return compare(a, b);
}

function comparatorFor(field: FixtureField): (a: FieldValue, b: FieldValue) => number {
	switch (field.type) {
		case 'number':
			return (a, b) => asNumber(a) - asNumber(b);
		case 'time':
			return (a, b) => asSeconds(a) - asSeconds(b);
		case 'date':
		case 'timestamp':
			// Canonical dates and timestamps sort as plain text.
			return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
		default:
			return (a, b) => collator.compare(String(a), String(b));
	}
}

const asNumber = (value: FieldValue) =>
	typeof value === 'number' ? value : (parseNumber(value) ?? Number.NEGATIVE_INFINITY);

const asSeconds = (value: FieldValue) => {
	const time = parseTime(String(value));
	return time ? timeToSeconds(time) : Number.NEGATIVE_INFINITY;
};
