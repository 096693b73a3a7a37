import { parseDate, parseNumber, parseTime, parseTimestamp, timeToSeconds } from './field-values';
import type { FieldType, FieldValue } from './fixture-types';
import { relaxJapanese } from './relaxed-search';

/**
 * FileMaker find criteria for one field, compiled to a predicate over stored values.
 *
 * Supported, as in FileMaker Pro's find mode (case-insensitive, like the default collation):
 * - plain text: every word of the criterion starts a word of the field, in any order
 * - `=text` whole words, `==text` the whole field, `=` (or `==`) alone an empty field,
 *   `*` alone any non-empty field
 * - wildcards `*` (any characters), `@` (one character), `#` (one digit)
 * - `"literal text"` (operators inside are plain characters) and `\` escaping the next character
 * - `<`, `<=`, `>`, `>=` (also `≤`, `≥`) and ranges `a...b`, `a..b`, `a…b` (U+2026) on text,
 *   numbers, dates, times and timestamps, also open (`a...` from a, `...b` up to b); `//` is
 *   today for date and timestamp fields
 * - `!` alone: values that occur in more than one record of the table (duplicates)
 * - `?` alone in a date, time or timestamp field: stored values that are not a valid date,
 *   time or timestamp
 * - `~text`: relaxed search for Japanese text (see `relaxed-search.ts`)
 */
export type ValueMatcher = (value: FieldValue) => boolean;

/** The values of the criterion's field in every record of its table, for `!`. */
export type PeerValues = () => Iterable<FieldValue>;

interface Char {
	text: string;
	/** Escaped or quoted: never an operator or wildcard. */
	literal: boolean;
}

/** Numbers, or text in an order-preserving form (dates and timestamps are `YYYY-MM-DD…`). */
type Comparable = number | string;

/** A closed interval of comparable values: `2024` stands for the whole year, and so on. */
interface Interval {
	low: Comparable;
	high: Comparable;
}

/** How a field type's stored values and criteria compare. */
interface Domain {
	fromStored(value: FieldValue): Comparable | undefined;
	parse(operand: string): Interval | undefined;
	compare(a: Comparable, b: Comparable): number;
}

const WORD_START = '(?:^|[^\\p{L}\\p{N}])';
const WORD_END = '(?=$|[^\\p{L}\\p{N}])';
const COMPARISONS = ['<=', '>=', '≤', '≥', '<', '>'] as const;
/** Longest first: `...` must not be read as `..` followed by a dot. */
const RANGE_OPERATORS = ['...', '..', '…'] as const;
/** Case-insensitive order, like a text field's default (English) index. */
const textCollator = new Intl.Collator('en', { sensitivity: 'base' });
type Comparison = (typeof COMPARISONS)[number];

/**
 * Compiles `criterion`; an empty criterion returns undefined (FileMaker ignores it).
 * `peers` gives the field's values in all records of its table; only `!` needs them.
 */
export function compileCriterion(
	criterion: string,
	type: FieldType,
	today: string,
	peers?: PeerValues,
): ValueMatcher | undefined {
	const chars = scan(criterion.trim());
	if (chars.length === 0) return undefined;
	return compileChars(chars, type, today, peers);
}

function compileChars(
	chars: Char[],
	type: FieldType,
	today: string,
	peers: PeerValues | undefined,
): ValueMatcher {
	const domain = domainFor(type, today);
	const startsWith = (operator: string) => operatorAt(chars, 0, operator);
	const alone = (operator: string) => chars.length === 1 && startsWith(operator);
	const rest = (skip: number) => chars.slice(skip);

	if (startsWith('~')) return relaxed(rest(1), type, today, peers);
	if (alone('!')) return duplicates(type, domain, peers);
	if (alone('?') && isTemporal(type)) {
		return (value) => value !== '' && domain.fromStored(value) === undefined;
	}
	if (startsWith('==')) return exactly(rest(2), type, domain, 'field');
	if (startsWith('=')) return exactly(rest(1), type, domain, 'word');
	if (alone('*')) return (value) => value !== '';

	const comparison = COMPARISONS.find((operator) => startsWith(operator));
	if (comparison) return compareWith(comparison, plain(rest(comparison.length)), domain);

	const range = findRange(chars);
	if (range) return rangeMatcher(chars, range, type, domain);

	if (type === 'text' || type === 'container') return wordsMatcher(chars);
	return exactly(chars, type, domain, 'field');
}

