import type { FixtureField } from './fixture-types';
import type { DatabaseSchema, LayoutSchema } from './schema';

const RESULT_TYPES: Record<FixtureField['type'], string> = {
	text: 'text',
	number: 'number',
	date: 'date',
	time: 'time',
	timestamp: 'timeStamp',
	container: 'container',
};

/** A field as `fieldMetaData` describes it, keys in FileMaker Server's order. */
export function fieldMetaData(field: FixtureField, name = field.name): Record<string, unknown> {
	const maxRepeat = field.maxRepeat ?? 1;
	return {
		name,
		type: 'normal',
		displayType: field.displayType ?? (field.valueList ? 'popupList' : 'editText'),
		result: RESULT_TYPES[field.type],
		...(field.valueList ? { valueList: field.valueList } : {}),
		global: field.global === true,
		autoEnter: field.autoEnter !== undefined,
		fourDigitYear: false,
		maxRepeat,
		maxCharacters: field.maxCharacters ?? 0,
		notEmpty: field.notEmpty === true,
		numeric: field.numericOnly === true,
		timeOfDay: false,
		repetitionStart: 1,
		repetitionEnd: maxRepeat,
	};
}

/** `GET /databases/{db}/layouts/{layout}`: fields, portals, and the value lists they use. */
export function layoutMetaData(
	database: DatabaseSchema,
	layout: LayoutSchema,
): Record<string, unknown> {
	const portalMetaData: Record<string, unknown[]> = {};
	for (const portal of layout.portals) {
		portalMetaData[portal.name] = portal.fields.map((field) =>
			fieldMetaData(field, `${portal.relationship.name}::${field.name}`),
		);
	}
	const listNames = new Set(
		[...layout.fields, ...layout.portals.flatMap((portal) => portal.fields)]
			.map((field) => field.valueList)
			.filter((name): name is string => name !== undefined),
	);
	const valueLists = [...listNames].flatMap((name) => {
		const list = database.valueLists.get(name);
		if (!list) return [];
		return [
			{
				name: list.name,
				type: 'customList',
				values: list.values.map((value) => ({ displayValue: value, value })),
			},
		];
	});
	return {
		fieldMetaData: layout.fields.map((field) => fieldMetaData(field)),
		portalMetaData,
		// FileMaker Server leaves the key out when the layout uses no value list.
		...(valueLists.length > 0 ? { valueLists } : {}),
	};
}

interface CatalogEntry {
	name: string;
	folder?: string;
}

/**
 * Groups a catalog into FileMaker's listing: items in place, folders where their first
 * item is, holding their items (`folderLayoutNames` / `folderScriptNames`).
 */
export function folderListing<T extends CatalogEntry>(
	entries: T[],
	item: (entry: T) => Record<string, unknown>,
	folderKey: 'folderLayoutNames' | 'folderScriptNames',
): Array<Record<string, unknown>> {
	const listing: Array<Record<string, unknown>> = [];
	const folders = new Map<string, Array<Record<string, unknown>>>();
	for (const entry of entries) {
		if (entry.folder === undefined) {
			listing.push(item(entry));
			continue;
		}
		let folder = folders.get(entry.folder);
		if (!folder) {
			folder = [];
			folders.set(entry.folder, folder);
			listing.push({ name: entry.folder, isFolder: true, [folderKey]: folder });
		}
		folder.push(item(entry));
	}
	return listing;
}
