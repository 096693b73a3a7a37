import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ignoreNoRecordsMatch } from './no-match';
import type { Page } from './paging';
import { collectPages } from './paging';
import type { ReadOptions, SortRule } from './read-options';
import { sortRules, withoutScripts } from './read-options';
import type { RecordsResponse } from './records';
import { recordItems } from './records';
import { scriptOutcome } from './scripts';

/**
 * Records per request while reading a found set. Each request costs a network round trip (and,
 * through n8n's helper, a new connection): against a remote server, pages of 5,000 read 20,000
 * records in about a quarter of the time pages of 1,000 take (bench/).
 */
export const DEFAULT_PAGE_SIZE = 5000;
export const DEFAULT_PAGE_CAP = 10_000;

export type FoundSetOptions = ReadOptions & {
	pageSize?: number;
	pageCap?: number;
	onNoMatch?: 'returnNothing' | 'fail';
};

/** The parameters every found-set operation (Get Many, Find) reads the same way. */
export function foundSetParameters(context: IExecuteFunctions, itemIndex: number) {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return {
		limit: returnAll ? undefined : (context.getNodeParameter('limit', itemIndex, 50) as number),
		sort: sortRules(context.getNodeParameter('sort', itemIndex, {}) as { rule?: SortRule[] }),
		simplify: context.getNodeParameter('simplify', itemIndex, true) as boolean,
	};
}

/**
 * Reads a found set page by page and turns it into items. `parameters` (scripts, portals,
 * response layout, ...) go with the first page only where they are scripts: a script attached
 * to the request runs once, not once per page. No match is an empty result unless the builder
 * asked to fail.
 */
export async function readFoundSet(
	fetchPage: (page: Page, parameters: IDataObject) => Promise<RecordsResponse>,
	{
		parameters,
		options,
		limit,
		simplify,
	}: { parameters: IDataObject; options: FoundSetOptions; limit?: number; simplify: boolean },
): Promise<INodeExecutionData[]> {
	const pages = collectPages(
		async (page) => await fetchPage(page, page.first ? parameters : withoutScripts(parameters)),
		{
			pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
			wanted: limit,
			maxPages: options.pageCap ?? DEFAULT_PAGE_CAP,
		},
	);
	const collected = options.onNoMatch === 'fail' ? await pages : await ignoreNoRecordsMatch(pages);
	if (!collected) return [];
	return recordItems(collected.records, simplify, scriptOutcome(collected.firstResponse, options));
}
