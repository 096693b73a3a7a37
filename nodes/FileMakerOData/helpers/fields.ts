import type { IDataObject, IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';

import type { ODataTable } from '../../../lib/filemaker/odata/metadata';
import { parseJson } from '../../FileMakerDataApi/helpers/json-parameter';
import { InputError } from '../../shared/node-error';

/** The mapped values, or the input item's own keys when the mapping maps automatically. */
function mapped(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const columns = context.getNodeParameter('columns', itemIndex) as ResourceMapperValue;
	return columns.mappingMode === 'autoMapInputData'
		? context.getInputData()[itemIndex]?.json
		: ((columns.value ?? {}) as IDataObject);
}

/**
 * The field values to write: from the field mapping (defined, or the input item's keys mapped
 * automatically), or a JSON object. Keys that are not fields of the table are an error in
 * JSON, and a warning on the output panel when mapped automatically: never sent, never dropped
 * silently.
 */
export function fieldsToWrite(
	context: IExecuteFunctions,
	itemIndex: number,
	table: ODataTable,
): IDataObject {
	const mode = context.getNodeParameter('dataMode', itemIndex, 'mapper') as 'mapper' | 'json';
	const given =
		mode === 'json'
			? (parseJson(
					String(context.getNodeParameter('fields', itemIndex, '{}')),
					'Fields (JSON)',
				) as unknown)
			: mapped(context, itemIndex);
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
	if (unknown.length > 0) {
		context.addExecutionHints({
			message: `Item ${itemIndex + 1}: not written, not fields of "${table.name}": ${unknown.join(', ')}`,
			type: 'warning',
			location: 'outputPane',
		});
	}
	const written = Object.fromEntries(Object.entries(fields).filter(([name]) => names.has(name)));
	if (Object.keys(written).length === 0) {
		throw new InputError(
			`Nothing to write: none of the given keys is a field of "${table.name}"`,
			"Name the item's keys as the table's fields, map the fields, or use JSON.",
		);
	}
	return written;
}
