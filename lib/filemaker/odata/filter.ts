import type { LiteralKind } from './literals';
import { ODataValueError, odataLiteral, odataName, stringLiteral } from './literals';

export const FILTER_OPERATORS = {
	eq: 'Is Equal To',
	ne: 'Is Not Equal To',
	gt: 'Is Greater Than',
	ge: 'Is Greater Than or Equal To',
	lt: 'Is Less Than',
	le: 'Is Less Than or Equal To',
	contains: 'Contains',
	startswith: 'Starts With',
	endswith: 'Ends With',
	in: 'Is One Of',
	isEmpty: 'Is Empty',
	isNotEmpty: 'Is Not Empty',
} as const;

export type FilterOperator = keyof typeof FILTER_OPERATORS;

export interface FilterCondition {
	field: string;
	operator: FilterOperator;
	value?: unknown;
}

/** The values of "Is One Of": an array, or text with one value per line. */
function listOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(/\r?\n/).filter((line) => line !== '');
	return value === undefined || value === null ? [] : [value];
}

export function conditionText(condition: FilterCondition, kind: LiteralKind): string {
	const name = odataName(condition.field.trim());
	const { operator, value } = condition;
	switch (operator) {
		case 'eq':
		case 'ne':
		case 'gt':
		case 'ge':
		case 'lt':
		case 'le':
			return `${name} ${operator} ${odataLiteral(value, kind)}`;
		case 'contains':
		case 'startswith':
		case 'endswith':
			return `${operator}(${name},${stringLiteral(value === undefined || value === null ? '' : String(value))})`;
		case 'in': {
			const values = listOf(value);
			if (values.length === 0)
				throw new ODataValueError(`"Is One Of" on ${condition.field} has no values`);
			return `${name} in (${values.map((item) => odataLiteral(item, kind)).join(',')})`;
		}
		case 'isEmpty':
			return kind === 'string' ? `(${name} eq null or ${name} eq '')` : `${name} eq null`;
		case 'isNotEmpty':
			return kind === 'string' ? `(${name} ne null and ${name} ne '')` : `${name} ne null`;
	}
}

/**
 * `$filter` from the builder's conditions, each in parentheses, joined by `and` (all must
 * match) or `or` (any). `kindOf` gives a field's literal kind from `$metadata`; a raw filter
 * the builder typed is added with `and`, in parentheses of its own.
 */
export function buildFilter(
	conditions: FilterCondition[],
	combine: 'and' | 'or',
	kindOf: (field: string) => LiteralKind,
	raw?: string,
): string | undefined {
	const parts = conditions.map(
		(condition) => `(${conditionText(condition, kindOf(condition.field.trim()))})`,
	);
	const built = parts.length > 0 ? parts.join(` ${combine} `) : undefined;
	const typed = raw?.trim() ? `(${raw.trim()})` : undefined;
	if (built && typed) return `(${built}) and ${typed}`;
	return built ?? typed;
}
