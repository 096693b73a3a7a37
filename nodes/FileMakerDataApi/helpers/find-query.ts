import type { IDataObject } from 'n8n-workflow';

import { parseJson } from './json-parameter';
import { InputError } from '../../shared/node-error';

/** Conditions a builder can pick; each becomes FileMaker find syntax around the escaped value. */
export const FIND_OPERATORS = {
	equals: { name: 'Is Equal To (Whole Field)', build: (v: string) => `==${v}` },
	matchesWord: { name: 'Has a Word Starting With', build: (v: string) => v },
	contains: { name: 'Contains', build: (v: string) => `==*${v}*` },
	beginsWith: { name: 'Begins With', build: (v: string) => `==${v}*` },
	endsWith: { name: 'Ends With', build: (v: string) => `==*${v}` },
	greaterThan: { name: 'Is Greater Than', build: (v: string) => `>${v}` },
	greaterOrEqual: { name: 'Is Greater Than or Equal To', build: (v: string) => `>=${v}` },
	lessThan: { name: 'Is Less Than', build: (v: string) => `<${v}` },
	lessOrEqual: { name: 'Is Less Than or Equal To', build: (v: string) => `<=${v}` },
	between: { name: 'Is Between (Inclusive)', build: (v: string, w: string) => `${v}...${w}` },
	isEmpty: { name: 'Is Empty', build: () => '=' },
	isNotEmpty: { name: 'Is Not Empty', build: () => '*' },
	findSyntax: { name: 'FileMaker Find Syntax (Not Escaped)', build: (v: string) => v },
} satisfies Record<string, { name: string; build: (value: string, upTo: string) => string }>;

export type FindOperator = keyof typeof FIND_OPERATORS;

const UNESCAPED_OPERATORS = new Set<FindOperator>(['findSyntax', 'isEmpty', 'isNotEmpty']);

/** Characters FileMaker can read as find operators, and `\` that escapes them. */
const OPERATOR_CHARACTERS = /[\\*@#?!=<>≤≥"~…]/g;

/**
 * Makes a value match itself literally in a FileMaker find (Claris' "Find operators" list): a
 * backslash before each operator character, before the dots of `..` and `...` (range) and the
 * slashes of `//` (today). A dot at either end is escaped too: next to the `...` that "Is
 * Between" adds, it would make a longer run and move the range.
 */
export function escapeFindValue(value: string): string {
	return value
		.replace(OPERATOR_CHARACTERS, (character) => `\\${character}`)
		.replace(/\.{2,}|^\.|\.$/g, (dots) => dots.replace(/\./g, '\\.'))
		.replace(/\/{2,}/g, (slashes) => slashes.replace(/\//g, '\\/'));
}

export interface FindCondition {
	field: string;
	operator: FindOperator;
	value?: string | number | boolean;
	upTo?: string | number;
}

export interface FindRequestInput {
	omit?: boolean;
	conditions?: { condition?: FindCondition[] };
}

export function findCriterion(condition: FindCondition): string {
	const operator = FIND_OPERATORS[condition.operator];
	if (!operator) throw new InputError(`Unknown find condition "${condition.operator}"`);
	const prepare = (value: unknown) => {
		const text = value === undefined || value === null ? '' : String(value);
		return UNESCAPED_OPERATORS.has(condition.operator) ? text : escapeFindValue(text);
	};
	return operator.build(prepare(condition.value), prepare(condition.upTo));
}

/** The `query` array of a find request, from the builder's requests and conditions. */
export function buildFindQuery(requests: FindRequestInput[]): IDataObject[] {
	const query = requests.map((request, requestIndex) => {
		const conditions = request.conditions?.condition ?? [];
		if (conditions.length === 0) {
			throw new InputError(
				`Find request ${requestIndex + 1} has no conditions`,
				'Add at least one condition to each find request, or remove the empty request.',
			);
		}
		const criteria: IDataObject = {};
		for (const condition of conditions) {
			const field = condition.field?.trim();
			if (!field) {
				throw new InputError(`A condition in find request ${requestIndex + 1} has no field`);
			}
			if (criteria[field] !== undefined) {
				throw new InputError(
					`Find request ${requestIndex + 1} has two conditions on field "${field}"`,
					'FileMaker allows one criterion per field in a find request. Combine them (for example with "Is Between"), or put the second condition into another find request.',
				);
			}
			criteria[field] = findCriterion(condition);
		}
		// The Data API wants the string "true"/"false" here, not a JSON boolean.
		criteria.omit = request.omit ? 'true' : 'false';
		return criteria;
	});
	if (query.length === 0) {
		throw new InputError(
			'Add at least one find request',
			'A find needs one or more requests with conditions.',
		);
	}
	if (query.every((request) => request.omit === 'true')) {
		throw new InputError(
			'Every find request is an omit request',
			'Add a request that finds records; omit requests only remove records from what the others found.',
		);
	}
	return query;
}

/** A query written as JSON by the builder: an array of requests, checked and normalised. */
export function parseRawFindQuery(input: unknown): IDataObject[] {
	const parsed = typeof input === 'string' ? parseJson(input, 'Query (JSON)') : input;
	const requests = Array.isArray(parsed)
		? parsed
		: (parsed as { query?: unknown } | undefined)?.query;
	if (!Array.isArray(requests) || requests.length === 0) {
		throw new InputError(
			'The query must be a JSON array of find requests',
			'Example: [{"lastName": "==Smith", "city": "Boston"}, {"status": "Archived", "omit": "true"}]',
		);
	}
	return requests.map((request, index) => {
		if (typeof request !== 'object' || request === null || Array.isArray(request)) {
			throw new InputError(`Find request ${index + 1} in the query is not a JSON object`);
		}
		const criteria = { ...(request as IDataObject) };
		if (criteria.omit !== undefined)
			criteria.omit = String(criteria.omit) === 'true' ? 'true' : 'false';
		return criteria;
	});
}
