import {
	buildFindQuery,
	escapeFindValue,
	findCriterion,
	parseRawFindQuery,
} from '../../../../nodes/FileMakerDataApi/helpers/find-query';

describe('escapeFindValue', () => {
	it.each([
		['Smith', 'Smith'],
		['a*b', 'a\\*b'],
		['=5', '\\=5'],
		['<tag>', '\\<tag\\>'],
		['"quoted"', '\\"quoted\\"'],
		['back\\slash', 'back\\\\slash'],
		['@home #1 ?!', '\\@home \\#1 \\?\\!'],
		['1...5', '1\\.\\.\\.5'],
		['a.b', 'a.b'],
		['//', '\\/\\/'],
		['01/31/2024', '01/31/2024'],
		['≤≥~', '\\≤\\≥\\~'],
		['1…5', '1\\…5'],
		['…', '\\…'],
		['1..5', '1\\.\\.5'],
		['==x', '\\=\\=x'],
		['say ""hi""', 'say \\"\\"hi\\"\\"'],
		['Inc.', 'Inc\\.'],
		['.5', '\\.5'],
		['http://a', 'http:\\/\\/a'],
	])('escapes %p as %p', (value, expected) => {
		expect(escapeFindValue(value)).toBe(expected);
	});

	// Each operator on Claris' list, alone and inside text: after escaping, no operator is left.
	it.each([
		'…',
		'...',
		'..',
		'!',
		'~',
		'?',
		'//',
		'@',
		'#',
		'*',
		'""',
		'=',
		'==',
		'<',
		'>',
		'≤',
		'≥',
		'<=',
		'>=',
		'\\',
	])('leaves no unescaped %p', (operator) => {
		for (const value of [operator, `a${operator}b`, `${operator}x`, `x${operator}`]) {
			expect(unescapedOperators(escapeFindValue(value))).toEqual([]);
		}
	});
});

/** Characters of `criterion` that FileMaker would read as operators: those not after a `\\`. */
function unescapedOperators(criterion: string): string[] {
	const found: string[] = [];
	for (let i = 0; i < criterion.length; i++) {
		const character = criterion[i];
		if (character === '\\') {
			i++;
		} else if ('*@#?!=<>≤≥"~…'.includes(character)) {
			found.push(character);
		} else if ((character === '.' || character === '/') && criterion[i + 1] === character) {
			found.push(character + character);
		}
	}
	return found;
}

describe('findCriterion', () => {
	it('keeps a dot at the end of a bound from joining the range of "Is Between"', () => {
		expect(findCriterion({ field: 'n', operator: 'between', value: '1.', upTo: '.5' })).toBe(
			'1\\....\\.5',
		);
	});

	it('wraps the escaped value in the operator', () => {
		expect(findCriterion({ field: 'name', operator: 'equals', value: 'a*' })).toBe('==a\\*');
		expect(findCriterion({ field: 'name', operator: 'contains', value: 'x' })).toBe('==*x*');
		expect(findCriterion({ field: 'n', operator: 'between', value: 1, upTo: 9 })).toBe('1...9');
		expect(findCriterion({ field: 'n', operator: 'isEmpty' })).toBe('=');
		expect(findCriterion({ field: 'n', operator: 'findSyntax', value: '>5' })).toBe('>5');
	});
});

describe('buildFindQuery', () => {
	it('makes one request per find request, with omit as a string', () => {
		const query = buildFindQuery([
			{ conditions: { condition: [{ field: 'city', operator: 'equals', value: 'Boston' }] } },
			{
				omit: true,
				conditions: { condition: [{ field: 'status', operator: 'equals', value: 'Archived' }] },
			},
		]);
		expect(query).toEqual([
			{ city: '==Boston', omit: 'false' },
			{ status: '==Archived', omit: 'true' },
		]);
	});

	it('says what to fix', () => {
		expect(() => buildFindQuery([])).toThrow(/at least one find request/);
		expect(() => buildFindQuery([{ conditions: {} }])).toThrow(/request 1 has no conditions/);
		expect(() =>
			buildFindQuery([
				{
					conditions: {
						condition: [
							{ field: 'a', operator: 'equals', value: '1' },
							{ field: 'a', operator: 'equals', value: '2' },
						],
					},
				},
			]),
		).toThrow(/two conditions on field "a"/);
		expect(() =>
			buildFindQuery([
				{ omit: true, conditions: { condition: [{ field: 'a', operator: 'isEmpty' }] } },
			]),
		).toThrow(/omit/);
	});
});

describe('parseRawFindQuery', () => {
	it('accepts an array or an object with query, and turns omit into a string', () => {
		expect(parseRawFindQuery('[{"a": "1", "omit": true}]')).toEqual([{ a: '1', omit: 'true' }]);
		expect(parseRawFindQuery({ query: [{ a: '1' }] })).toEqual([{ a: '1' }]);
	});

	it('explains invalid JSON', () => {
		expect(() => parseRawFindQuery('[{a: 1}]')).toThrow(/not valid JSON/);
		expect(() => parseRawFindQuery('{}')).toThrow(/JSON array of find requests/);
	});
});
