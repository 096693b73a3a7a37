import type { FieldType, ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { toNodeError } from '../../shared/node-error';
import { accessibleFields, getLayoutMetadata } from '../helpers/layout-metadata';
import { selectedLayout } from './layout-of';
import { isWritable } from './writable-fields';

/** Dates and times stay text: FileMaker wants them in its own formats, not ISO timestamps. */
const FIELD_TYPES: Record<string, FieldType> = { number: 'number' };

export async function getMappingFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const layout = selectedLayout(this);
	if (!layout) return { fields: [], emptyFieldsNotice: 'Pick a layout first' };
	try {
		const metadata = await getLayoutMetadata(this, layout);
		const fields = accessibleFields(metadata)
			.filter(isWritable)
			.map((field) => ({
				id: field.name,
				displayName: field.name,
				required: field.notEmpty === true && field.autoEnter !== true,
				defaultMatch: false,
				canBeUsedToMatch: true,
				display: true,
				type: FIELD_TYPES[field.result] ?? 'string',
			}));
		// n8n shows the notice whenever it is set, so only when it is true.
		return fields.length > 0
			? { fields }
			: { fields, emptyFieldsNotice: `The layout "${layout}" has no fields that can be written` };
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
