import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { toNodeError } from '../../shared/node-error';
import type { CatalogEntry } from '../helpers/layout-metadata';
import { listLayouts, listScripts } from '../helpers/layout-metadata';

function toResults(entries: CatalogEntry[], filter?: string): INodeListSearchResult {
	const needle = filter?.trim().toLowerCase();
	const results: INodeListSearchItems[] = entries
		.filter((entry) => !needle || `${entry.folder}/${entry.name}`.toLowerCase().includes(needle))
		.map((entry) => ({
			name: entry.folder ? `${entry.name} (${entry.folder})` : entry.name,
			value: entry.name,
		}));
	return { results };
}

export async function searchLayouts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	try {
		return toResults(await listLayouts(this), filter);
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}

export async function searchScripts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	try {
		return toResults(await listScripts(this), filter);
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
