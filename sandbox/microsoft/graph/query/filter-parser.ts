import {
	FILTER_FUNCTIONS,
	type ComparisonOperator,
	type FilterFunction,
	type FilterNode,
	type OperandNode,
} from './filter-ast';
import { FilterSyntaxError, tokenize, type Token, type TokenKind } from './filter-lexer';

const COMPARISONS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const RESERVED = new Set(['and', 'or', 'not', ...COMPARISONS]);

/**
 * Parses a `$filter` into a tree or throws `FilterSyntaxError`. Grammar, loosest first: `or`,
 * `and`, `not`, then a comparison between operands, a function call (`contains`,
 * `startswith`, `endswith`), a lambda (`path/any(x:…)`), a bare operand, or parentheses.
 * Operands are string literals (`''` escapes a quote), `true`/`false`/`null`, numbers,
 * unquoted DateTimeOffset or date literals, and property paths (`from/emailAddress/address`).
 * Whether the properties exist and may be filtered is `checkFilter`'s business.
 */
export function parseFilter(text: string): FilterNode {
	const parser = new Parser(text);
	const tree = parser.parseOr();
	parser.expect('end');
	return tree;
}

class Parser {
	private readonly tokens: Token[];
	private index = 0;
	private readonly variables: string[] = [];

	constructor(private readonly source: string) {
		this.tokens = tokenize(source);
		if (this.tokens.length === 1) throw new FilterSyntaxError(source, 0, 'empty expression');
	}

	parseOr(): FilterNode {
		let left = this.parseAnd();
		while (this.acceptWord('or')) left = { type: 'or', left, right: this.parseAnd() };
		return left;
	}

	private parseAnd(): FilterNode {
		let left = this.parseNot();
		while (this.acceptWord('and')) left = { type: 'and', left, right: this.parseNot() };
		return left;
	}

	private parseNot(): FilterNode {
		if (this.acceptWord('not')) return { type: 'not', operand: this.parseNot() };
		return this.parsePrimary();
	}

	private parsePrimary(): FilterNode {
		if (this.accept('(')) {
			const inner = this.parseOr();
			this.expect(')');
			return inner;
		}
		const token = this.peek();
		if (
			token.kind === 'identifier' &&
			(FILTER_FUNCTIONS as readonly string[]).includes(token.text) &&
			this.tokens[this.index + 1]?.kind === '('
		) {
			return this.parseCall();
		}
		if (token.kind === 'identifier' && !RESERVED.has(token.text)) {
			const lambda = this.tryLambda();
			if (lambda) return lambda;
		}
		const left = this.parseOperand();
		const operator = this.peek();
		if (operator.kind === 'identifier' && COMPARISONS.includes(operator.text)) {
			this.next();
			return {
				type: 'compare',
				operator: operator.text as ComparisonOperator,
				left,
				right: this.parseOperand(),
			};
		}
		return { type: 'operand', operand: left };
	}

	private parseCall(): FilterNode {
		const name = this.next().text as FilterFunction;
		this.expect('(');
		const args: OperandNode[] = [this.parseOperand()];
		while (this.accept(',')) args.push(this.parseOperand());
		this.expect(')');
		if (args.length !== 2) {
			throw new FilterSyntaxError(this.source, this.peek().at, `${name} takes two arguments`);
		}
		return { type: 'call', name, args };
	}

	/** `path/any(v:predicate)` or `path/all(…)`, when the tokens say so. */
	private tryLambda(): FilterNode | undefined {
		let look = this.index;
		const segments: string[] = [];
		for (;;) {
			const token = this.tokens[look];
			if (token.kind !== 'identifier') return undefined;
			segments.push(token.text);
			if (this.tokens[look + 1]?.kind !== '/') break;
			look += 2;
		}
		const last = segments.at(-1);
		if (segments.length < 2 || (last !== 'any' && last !== 'all')) return undefined;
		if (this.tokens[look + 1]?.kind !== '(') return undefined;
		this.index = look + 2;
		const variable = this.next();
		if (variable.kind !== 'identifier' || RESERVED.has(variable.text)) {
			throw new FilterSyntaxError(this.source, variable.at, 'expected a range variable');
		}
		this.expect(':');
		this.variables.push(variable.text);
		const predicate = this.parseOr();
		this.variables.pop();
		this.expect(')');
		return {
			type: last,
			path: segments.slice(0, -1).join('/'),
			variable: variable.text,
			predicate,
		};
	}

	private parseOperand(): OperandNode {
		const token = this.next();
		switch (token.kind) {
			case 'string':
				return { type: 'string', value: token.text };
			case 'number':
				return { type: 'number', value: Number(token.text) };
			case 'datetime': {
				const value = Date.parse(
					/T/.test(token.text) && !/(Z|[+-]\d{2}:\d{2})$/.test(token.text)
						? `${token.text}Z`
						: token.text,
				);
				if (Number.isNaN(value)) {
					throw new FilterSyntaxError(this.source, token.at, 'not a date');
				}
				return { type: 'datetime', value, raw: token.text };
			}
			case 'identifier':
				return this.identifierOperand(token);
			default:
				throw new FilterSyntaxError(this.source, token.at, `unexpected ${token.kind}`);
		}
	}

	private identifierOperand(token: Token): OperandNode {
		if (token.text === 'true' || token.text === 'false') {
			return { type: 'boolean', value: token.text === 'true' };
		}
		if (token.text === 'null') return { type: 'null' };
		if (RESERVED.has(token.text)) {
			throw new FilterSyntaxError(this.source, token.at, `unexpected "${token.text}"`);
		}
		const segments = [token.text];
		while (this.peek().kind === '/') {
			this.next();
			const segment = this.next();
			if (segment.kind !== 'identifier') {
				throw new FilterSyntaxError(this.source, segment.at, 'expected a property name');
			}
			segments.push(segment.text);
		}
		if (segments.length === 1 && this.variables.includes(token.text)) {
			return { type: 'variable', name: token.text };
		}
		return { type: 'path', path: segments.join('/') };
	}

	private peek(): Token {
		return this.tokens[this.index];
	}

	private next(): Token {
		const token = this.tokens[this.index];
		if (token.kind !== 'end') this.index++;
		return token;
	}

	private accept(kind: TokenKind): boolean {
		if (this.peek().kind !== kind) return false;
		this.next();
		return true;
	}

	private acceptWord(word: string): boolean {
		const token = this.peek();
		if (token.kind !== 'identifier' || token.text !== word) return false;
		this.next();
		return true;
	}

	expect(kind: TokenKind): void {
		const token = this.peek();
		if (token.kind !== kind) {
			throw new FilterSyntaxError(this.source, token.at, `expected ${kind}, found ${token.kind}`);
		}
		this.next();
	}
}
