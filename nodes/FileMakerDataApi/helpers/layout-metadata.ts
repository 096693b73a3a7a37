import type { IDataObject } from 'n8n-workflow';

import type { FileMakerContext } from '../transport';
import { fileMakerRequest, onDatabase, onLayout } from '../transport';

export interface FieldMetaData extends IDataObject {
	name: string;
	/** normal, calculation, summary (or invalid for fields without access) */
	type: string;
	/** text, number, date, time, timeStamp, container */
	result: string;
	global: boolean;
	autoEnter: boolean;
	maxRepeat: number;
	notEmpty: boolean;
}

export interface LayoutMetadata extends IDataObject {
	fieldMetaData: FieldMetaData[];
	portalMetaData: Record<string, FieldMetaData[]>;
	valueLists?: IDataObject[];
}

/** A layout or script from FileMaker's folder tree, with the folders it sits in. */
export interface CatalogEntry extends IDataObject {
	name: string;
	folder: string;
	table?: string;
}

interface CatalogNode extends IDataObject {
	name: string;
	isFolder?: boolean;
	table?: string;
	folderLayoutNames?: CatalogNode[];
	folderScriptNames?: CatalogNode[];
}

/** Layouts or scripts, folders unfolded into a `folder` path ("Reports/Monthly"). */
function flatten(nodes: CatalogNode[], folder = ''): CatalogEntry[] {
	return nodes.flatMap((node) => {
		const children = node.folderLayoutNames ?? node.folderScriptNames;
		if (node.isFolder || children) {
			return flatten(children ?? [], folder ? `${folder}/${node.name}` : node.name);
		}
		// FileMaker lists script separators as scripts named "-".
		if (node.name === '-') return [];
		const entry: CatalogEntry = { name: node.name, folder };
		if (node.table) entry.table = node.table;
		return [entry];
	});
}

export async function listLayouts(context: FileMakerContext): Promise<CatalogEntry[]> {
	const { response } = await fileMakerRequest<{ layouts: CatalogNode[] }>(context, {
		method: 'GET',
		...onDatabase('layouts'),
	});
	return flatten(response.layouts ?? []);
}

export async function listScripts(context: FileMakerContext): Promise<CatalogEntry[]> {
	const { response } = await fileMakerRequest<{ scripts: CatalogNode[] }>(context, {
		method: 'GET',
		...onDatabase('scripts'),
	});
	return flatten(response.scripts ?? []);
}

export async function getLayoutMetadata(
	context: FileMakerContext,
	layout: string,
): Promise<LayoutMetadata> {
	const { response } = await fileMakerRequest<LayoutMetadata>(context, {
		method: 'GET',
		...onLayout(layout),
	});
	return {
		...response,
		fieldMetaData: response.fieldMetaData ?? [],
		portalMetaData: response.portalMetaData ?? {},
	};
}

/** Fields a builder can read or search; fields without access privileges are left out. */
export function accessibleFields(metadata: LayoutMetadata): FieldMetaData[] {
	return metadata.fieldMetaData.filter((field) => field.type !== 'invalid' && field.name !== '');
}
