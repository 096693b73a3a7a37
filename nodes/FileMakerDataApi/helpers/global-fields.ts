import type { IDataObject } from 'n8n-workflow';

import type { FileMakerContext } from '../transport';
import { fileMakerRequest, onDatabase } from '../transport';
import { toFieldValue } from './field-data';
import { InputError } from '../../shared/node-error';

export interface GlobalFieldEntry {
	name?: string;
	value?: unknown;
}

/** `{ "Table::gField": value }` from the builder's list; names must be fully qualified. */
export function globalFieldData(entries: GlobalFieldEntry[]): IDataObject {
	const globalFields: IDataObject = {};
	for (const { name, value } of entries) {
		const field = name?.trim();
		if (!field) continue;
		if (!field.includes('::')) {
			throw new InputError(
				`The global field "${field}" is not fully qualified`,
				'Write global field names with their table occurrence, e.g. Settings::gCurrentUser.',
			);
		}
		globalFields[field] = toFieldValue(field, value);
	}
	return globalFields;
}

/** `PATCH …/globals`: sets global fields for the session the request runs in. */
export async function setGlobalFields(
	context: FileMakerContext,
	globalFields: IDataObject,
): Promise<void> {
	await fileMakerRequest(context, {
		method: 'PATCH',
		...onDatabase('globals'),
		body: { globalFields },
	});
}