/** `a...b` (or `..`, `…`): both ends included; `a...` has no upper end, `...b` no lower. */
function rangeMatcher(
	chars: Char[],
	range: { start: number; end: number },
	type: FieldType,
	domain: Domain,
): ValueMatcher {
	const lowText = plain(chars.slice(0, range.start));
	const highText = plain(chars.slice(range.end));
	if (lowText === '' && highText === '') return () => false;
	const low = lowText === '' ? undefined : domain.parse(lowText);
	const high = highText === '' ? undefined : domain.parse(highText);
	if ((lowText !== '' && !low) || (highText !== '' && !high)) return () => false;
	// A text range includes values that start with its upper end: a...c finds "cherry".
	const highEnd = high && (type === 'text' ? `${high.high}\uffff` : high.high);
	return inDomain(
		domain,
		(v) =>
			(low === undefined || domain.compare(v, low.low) >= 0) &&
			(highEnd === undefined || domain.compare(v, highEnd) <= 0),
	);
}

/**
 * `!`: values that more than one record of the table holds. Empty fields are not
 * duplicates. Text compares like the default index (case and accents aside, whole value);
 * numbers, dates and times compare by value, so `5` and `5.0` are duplicates.
 */
function duplicates(type: FieldType, domain: Domain, peers: PeerValues | undefined): ValueMatcher {
	if (!peers) throw new Error('the ! operator needs the values of the other records');
	const keyOf = (value: FieldValue): string | undefined => {
		if (value === '') return undefined;
		if (type === 'text' || type === 'container') return foldText(String(value).trim());
		const comparable = domain.fromStored(value);
		return comparable === undefined ? undefined : String(comparable);
	};
	let counts: Map<string, number> | undefined;
	return (value) => {
		const key = keyOf(value);
		if (key === undefined) return false;
		if (!counts) {
			counts = new Map();
			for (const peer of peers()) {
				const peerKey = keyOf(peer);
				if (peerKey !== undefined) counts.set(peerKey, (counts.get(peerKey) ?? 0) + 1);
			}
		}
		return (counts.get(key) ?? 0) > 1;
	};
}

/**
 * `~`: relaxed search. In a text field, the criterion and the field are both folded (see
 * `relaxJapanese`) and every word of the criterion must occur in the field, also inside a
 * word, since Japanese text does not separate words with spaces. Other field types have
 * no Japanese text to relax: the rest of the criterion applies as it is.
 */
function relaxed(
	chars: Char[],
	type: FieldType,
	today: string,
	peers: PeerValues | undefined,
): ValueMatcher {
	if (type !== 'text' && type !== 'container') {
		return chars.length === 0 ? () => false : compileChars(chars, type, today, peers);
	}
	const folded = chars.map((char) => {
		const text = relaxJapanese(char.text);
		// A character that folds into an operator (a full-width ＊, say) stays a character.
		return { text, literal: char.literal || text !== char.text };
	});
	const patterns = splitWords(folded).map((word) => new RegExp(toPattern(word), 'iu'));
	if (patterns.length === 0) return () => false;
	return (value) => {
		if (value === '') return false;
		const text = relaxJapanese(String(value));
		return patterns.every((pattern) => pattern.test(text));
	};
}

