import { ODataError } from './errors';

export type TokenKind =
	| 'identifier'
	| 'quotedIdentifier'
	| 'string'
	| 'number'
	| 'date'
	| 'dateTimeOffset'
	| 'timeOfDay'
	| '('
	| ')'
	| ','
	| '/'
	| 'end';

export interface Token {
	kind: TokenKind;
	/** The value: identifier name, unescaped string, or the literal's text. */
	text: string;
	/** Offset in the source, for error messages. */
	at: number;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?:Z|[+-]\d{2}:\d{2})/y;
const DATE = /^\d{4}-\d{2}-\d{2}/y;
const TIME = /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[\p{L}_][\p{L}\p{N}_]*/uy;

/** An OData syntax error, answered as FileMaker's -1002 with the text from where it failed. */
export class FilterSyntaxError extends ODataError {
	constructor(
		readonly source: string,
		readonly offset: number,
		detail: string,
	) {
		super(400, '-1002', `Error: syntax error in URL at: '${source.slice(offset) || source}'`);
		this.detail = detail;
	}

	readonly detail: string;
}

function sticky(pattern: RegExp, text: string, at: number): string | undefined {
	const regex = new RegExp(pattern.source.replace(/^\^/, ''), pattern.flags);
	regex.lastIndex = at;
	return regex.exec(text)?.[0];
}

/** Splits a `$filter` (or `$orderby`, `$select`) expression into tokens. */
export function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let at = 0;
	while (at < source.length) {
		const char = source[at];
		if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
			at++;
			continue;
		}
		if (char === '(' || char === ')' || char === ',' || char === '/') {
			tokens.push({ kind: char, text: char, at });
			at++;
			continue;
		}
		if (char === "'" || char === '"') {
			const { value, end } = readQuoted(source, at, char);
			tokens.push({ kind: char === "'" ? 'string' : 'quotedIdentifier', text: value, at });
			at = end;
			continue;
		}
		const literal =
			matchKind('dateTimeOffset', DATE_TIME) ??
			matchKind('date', DATE) ??
			matchKind('timeOfDay', TIME) ??
			matchKind('number', NUMBER);
		if (literal) {
			const next = source[at + literal.text.length];
			if (next !== undefined && /[\p{L}\p{N}_]/u.test(next)) {
				throw new FilterSyntaxError(source, at, `unexpected "${next}" after a literal`);
			}
			tokens.push({ ...literal, at });
			at += literal.text.length;
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

	function matchKind(
		kind: TokenKind,
		pattern: RegExp,
	): { kind: TokenKind; text: string } | undefined {
		const text = sticky(pattern, source, at);
		return text === undefined ? undefined : { kind, text };
	}
}

/** A quoted string or name: the quote character doubled stands for itself. */
function readQuoted(source: string, start: number, quote: string): { value: string; end: number } {
	let value = '';
	let at = start + 1;
	while (at < source.length) {
		const char = source[at];
		if (char === quote) {
			if (source[at + 1] === quote) {
				value += quote;
				at += 2;
				continue;
			}
			return { value, end: at + 1 };
		}
		value += char;
		at++;
	}
	throw new FilterSyntaxError(source, start, 'unterminated quote');
}
