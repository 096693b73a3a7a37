import fc from 'fast-check';

import type { MessageFilters } from '../../../lib/microsoft/graph/query';
import { dateTimeLiteral, messageQuery, stringLiteral } from '../../../lib/microsoft/graph/query';
import type { FilterNode } from '../../../sandbox/microsoft/graph/query/filter-ast';
import { checkFilter } from '../../../sandbox/microsoft/graph/query/filter-check';
import { parseFilter } from '../../../sandbox/microsoft/graph/query/filter-parser';
import { checkFilterOrder, parseOrderBy } from '../../../sandbox/microsoft/graph/query/orderby';
import { MESSAGE_SCHEMA } from '../../../sandbox/microsoft/graph/query/schema';

/** Text built to break a naive filter: quotes, operators as words, brackets, unicode. */
const hostileText = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc.string({ unit: 'binary', maxLength: 20 }),
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
				"') or (isRead eq true",
				'\\',
				'/',
				'$',
				'%27',
				'ß',
				'日本',
				'😀',
				'\u0000',
				"O'Brien",
				'null',
			),
			{ maxLength: 12 },
		)
		.map((parts) => parts.join('')),
);
const nonBlank = hostileText.filter((text) => text.trim() !== '');

/** The conditions of an `and` chain, left to right. */
function conjuncts(node: FilterNode): FilterNode[] {
	return node.type === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

const runs = { numRuns: 2000 };

describe('stringLiteral', () => {
	it('quotes and doubles every quote, so the text reads back unchanged', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				const literal = stringLiteral(text);
				expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
				const inner = literal.slice(1, -1);
				expect(inner.split("''").join('')).not.toContain("'");
				expect(inner.replace(/''/g, "'")).toBe(text);
			}),
			runs,
		);
	});

	it.each([
		['', "''"],
		["O'Brien", "'O''Brien'"],
		["''", "''''''"],
		['日本 😀', "'日本 😀'"],
	])('%p → %p', (text, literal) => {
		expect(stringLiteral(text)).toBe(literal);
	});
});

describe('messageQuery, read back by the Graph sandbox parser', () => {
	it('a sender or subject is exactly one literal of that text, whatever it holds', () => {
		fc.assert(
			fc.property(nonBlank, nonBlank, (from, subject) => {
				const { filter } = messageQuery({ from, subjectContains: subject });
				const [, sender, contains] = conjuncts(parseFilter(filter));
				expect(sender).toEqual({
					type: 'compare',
					operator: 'eq',
					left: { type: 'path', path: 'from/emailAddress/address' },
					right: { type: 'string', value: from.trim() },
				});
				expect(contains).toEqual({
					type: 'call',
					name: 'contains',
					args: [
						{ type: 'path', path: 'subject' },
						{ type: 'string', value: subject },
					],
				});
			}),
			runs,
		);
	});

	const rawFilters = fc.constantFrom(
		"importance eq 'high'",
		'isRead eq true or isRead eq false',
		"not (subject eq 'x')",
		"categories/any(c:c eq 'Red')",
		"startswith(subject,'RE:') and hasAttachments eq false",
	);
	const moment = fc
		.date({
			min: new Date('2000-01-01T00:00:00Z'),
			max: new Date('2099-12-31T23:59:59Z'),
			noInvalidDate: true,
		})
		.map((date) => date.toISOString());
	const filters: fc.Arbitrary<MessageFilters> = fc.record(
		{
			unreadOnly: fc.boolean(),
			receivedAfter: moment,
			receivedBefore: moment,
			from: nonBlank,
			subjectContains: nonBlank,
			hasAttachments: fc.boolean(),
			raw: rawFilters,
		},
		{ requiredKeys: [] },
	);

	it('every combination starts with receivedDateTime and passes the $filter/$orderby rule', () => {
		fc.assert(
			fc.property(filters, (chosen) => {
				const { filter, orderby } = messageQuery(chosen);
				expect(orderby).toBe('receivedDateTime desc');
				expect(filter.startsWith('receivedDateTime ge ')).toBe(true);
				const tree = parseFilter(filter);
				const paths = checkFilter(tree, MESSAGE_SCHEMA);
				expect(paths[0]).toBe('receiveddatetime');
				expect(() => checkFilterOrder(paths, parseOrderBy(orderby, MESSAGE_SCHEMA))).not.toThrow();
				// A raw filter with `or` stays one condition of the `and` chain.
				const expected =
					1 +
					(chosen.receivedBefore ? 1 : 0) +
					(chosen.unreadOnly ? 1 : 0) +
					(chosen.from ? 1 : 0) +
					(chosen.subjectContains ? 1 : 0) +
					(chosen.hasAttachments ? 1 : 0) +
					(chosen.raw ? conjuncts(parseFilter(`(${chosen.raw})`)).length : 0);
				expect(conjuncts(tree)).toHaveLength(expected);
			}),
			runs,
		);
	});

	it('the sandbox refuses the same sort when the filter starts elsewhere (the rule is real)', () => {
		const paths = checkFilter(
			parseFilter(`isRead eq false and receivedDateTime ge 2026-01-01T00:00:00Z`),
			MESSAGE_SCHEMA,
		);
		expect(() =>
			checkFilterOrder(paths, parseOrderBy('receivedDateTime desc', MESSAGE_SCHEMA)),
		).toThrow(expect.objectContaining({ code: 'InefficientFilter' }));
	});

	it('without filters, keeps every message (from 1900) and still sorts newest first', () => {
		expect(messageQuery({})).toEqual({
			filter: 'receivedDateTime ge 1900-01-01T00:00:00Z',
			orderby: 'receivedDateTime desc',
		});
	});

	it('writes the example of every filter', () => {
		expect(
			messageQuery({
				unreadOnly: true,
				receivedAfter: '2026-11-01T08:30:00.250Z',
				receivedBefore: '2026-11-29T00:00:00+01:00',
				from: ' ada@contoso.com ',
				subjectContains: "O'Brien",
				hasAttachments: true,
				raw: " importance eq 'high' ",
			}).filter,
		).toBe(
			"receivedDateTime ge 2026-11-01T08:30:00Z and receivedDateTime lt 2026-11-28T23:00:00Z and isRead eq false and from/emailAddress/address eq 'ada@contoso.com' and contains(subject,'O''Brien') and hasAttachments eq true and (importance eq 'high')",
		);
	});
});

describe('dateTimeLiteral', () => {
	it('writes UTC to the second, from a string, a number or a Date', () => {
		expect(dateTimeLiteral('2026-11-29T10:11:12.999Z')).toBe('2026-11-29T10:11:12Z');
		expect(dateTimeLiteral(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02T03:04:05Z');
		expect(dateTimeLiteral(new Date('2026-06-01T12:00:00+02:00'))).toBe('2026-06-01T10:00:00Z');
	});

	it('refuses what is not a date, naming it', () => {
		expect(() => dateTimeLiteral('yesterday')).toThrow(new RangeError('"yesterday" is not a date'));
	});
});