/** Equality for `=`/`==` and for plain criteria on non-text fields. */
function exactly(
	chars: Char[],
	type: FieldType,
	domain: Domain,
	scope: 'word' | 'field',
): ValueMatcher {
	if (chars.length === 0) return (value) => value === '';
	if (type === 'text' || type === 'container' || hasWildcard(chars)) {
		const pattern = toPattern(chars);
		const regex =
			scope === 'field' || (type !== 'text' && type !== 'container')
				? new RegExp(`^${pattern}$`, 'iu')
				: new RegExp(`${WORD_START}${pattern}${WORD_END}`, 'iu');
		return (value) => value !== '' && displayForms(type, value).some((form) => regex.test(form));
	}
	const interval = domain.parse(plain(chars));
	if (!interval) return () => false;
	return inDomain(
		domain,
		(v) => domain.compare(v, interval.low) >= 0 && domain.compare(v, interval.high) <= 0,
	);
}

function compareWith(operator: Comparison, operand: string, domain: Domain): ValueMatcher {
	const interval = domain.parse(operand);
	if (!interval) return () => false;
	const test: Record<Comparison, (v: Comparable) => boolean> = {
		'<': (v) => domain.compare(v, interval.low) < 0,
		'<=': (v) => domain.compare(v, interval.high) <= 0,
		'≤': (v) => domain.compare(v, interval.high) <= 0,
		'>': (v) => domain.compare(v, interval.high) > 0,
		'>=': (v) => domain.compare(v, interval.low) >= 0,
		'≥': (v) => domain.compare(v, interval.low) >= 0,
	};
	return inDomain(domain, test[operator]);
}

/** Every word of the criterion must begin a word of the field (FileMaker's default find). */
function wordsMatcher(chars: Char[]): ValueMatcher {
	const patterns = splitWords(chars).map((word) => new RegExp(WORD_START + toPattern(word), 'iu'));
	return (value) => {
		if (value === '') return false;
		const text = String(value);
		return patterns.every((pattern) => pattern.test(text));
	};
}

function inDomain(domain: Domain, test: (value: Comparable) => boolean): ValueMatcher {
	return (value) => {
		if (value === '') return false;
		const comparable = domain.fromStored(value);
		return comparable !== undefined && test(comparable);
	};
}

function domainFor(type: FieldType, today: string): Domain {
	switch (type) {
		case 'number':
			return {
				fromStored: (value) => (typeof value === 'number' ? value : parseNumber(value)),
				parse: (operand) => point(parseNumber(operand)),
				compare: compareNumbers,
			};
		case 'date':
			return {
				fromStored: (value) => parseDate(String(value), 'iso'),
				parse: (operand) => dateInterval(operand, today),
				compare: compareStrings,
			};
		case 'timestamp':
			return {
				fromStored: (value) => parseTimestamp(String(value), 'iso'),
				parse: (operand) => {
					const exact =
						parseTimestamp(operand, 'us') ?? parseTimestamp(operand.replace('T', ' '), 'iso');
					if (exact && /\d:\d/.test(operand)) return { low: exact, high: exact };
					const days = dateInterval(operand, today);
					return days && { low: `${days.low} 00:00:00`, high: `${days.high} 23:59:59` };
				},
				compare: compareStrings,
			};
		case 'time':
			return {
				fromStored: (value) => {
					const time = parseTime(String(value));
					return time === undefined ? undefined : timeToSeconds(time);
				},
				parse: (operand) => {
					const time = parseTime(operand);
					if (!time) return undefined;
					const seconds = timeToSeconds(time);
					// A criterion without seconds stands for the whole minute.
					return { low: seconds, high: /:\d+:\d/.test(operand) ? seconds : seconds + 59 };
				},
				compare: compareNumbers,
			};
		default:
			return {
				fromStored: (value) => String(value),
				parse: (operand) => (operand === '' ? undefined : { low: operand, high: operand }),
				compare: (a, b) => textCollator.compare(String(a), String(b)),
			};
	}
}

