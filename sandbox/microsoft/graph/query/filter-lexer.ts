import { GraphError } from '../errors';

export type TokenKind =
	| 'identifier'
	| 'string'
	| 'number'
	| 'datetime'
	| '('
	| ')'
	| ','
	| ':'
	| '/'
	| 'end';

export interface Token {
	kind: TokenKind;
	/** Identifier name, unescaped string, or the literal as written. */
	text: string;
	at: number;
}

/**
 * A `$filter` that does not parse. Graph answers such filters with 400 BadRequest "Invalid
 * filter clause" (seen in issue threads); the position detail is the sandbox's own.
 */
export class FilterSyntaxError extends GraphError {
	constructor(
		readonly source: string,
		readonly offset: number,
		readonly detail: string,
	) {
		super(400, 'BadRequest', 'Invalid filter clause');
	}
}

const DATE_TIME =
	/\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?(?![\w:])/y;
const NUMBER = /-?\d+(?:\.\d+)?(?![\w-])/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;

function sticky(pattern: RegExp, text: string, at: number): string | undefined {
	pattern.lastIndex = at;
	return pattern.exec(text)?.[0];
}

export function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let at = 0;
	while (at < source.length) {
		const char = source[at];
		if (/\s/.test(char)) {
			at++;
			continue;
		}
		if (char === '(' || char === ')' || char === ',' || char === ':' || char === '/') {
			tokens.push({ kind: char, text: char, at });
			at++;
			continue;
		}
		if (char === "'") {
			const { value, end } = readString(source, at);
			tokens.push({ kind: 'string', text: value, at });
			at = end;
			continue;
		}
		const dateTime = sticky(DATE_TIME, source, at);
		if (dateTime) {
			tokens.push({ kind: 'datetime', text: dateTime, at });
			at += dateTime.length;
			continue;
		}
		const number = sticky(NUMBER, source, at);
		if (number) {
			tokens.push({ kind: 'number', text: number, at });
			at += number.length;
			continue;
		}
		const identifier = sticky(IDENTIFIER, source, at);
		if (identifier) {
			tokens.push({ kind: 'identifier', text: identifier, at });
			at += identifier.length;
			continue;
		}
		throw new FilterSyntaxError(source, at, `unexpected "${char}"`);
	}
	tokens.push({ kind: 'end', text: '', at: source.length });
	return tokens;
}

/** A single-quoted string; `''` stands for one quote. */
function readString(source: string, start: number): { value: string; end: number } {
	let value = '';
	let at = start + 1;
	while (at < source.length) {
		const char = source[at];
		if (char === "'") {
			if (source[at + 1] === "'") {
				value += "'";
				at += 2;
				continue;
			}
			return { value, end: at + 1 };
		}
		value += char;
		at++;
	}
	throw new FilterSyntaxError(source, start, 'unterminated string');
}
