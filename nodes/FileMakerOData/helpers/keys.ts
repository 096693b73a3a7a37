import type { IExecuteFunctions } from 'n8n-workflow';

import { literalKindOf, odataKey } from '../../../lib/filemaker/odata/literals';
import type { ODataTable } from '../../../lib/filemaker/odata/metadata';
import { InputError } from '../../shared/node-error';

/** `(42)` or `('A-1')`: the row key from the parameter, written as the key field's type. */
export function keyParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	table: ODataTable,
): { path: string; key: string } {
	const key = context.getNodeParameter('key', itemIndex, '') as string | number;
	if (String(key).trim() === '') throw new InputError('Enter the key of the row');
	const keyField = table.fields.find((field) => field.name === table.keys[0]);
	return { path: odataKey(key, literalKindOf(keyField?.type)), key: String(key) };
}