/** A date criterion: a full date, `//` (today), a month (`M/YYYY`) or a year (`YYYY`). */
function dateInterval(operand: string, today: string): { low: string; high: string } | undefined {
	const text = operand.trim();
	if (text === '//') return { low: today, high: today };
	const date = parseDate(text, 'us') ?? parseDate(text, 'iso');
	if (date) return { low: date, high: date };
	const month = /^(\d{1,2})\/(\d{4})$/.exec(text);
	if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) {
		const first = `${month[2]}-${month[1].padStart(2, '0')}-01`;
		const lastDay = new Date(Date.UTC(Number(month[2]), Number(month[1]), 0)).getUTCDate();
		return { low: first, high: `${first.slice(0, 8)}${String(lastDay).padStart(2, '0')}` };
	}
	if (/^\d{4}$/.test(text)) return { low: `${text}-01-01`, high: `${text}-12-31` };
	return undefined;
}

/** Forms of a stored value that wildcard criteria are matched against. */
function displayForms(type: FieldType, value: FieldValue): string[] {
	const text = String(value);
	if (type === 'date' || type === 'timestamp') {
		const [date, time] = text.split(' ');
		const [year, month, day] = date.split('-');
		const suffix = time ? ` ${time}` : '';
		return [
			`${month}/${day}/${year}${suffix}`,
			`${Number(month)}/${Number(day)}/${year}${suffix}`,
			text,
		];
	}
	return [text];
}

const point = (value: number | undefined) =>
	value === undefined ? undefined : { low: value, high: value };
const compareNumbers = (a: Comparable, b: Comparable) => Number(a) - Number(b);
const compareStrings = (a: Comparable, b: Comparable) => (a < b ? -1 : a > b ? 1 : 0);

/** Splits a criterion into characters, resolving `\` escapes and `"` quotes. */
function scan(criterion: string): Char[] {
	const chars: Char[] = [];
	let quoted = false;
	for (let i = 0; i < criterion.length; i++) {
		const ch = criterion[i];
		if (ch === '\\' && i + 1 < criterion.length) {
			chars.push({ text: criterion[++i], literal: true });
		} else if (ch === '"') {
			quoted = !quoted;
		} else {
			chars.push({ text: ch, literal: quoted });
		}
	}
	return chars;
}

function operatorAt(chars: Char[], index: number, operator: string): boolean {
	return [...operator].every((ch, offset) => {
		const char = chars[index + offset];
		return char !== undefined && !char.literal && char.text === ch;
	});
}

/** The first range operator in the criterion, at its start for an open range. */
function findRange(chars: Char[]): { start: number; end: number } | undefined {
	for (let i = 0; i < chars.length; i++) {
		const operator = RANGE_OPERATORS.find((candidate) => operatorAt(chars, i, candidate));
		if (operator) return { start: i, end: i + [...operator].length };
	}
	return undefined;
}

const isTemporal = (type: FieldType) => type === 'date' || type === 'time' || type === 'timestamp';

/** Case and accents aside, as the default (English) text index compares. */
const foldText = (text: string) =>
	text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

function splitWords(chars: Char[]): Char[][] {
	const words: Char[][] = [[]];
	for (const char of chars) {
		if (!char.literal && /\s/.test(char.text)) words.push([]);
		else words[words.length - 1].push(char);
	}
	return words.filter((word) => word.length > 0);
}

function hasWildcard(chars: Char[]): boolean {
	return chars.some((char) => !char.literal && '*@#'.includes(char.text));
}

const plain = (chars: Char[]) =>
	chars
		.map((char) => char.text)
		.join('')
		.trim();

function toPattern(chars: Char[]): string {
	return chars
		.map((char) => {
			if (!char.literal) {
				if (char.text === '*') return '[\\s\\S]*';
				if (char.text === '@') return '[\\s\\S]';
				if (char.text === '#') return '\\p{Nd}';
			}
			return char.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		})
		.join('');
}
