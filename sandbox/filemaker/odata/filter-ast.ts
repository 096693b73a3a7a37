/** The tree `parseODataFilter` builds from a `$filter` expression. */
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterFunctionName =
	| 'contains'
	| 'startswith'
	| 'endswith'
	| 'tolower'
	| 'toupper'
	| 'trim'
	| 'length'
	| 'indexof'
	| 'substring'
	| 'concat'
	| 'year'
	| 'month'
	| 'day';

export const FILTER_FUNCTIONS: readonly FilterFunctionName[] = [
	'contains',
	'startswith',
	'endswith',
	'tolower',
	'toupper',
	'trim',
	'length',
	'indexof',
	'substring',
	'concat',
	'year',
	'month',
	'day',
];

/** A field, by the name as written (quotes removed, `""` unescaped). Names are case-sensitive. */
export interface FieldNode {
	type: 'field';
	name: string;
}

export interface StringNode {
	type: 'string';
	/** The value with the quotes removed and `''` unescaped. */
	value: string;
}

export interface NumberNode {
	type: 'number';
	value: number;
	/** The literal as written, e.g. `-1.50`. */
	raw: string;
}

export interface BooleanNode {
	type: 'boolean';
	value: boolean;
}

export interface NullNode {
	type: 'null';
}

/** `2024-01-31` */
export interface DateNode {
	type: 'date';
	value: string;
}

/** `2024-01-31T10:00:00Z` or with an offset, as written. */
export interface DateTimeNode {
	type: 'dateTimeOffset';
	value: string;
}

/** `10:00:00` */
export interface TimeNode {
	type: 'timeOfDay';
	value: string;
}

export type LiteralNode =
	| StringNode
	| NumberNode
	| BooleanNode
	| NullNode
	| DateNode
	| DateTimeNode
	| TimeNode;

export interface CallNode {
	type: 'call';
	name: FilterFunctionName;
	args: FilterNode[];
}

export type ValueNode = FieldNode | LiteralNode | CallNode;

export interface ComparisonNode {
	type: 'compare';
	operator: ComparisonOperator;
	left: ValueNode;
	right: ValueNode;
}

export interface InNode {
	type: 'in';
	left: ValueNode;
	values: ValueNode[];
}

export interface LogicalNode {
	type: 'and' | 'or';
	left: FilterNode;
	right: FilterNode;
}

export interface NotNode {
	type: 'not';
	operand: FilterNode;
}

/** A boolean condition or a value; `$filter` must be a condition or a boolean call. */
export type FilterNode = ValueNode | ComparisonNode | InNode | LogicalNode | NotNode;
