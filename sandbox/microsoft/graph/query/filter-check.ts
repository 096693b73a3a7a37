import { invalidFilter, unknownProperty } from '../errors';
import type { FilterNode, OperandNode } from './filter-ast';
import type { EntitySchema, FieldDef, ValueType } from './schema';

/**
 * Checks a parsed `$filter` against the entity's schema and returns the property paths it
 * names, in order of first appearance (lower case), for the InefficientFilter rule. A name the
 * type does not have is RequestBroker--ParseUri; a form the sandbox (or Exchange) does not
 * filter on, or a literal of the wrong type, is ErrorInvalidUrlQueryFilter.
 */
export function checkFilter<T>(tree: FilterNode, schema: EntitySchema<T>): string[] {
	const seen: string[] = [];
	const note = (path: string) => {
		if (!seen.includes(path)) seen.push(path);
	};

	const field = (path: string): FieldDef<T> => {
		const top = path.split('/')[0];
		if (!schema.properties.some((name) => name.toLowerCase() === top.toLowerCase())) {
			throw unknownProperty(top, schema.typeName);
		}
		const def = schema.fields[path.toLowerCase()];
		if (!def) throw invalidFilter();
		return def;
	};

	/** The type of an operand: a field's, a range variable's (a string), or a literal's. */
	const typeOf = (operand: OperandNode, variables: string[]): ValueType | 'null' => {
		switch (operand.type) {
			case 'path': {
				const def = field(operand.path);
				note(operand.path.toLowerCase());
				return def.type;
			}
			case 'variable':
				if (!variables.includes(operand.name)) throw invalidFilter();
				return 'string';
			case 'string':
				return 'string';
			case 'boolean':
				return 'boolean';
			case 'number':
				return 'number';
			case 'datetime':
				return 'datetime';
			case 'null':
				return 'null';
		}
	};

	const visit = (node: FilterNode, variables: string[]): void => {
		switch (node.type) {
			case 'and':
			case 'or':
				visit(node.left, variables);
				visit(node.right, variables);
				return;
			case 'not':
				visit(node.operand, variables);
				return;
			case 'operand': {
				const type = typeOf(node.operand, variables);
				if (type !== 'boolean') throw invalidFilter();
				return;
			}
			case 'call': {
				const [target, value] = node.args;
				const isField = target.type === 'path' || target.type === 'variable';
				const type = typeOf(target, variables);
				if (!isField || (type !== 'string' && type !== 'enum') || value.type !== 'string') {
					throw invalidFilter();
				}
				return;
			}
			case 'any':
			case 'all': {
				const def = field(node.path);
				if (def.type !== 'strings') throw invalidFilter();
				note(node.path.toLowerCase());
				visit(node.predicate, [...variables, node.variable]);
				return;
			}
			case 'compare': {
				const leftIsField = node.left.type === 'path' || node.left.type === 'variable';
				const rightIsField = node.right.type === 'path' || node.right.type === 'variable';
				if (leftIsField === rightIsField) throw invalidFilter();
				const fieldType = typeOf(leftIsField ? node.left : node.right, variables);
				const literalType = typeOf(leftIsField ? node.right : node.left, variables);
				if (!compatible(fieldType, literalType, node.operator)) throw invalidFilter();
				return;
			}
		}
	};

	visit(tree, []);
	return seen;
}

function compatible(field: ValueType | 'null', literal: ValueType | 'null', operator: string) {
	if (field === 'strings') return false;
	if (literal === 'null') return operator === 'eq' || operator === 'ne';
	if (field === 'boolean') return literal === 'boolean' && (operator === 'eq' || operator === 'ne');
	if (field === 'string' || field === 'enum') return literal === 'string';
	return field === literal;
}
