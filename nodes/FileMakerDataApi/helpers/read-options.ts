import type { IDataObject } from 'n8n-workflow';

import type { ScriptOptions } from './scripts';
import { scriptParameters } from './scripts';

/** Options shared by the operations that read records (get, get many, find). */
export interface ReadOptions extends ScriptOptions {
	responseLayout?: string;
	dateFormat?: 'default' | '0' | '1' | '2';
	portals?: 'all' | 'none' | 'selected';
	selectedPortals?: string[];
	portalLimit?: number;
	portalOffset?: number;
}

export interface SortRule {
	fieldName: string;
	sortOrder: 'ascend' | 'descend';
}

/** How the same parameters are spelled: GET query strings prefix paging with `_`, find bodies do not. */
type Style = 'query' | 'body';

export function readParameters(options: ReadOptions, style: Style): IDataObject {
	const parameters: IDataObject = { ...scriptParameters(options) };
	if (options.responseLayout?.trim()) parameters['layout.response'] = options.responseLayout.trim();
	if (options.dateFormat && options.dateFormat !== 'default') {
		parameters.dateformats = options.dateFormat;
	}
	Object.assign(parameters, portalParameters(options, style));
	return parameters;
}

function portalParameters(options: ReadOptions, style: Style): IDataObject {
	const mode = options.portals ?? 'all';
	if (mode === 'all') return {};
	const names = mode === 'none' ? [] : (options.selectedPortals ?? []);
	const parameters: IDataObject = {
		portal: style === 'query' ? JSON.stringify(names) : names,
	};
	const prefix = style === 'query' ? '_' : '';
	for (const name of names) {
		if (options.portalLimit !== undefined) {
			parameters[`${prefix}limit.${name}`] = String(options.portalLimit);
		}
		if (options.portalOffset !== undefined && options.portalOffset > 1) {
			parameters[`${prefix}offset.${name}`] = String(options.portalOffset);
		}
	}
	return parameters;
}

export function sortRules(sort: { rule?: SortRule[] } | undefined): SortRule[] {
	return (sort?.rule ?? [])
		.filter((rule) => rule.fieldName?.trim())
		.map((rule) => ({ fieldName: rule.fieldName.trim(), sortOrder: rule.sortOrder ?? 'ascend' }));
}

/** Script keys belong to the first page only: a script must not run again for every page. */
export function withoutScripts(parameters: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(parameters).filter(([key]) => !key.startsWith('script')),
	);
}
