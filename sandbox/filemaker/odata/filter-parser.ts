import {
	FILTER_FUNCTIONS,
	type ComparisonOperator,
	type FilterFunctionName,
	type FilterNode,
	type ValueNode,
} from './filter-ast';
import { FilterSyntaxError, tokenize, type Token, type TokenKind } from './filter-lexer';

const COMPARISONS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
/** Words that cannot start a value; a field with such a name must be written in double quotes. */
const RESERVED = new Set(['and', 'or', 'not', 'in', ...COMPARISONS]);

/**
 * Parses a `$filter` expression into a tree, or throws `FilterSyntaxError` (FileMaker's
 * -1002). Grammar, loosest first: `or`, `and`, `not`, then one comparison
 * (`eq ne gt ge lt le`) or `in (…)` between values; values are literals, fields (bare or in
 * double quotes, `""` for a double quote) and function calls. `not` negates the comparison
 * after it, as in SQL (FileMaker runs OData filters as SQL). Arithmetic (`add`, `sub`, …),
 * lambdas (`any`, `all`) and navigation paths are not supported.
 */
export function parseODataFilter(text: string): FilterNode {
	const parser = new Parser(text);
	const tree = parser.parseOr();
	parser.expect('end');
	return tree;
}

class Parser {
	private readonly tokens: Token[];
	private index = 0;

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
		return this.parseComparison();
	}

	private parseComparison(): FilterNode {
		if (this.peek().kind === '(') {
			this.next();
			const inner = this.parseOr();
			this.expect(')');
			return this.maybeCompare(inner);
		}
		return this.maybeCompare(this.parseValue());
	}

	/** `(a eq 1) eq true` is rare; a parenthesised condition may still be compared. */
	private maybeCompare(left: FilterNode): FilterNode {
		const token = this.peek();
		if (token.kind === 'identifier' && COMPARISONS.includes(token.text)) {
			this.next();
			const value = this.asValue(left, token);
			return {
				type: 'compare',
				operator: token.text as ComparisonOperator,
				left: value,
				right: this.parseValue(),
			};
		}
		if (token.kind === 'identifier' && token.text === 'in') {
			this.next();
			const value = this.asValue(left, token);
			this.expect('(');
			const values: ValueNode[] = [this.parseValue()];
			while (this.accept(',')) values.push(this.parseValue());
			this.expect(')');
			return { type: 'in', left: value, values };
		}
		return left;
	}

	private asValue(node: FilterNode, at: Token): ValueNode {
		switch (node.type) {
			case 'compare':
			case 'in':
			case 'and':
			case 'or':
			case 'not':
				throw new FilterSyntaxError(this.source, at.at, 'a condition cannot be compared');
			default:
				return node;
		}
	}

	private parseValue(): ValueNode {
		const token = this.next();
		switch (token.kind) {
			case 'string':
				return { type: 'string', value: token.text };
			case 'number':
				return { type: 'number', value: Number(token.text), raw: token.text };
			case 'date':
				return { type: 'date', value: token.text };
			case 'dateTimeOffset':
				return { type: 'dateTimeOffset', value: token.text };
			case 'timeOfDay':
				return { type: 'timeOfDay', value: token.text };
			case 'quotedIdentifier':
				return { type: 'field', name: token.text };
			case 'identifier':
				return this.identifierValue(token);
			default:
				throw new FilterSyntaxError(this.source, token.at, `unexpected ${token.kind}`);
		}
	}

	private identifierValue(token: Token): ValueNode {
		if (token.text === 'true' || token.text === 'false') {
			return { type: 'boolean', value: token.text === 'true' };
		}
		if (token.text === 'null') return { type: 'null' };
		if (RESERVED.has(token.text)) {
			throw new FilterSyntaxError(this.source, token.at, `unexpected "${token.text}"`);
		}
		if (this.peek().kind !== '(') return { type: 'field', name: token.text };
		if (!(FILTER_FUNCTIONS as readonly string[]).includes(token.text)) {
			throw new FilterSyntaxError(this.source, token.at, `unknown function ${token.text}`);
		}
		this.next();
		const args: FilterNode[] = [];
		if (!this.accept(')')) {
			args.push(this.parseOr());
			while (this.accept(',')) args.push(this.parseOr());
			this.expect(')');
		}
		const name = token.text as FilterFunctionName;
		if (!arityFits(name, args.length)) {
			throw new FilterSyntaxError(this.source, token.at, `wrong arguments for ${name}`);
		}
		return { type: 'call', name, args };
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

function arityFits(name: FilterFunctionName, count: number): boolean {
	switch (name) {
		case 'contains':
		case 'startswith':
		case 'endswith':
		case 'indexof':
		case 'concat':
			return count === 2;
		case 'substring':
			return count === 2 || count === 3;
		default:
			return count === 1;
	}
}
