import { FilterSyntaxError, parseODataFilter, type FilterNode } from '../../sandbox/filemaker';

const field = (name: string): FilterNode => ({ type: 'field', name });
const str = (value: string): FilterNode => ({ type: 'string', value });

describe('OData $filter parser', () => {
	it('parses comparisons, logic and precedence (and before or, not before comparisons)', () => {
		expect(parseODataFilter("a eq 'x' or b ne 2 and not c gt 3")).toEqual({
			type: 'or',
			left: { type: 'compare', operator: 'eq', left: field('a'), right: str('x') },
			right: {
				type: 'and',
				left: {
					type: 'compare',
					operator: 'ne',
					left: field('b'),
					right: { type: 'number', value: 2, raw: '2' },
				},
				right: {
					type: 'not',
					operand: {
						type: 'compare',
						operator: 'gt',
						left: field('c'),
						right: { type: 'number', value: 3, raw: '3' },
					},
				},
			},
		});
		expect(parseODataFilter("(a eq 'x' or b eq 'y') and c le 1")).toMatchObject({
			type: 'and',
			left: { type: 'or' },
		});
	});

	it("reads '' inside a string as one quote, and keeps operators inside strings as text", () => {
		expect(parseODataFilter("name eq 'O''Brien'")).toMatchObject({ right: str("O'Brien") });
		expect(parseODataFilter("name eq ''''")).toMatchObject({ right: str("'") });
		expect(parseODataFilter("name eq ''")).toMatchObject({ right: str('') });
		expect(parseODataFilter("name eq 'a and b or not c eq d'")).toEqual({
			type: 'compare',
			operator: 'eq',
			left: field('name'),
			right: str('a and b or not c eq d'),
		});
		expect(parseODataFilter("name eq '=Ada'")).toMatchObject({ right: str('=Ada') });
		expect(parseODataFilter('name eq \'"quoted" (x), y\'')).toMatchObject({
			right: str('"quoted" (x), y'),
		});
	});

	it('keeps any unicode inside strings and field names', () => {
		expect(parseODataFilter("Straße eq 'Ünïcödé 日本語 🎉 \u0001'")).toEqual({
			type: 'compare',
			operator: 'eq',
			left: field('Straße'),
			right: str('Ünïcödé 日本語 🎉 \u0001'),
		});
	});

	it('reads field names in double quotes, with "" for a double quote', () => {
		expect(parseODataFilter('"First Name" eq \'Ada\'')).toMatchObject({
			left: field('First Name'),
		});
		expect(parseODataFilter('"say ""hi""" eq 1')).toMatchObject({ left: field('say "hi"') });
		expect(parseODataFilter('"and" eq 1')).toMatchObject({ left: field('and') });
	});

	it('reads numbers, booleans, null, dates, timestamps and times', () => {
		const right = (text: string) =>
			(parseODataFilter(`x eq ${text}`) as { right: FilterNode }).right;
		expect(right('-12.50')).toEqual({ type: 'number', value: -12.5, raw: '-12.50' });
		expect(right('1e3')).toEqual({ type: 'number', value: 1000, raw: '1e3' });
		expect(right('true')).toEqual({ type: 'boolean', value: true });
		expect(right('null')).toEqual({ type: 'null' });
		expect(right('2024-01-31')).toEqual({ type: 'date', value: '2024-01-31' });
		expect(right('2024-01-31T10:00:00Z')).toEqual({
			type: 'dateTimeOffset',
			value: '2024-01-31T10:00:00Z',
		});
		expect(right('2024-01-31T10:00:00+02:00')).toEqual({
			type: 'dateTimeOffset',
			value: '2024-01-31T10:00:00+02:00',
		});
		expect(right('10:30:00')).toEqual({ type: 'timeOfDay', value: '10:30:00' });
	});

	it('parses functions and in lists', () => {
		expect(parseODataFilter("contains(tolower(name),'ada')")).toEqual({
			type: 'call',
			name: 'contains',
			args: [{ type: 'call', name: 'tolower', args: [field('name')] }, str('ada')],
		});
		expect(parseODataFilter("status in ('Lead', 'Customer')")).toEqual({
			type: 'in',
			left: field('status'),
			values: [str('Lead'), str('Customer')],
		});
		expect(parseODataFilter("not endswith(email,'.example')")).toMatchObject({
			type: 'not',
			operand: { type: 'call', name: 'endswith' },
		});
	});

	it.each([
		['', 'empty'],
		['   ', 'blank'],
		["=name eq 'x'", 'leading ='],
		["name eq 'unterminated", 'unterminated string'],
		['"unterminated eq 1', 'unterminated name'],
		["name eq 'x' and", 'dangling and'],
		["name = 'x'", 'SQL operator'],
		["name EQ 'x'", 'operators are case-sensitive'],
		["(name eq 'x'", 'missing )'],
		["name eq 'x')", 'extra )'],
		["unknownfn(name, 'x')", 'unknown function'],
		['contains(name)', 'wrong arity'],
		['name eq 12abc', 'junk after a number'],
		["name eq 'a' 'b'", 'two values'],
		['status in ()', 'empty in list'],
	])('refuses %p (%s) with -1002', (text) => {
		let caught: unknown;
		try {
			parseODataFilter(text);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(FilterSyntaxError);
		expect((caught as FilterSyntaxError).code).toBe('-1002');
		expect((caught as FilterSyntaxError).status).toBe(400);
	});
});
