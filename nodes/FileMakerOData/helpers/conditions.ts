import type { IExecuteFunctions } from 'n8n-workflow';

import type { FilterCondition } from '../../../lib/filemaker/odata/filter';
import { buildFilter } from '../../../lib/filemaker/odata/filter';
import { ODataValueError, literalKindOf } from '../../../lib/filemaker/odata/literals';
import { InputError } from '../../shared/node-error';
import { getTable } from './tables';

/**
 * `$filter` from the item's conditions and raw filter, every value escaped by its field type.
 * The table's `$metadata` is read only when there are conditions to type.
 */
export async function filterParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	tableName: string,
	raw?: string,
): Promise<string | undefined> {
	const conditions = context.getNodeParameter(
		'conditions.condition',
		itemIndex,
		[],
	) as FilterCondition[];
	const combine = context.getNodeParameter('combine', itemIndex, 'and') as 'and' | 'or';
	if (conditions.length === 0) return buildFilter([], combine, () => 'string', raw);
	const table = await getTable(context, tableName);
	const types = new Map(table.fields.map((field) => [field.name, field.type]));
	for (const condition of conditions) {
		if (!condition.field?.trim()) throw new InputError('A condition has no field');
		if (!types.has(condition.field.trim())) {
			throw new InputError(
				`The table "${table.name}" has no field "${condition.field}"`,
				'Field names are case-sensitive in OData: pick the field from the list.',
			);
		}
	}
	try {
		return buildFilter(conditions, combine, (field) => literalKindOf(types.get(field)), raw);
	} catch (error) {
		throw valueError(error);
	}
}

function valueError(error: unknown): Error {
	if (!(error instanceof ODataValueError))
		return error instanceof Error ? error : new Error(String(error));
	return new InputError(
		`A condition value does not fit its field: ${error.message}`,
		'Numbers, dates (YYYY-MM-DD), times and timestamps with a time zone are written in their own OData form; text is matched literally.',
	);
}
