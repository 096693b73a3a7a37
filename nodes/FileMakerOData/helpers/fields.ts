import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ODataTable } from '../../../lib/filemaker/odata/metadata';
import { parseJson } from '../../FileMakerDataApi/helpers/json-parameter';
import { InputError } from '../../shared/node-error';

/**
 * The field values to write: the input item's keys that are fields of the table (Map
 * Automatically), or a JSON object the builder gave. Keys that are not fields are named in an
 * error, never sent and never dropped silently.
 */
export function fieldsToWrite(
	context: IExecuteFunctions,
	itemIndex: number,
	table: ODataTable,
): IDataObject {
	const mode = context.getNodeParameter('dataMode', itemIndex, 'autoMap') as 'autoMap' | 'json';
	const given =
		mode === 'json'
			? (parseJson(
					String(context.getNodeParameter('fields', itemIndex, '{}')),
					'Fields (JSON)',
				) as unknown)
			: context.getInputData()[itemIndex]?.json;
	if (typeof given !== 'object' || given === null || Array.isArray(given)) {
		throw new InputError('"Fields (JSON)" must be a JSON object of field names and values');
	}
	const names = new Set(table.fields.map((field) => field.name));
	const fields = given as IDataObject;
	const unknown = Object.keys(fields).filter((name) => !names.has(name));
	if (mode === 'json' && unknown.length > 0) {
		throw new InputError(
			`The table "${table.name}" has no field ${unknown.map((name) => `"${name}"`).join(', ')}`,
			'Field names are case-sensitive in OData. Use "Get Fields" of the table to see them.',
		);
	}
	const written = Object.fromEntries(Object.entries(fields).filter(([name]) => names.has(name)));
	if (Object.keys(written).length === 0) {
		throw new InputError(
			`Nothing to write: none of the item's keys is a field of "${table.name}"`,
			'Name the item\'s keys as the table\'s fields, or use "Fields (JSON)".',
		);
	}
	return written;
}
