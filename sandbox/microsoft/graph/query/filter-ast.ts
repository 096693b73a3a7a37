/** The tree `parseFilter` builds from a `$filter` expression. */
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterFunction = 'contains' | 'startswith' | 'endswith';

export const FILTER_FUNCTIONS: readonly FilterFunction[] = ['contains', 'startswith', 'endswith'];

export type LiteralNode =
	| { type: 'string'; value: string }
	| { type: 'boolean'; value: boolean }
	| { type: 'null' }
	| { type: 'number'; value: number }
	/** A DateTimeOffset or date literal, unquoted, as ms since the epoch. */
	| { type: 'datetime'; value: number; raw: string };

/** A property path as written (`from/emailAddress/address`), or a lambda's range variable. */
export interface PathNode {
	type: 'path';
	path: string;
}

export interface VariableNode {
	type: 'variable';
	name: string;
}

export type OperandNode = PathNode | VariableNode | LiteralNode;

export interface ComparisonNode {
	type: 'compare';
	operator: ComparisonOperator;
	left: OperandNode;
	right: OperandNode;
}

export interface CallNode {
	type: 'call';
	name: FilterFunction;
	args: OperandNode[];
}

/** `categories/any(c:c eq 'Red')` */
export interface LambdaNode {
	type: 'any' | 'all';
	path: string;
	variable: string;
	predicate: FilterNode;
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

/** A bare boolean operand (`isRead`, `true`) used as a condition. */
export interface OperandConditionNode {
	type: 'operand';
	operand: OperandNode;
}

export type FilterNode =
	| ComparisonNode
	| CallNode
	| LambdaNode
	| LogicalNode
	| NotNode
	| OperandConditionNode;
