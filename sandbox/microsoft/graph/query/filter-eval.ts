import type { ComparisonOperator, FilterNode, OperandNode } from './filter-ast';
import type { EntitySchema } from './schema';

type Scope = Record<string, unknown>;

/** Whether `entity` matches a `$filter` that `checkFilter` accepted. Strings compare case-insensitively, as Exchange does. */
export function matchesFilter<T>(tree: FilterNode, schema: EntitySchema<T>, entity: T): boolean {
	const value = (operand: OperandNode, scope: Scope): unknown => {
		switch (operand.type) {
			case 'path':
				return schema.fields[operand.path.toLowerCase()].get(entity);
			case 'variable':
				return scope[operand.name];
			case 'null':
				return null;
			default:
				return operand.value;
		}
	};

	const test = (node: FilterNode, scope: Scope): boolean => {
		switch (node.type) {
			case 'and':
				return test(node.left, scope) && test(node.right, scope);
			case 'or':
				return test(node.left, scope) || test(node.right, scope);
			case 'not':
				return !test(node.operand, scope);
			case 'operand':
				return value(node.operand, scope) === true;
			case 'call': {
				const target = value(node.args[0], scope);
				const search = value(node.args[1], scope);
				if (typeof target !== 'string' || typeof search !== 'string') return false;
				const haystack = target.toLowerCase();
				const needle = search.toLowerCase();
				if (node.name === 'contains') return haystack.includes(needle);
				if (node.name === 'startswith') return haystack.startsWith(needle);
				return haystack.endsWith(needle);
			}
			case 'any':
			case 'all': {
				const items = schema.fields[node.path.toLowerCase()].get(entity);
				const list = Array.isArray(items) ? items : [];
				const check = (item: unknown) => test(node.predicate, { ...scope, [node.variable]: item });
				return node.type === 'any' ? list.some(check) : list.every(check);
			}
			case 'compare':
				return compare(value(node.left, scope), node.operator, value(node.right, scope));
		}
	};

	return test(tree, {});
}

function normalise(value: unknown): unknown {
	return typeof value === 'string' ? value.toLowerCase() : value;
}

export function compare(left: unknown, operator: ComparisonOperator, right: unknown): boolean {
	const a = normalise(left);
	const b = normalise(right);
	if (operator === 'eq') return a === b;
	if (operator === 'ne') return a !== b;
	if (a === null || a === undefined || b === null || b === undefined) return false;
	if (typeof a !== typeof b) return false;
	const x = a as string | number;
	const y = b as string | number;
	switch (operator) {
		case 'gt':
			return x > y;
		case 'ge':
			return x >= y;
		case 'lt':
			return x < y;
		default:
			return x <= y;
	}
}
