import type { IDataObject, IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';

import { parseJson } from './json-parameter';
import { InputError } from '../../shared/node-error';

export type FieldValue = string | number;

export interface FieldInput {
	fieldData: Record<string, FieldValue>;
	/** Keys of the input item that are not fields of the layout (auto-mapping only). */
	skippedKeys: string[];
	/** Fields chosen to find the record by (upsert only). */
	matchFields: string[];
}

/** FileMaker takes text and numbers; booleans become 1 and 0, null clears the field. */
export function toFieldValue(field: string, value: unknown): FieldValue {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string' || typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (value instanceof Date) return value.toISOString();
	throw new InputError(
		`The value for field "${field}" is ${Array.isArray(value) ? 'a list' : 'an object'}`,
		'FileMaker fields take text or numbers. Pick a single value, or turn it into text with an expression such as {{ JSON.stringify($json.x) }}.',
	);
}

function toFieldData(source: IDataObject): Record<string, FieldValue> {
	return Object.fromEntries(
		Object.entries(source).map(([field, value]) => [field, toFieldValue(field, value)]),
	);
}

function asObject(value: unknown, parameter: string): IDataObject {
	const parsed = typeof value === 'string' ? parseJson(value, parameter) : value;
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new InputError(
			`"${parameter}" must be a JSON object`,
			'Example: {"firstName": "Ada", "score": 42}',
		);
	}
	return parsed as IDataObject;
}

/** The field values of one item, from the field mapping or from JSON. */
export function fieldInput(context: IExecuteFunctions, itemIndex: number): FieldInput {
	if (context.getNodeParameter('dataMode', itemIndex, 'mapper') === 'json') {
		const fieldData = toFieldData(
			asObject(context.getNodeParameter('fieldData', itemIndex, '{}'), 'Field Data (JSON)'),
		);
		const matchFields = context.getNodeParameter('matchFields', itemIndex, []) as string[];
		return { fieldData, skippedKeys: [], matchFields };
	}

	const columns = context.getNodeParameter('columns', itemIndex) as ResourceMapperValue;
	const matchFields = columns.matchingColumns ?? [];
	if (columns.mappingMode !== 'autoMapInputData') {
		return { fieldData: toFieldData(columns.value ?? {}), skippedKeys: [], matchFields };
	}

	const item = context.getInputData()[itemIndex].json;
	const known = new Set((columns.schema ?? []).map((field) => field.id));
	const fieldData: Record<string, FieldValue> = {};
	const skippedKeys: string[] = [];
	for (const [key, value] of Object.entries(item)) {
		if (known.size > 0 && !known.has(key)) skippedKeys.push(key);
		else fieldData[key] = toFieldValue(key, value);
	}
	return { fieldData, skippedKeys, matchFields };
}

/** The "Portal Data (JSON)" option: `{"Portal": [{"TO::Field": "value"}, {"recordId": "7", ...}]}`. */
export function portalDataInput(value: unknown): Record<string, IDataObject[]> | undefined {
	if (value === undefined || value === '' || value === null) return undefined;
	const portals = asObject(value, 'Portal Data (JSON)');
	const result: Record<string, IDataObject[]> = {};
	for (const [portal, rows] of Object.entries(portals)) {
		if (!Array.isArray(rows) || rows.some((row) => typeof row !== 'object' || row === null)) {
			throw new InputError(
				`Portal "${portal}" in "Portal Data (JSON)" must be a list of rows`,
				'Example: {"Phones": [{"Phones::number": "555-0100"}]}; add "recordId" to a row to edit an existing related record.',
			);
		}
		result[portal] = (rows as IDataObject[]).map((row) => toFieldData(row));
	}
	return result;
}
