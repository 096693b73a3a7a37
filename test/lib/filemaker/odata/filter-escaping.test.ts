import fc from 'fast-check';

import type { FilterCondition } from '../../../../lib/filemaker/odata/filter';
import { buildFilter, conditionText } from '../../../../lib/filemaker/odata/filter';
import { odataLiteral } from '../../../../lib/filemaker/odata/literals';
import { parseODataFilter } from '../../../../sandbox/filemaker/odata/filter-parser';

/** Text built to break a naive filter: quotes, operators as words, brackets, unicode, `=`. */
const hostileText = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc
		.array(
			fc.constantFrom(
				"'",
				"''",
				'"',
				' ',
				'(',
				')',
				',',
				' and ',
				' or ',
				'not ',
				' eq ',
				'=',
				'==',
				'\\',
				'/',
				'$',
				'%',
				'ß',
				'日本',
				'😀',
				"O'Brien",
				'',
				'null',
				'true',
			),
			{ maxLength: 12 },
		)
		.map((parts) => parts.join('')),
);

const fieldName = fc.oneof(
	fc.constantFrom('lastName', 'First Name', 'Straße', 'a"b', 'x y (z)', '_id', 'Amount €'),
	fc.string({ minLength: 1, maxLength: 12 }).filter((name) => name.trim() === name && name !== ''),
);

const runs = { numRuns: 3000 };

describe('OData filter escaping, read back by the sandbox parser', () => {
	it('an "is equal to" condition is exactly one comparison of the field with the value', () => {
		fc.assert(
			fc.property(fieldName, hostileText, (field, value) => {
				const tree = parseODataFilter(conditionText({ field, operator: 'eq', value }, 'string'));
				expect(tree).toEqual({
					type: 'compare',
					operator: 'eq',
					left: { type: 'field', name: field },
					right: { type: 'string', value },
				});
			}),
			runs,
		);
	});

	it.each(['contains', 'startswith', 'endswith'] as const)(
		'"%s" is exactly one call on the field and the value',
		(operator) => {
			fc.assert(
				fc.property(fieldName, hostileText, (field, value) => {
					expect(parseODataFilter(conditionText({ field, operator, value }, 'string'))).toEqual({
						type: 'call',
						name: operator,
						args: [
							{ type: 'field', name: field },
							{ type: 'string', value },
						],
					});
				}),
				{ numRuns: 1000 },
			);
		},
	);

	it('"is one of" keeps every value whole, and conditions combine only as asked', () => {
		fc.assert(
			fc.property(
				fieldName,
				fc.array(hostileText, { minLength: 1, maxLength: 5 }),
				hostileText,
				fc.constantFrom<'and' | 'or'>('and', 'or'),
				(field, values, other, combine) => {
					const conditions: FilterCondition[] = [
						{ field, operator: 'in', value: values },
						{ field: 'lastName', operator: 'ne', value: other },
					];
					expect(parseODataFilter(buildFilter(conditions, combine, () => 'string') ?? '')).toEqual({
						type: combine,
						left: {
							type: 'in',
							left: { type: 'field', name: field },
							values: values.map((value) => ({ type: 'string', value })),
						},
						right: {
							type: 'compare',
							operator: 'ne',
							left: { type: 'field', name: 'lastName' },
							right: { type: 'string', value: other },
						},
					});
				},
			),
			{ numRuns: 1000 },
		);
	});

	it('refuses text where a number, date or timestamp belongs instead of quoting it', () => {
		for (const [value, kind] of [
			['1 or 1 eq 1', 'number'],
			["2024-01-31' or 'a' eq 'a", 'date'],
			['yesterday', 'timestamp'],
			['maybe', 'boolean'],
		] as const) {
			expect(() => odataLiteral(value, kind)).toThrow(/is not/);
		}
		expect(parseODataFilter(`Amount gt ${odataLiteral('-12.50', 'number')}`)).toMatchObject({
			right: { type: 'number', raw: '-12.50' },
		});
		expect(parseODataFilter(`Due le ${odataLiteral('2026-11-29', 'date')}`)).toMatchObject({
			right: { type: 'date', value: '2026-11-29' },
		});
	});
});
