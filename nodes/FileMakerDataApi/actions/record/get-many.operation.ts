import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages } from '../../helpers/paging';
import { layoutParameter, optionsParameter } from '../../helpers/parameters';
import type { ReadOptions, SortRule } from '../../helpers/read-options';
import { readParameters, sortRules, withoutScripts } from '../../helpers/read-options';
import type { RecordsResponse } from '../../helpers/records';
import { ignoreNoRecordsMatch } from '../../helpers/no-match';
import { recordItems } from '../../helpers/records';
import { scriptOutcome } from '../../helpers/scripts';
import { fileMakerRequest, onLayout } from '../../transport';
import {
	layoutLocator,
	limitProperty,
	pageSizeOption,
	readOptions,
	returnAllProperty,
	scriptOptionsForRead,
	simplifyProperty,
	optionsCollection,
	sortProperty,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	layoutLocator,
	returnAllProperty,
	limitProperty,
	sortProperty,
	simplifyProperty,
	optionsCollection([...readOptions, ...scriptOptionsForRead, pageSizeOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const sort = sortRules(this.getNodeParameter('sort', itemIndex, {}) as { rule?: SortRule[] });
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = optionsParameter<ReadOptions & { pageSize?: number }>(this, itemIndex);

	const parameters = readParameters(options, 'query');
	if (sort.length > 0) parameters._sort = JSON.stringify(sort);

	const collected = await ignoreNoRecordsMatch(
		collectPages(
			async ({ offset, limit: pageLimit, first }) => {
				const { response } = await fileMakerRequest<RecordsResponse>(this, {
					method: 'GET',
					...onLayout(layout, 'records'),
					qs: {
						...(first ? parameters : withoutScripts(parameters)),
						_offset: offset,
						_limit: pageLimit,
					},
				});
				return response;
			},
			options.pageSize ?? 1000,
			limit,
		),
	);
	if (!collected) return [];
	const scripts = scriptOutcome(collected.firstResponse, options);
	return recordItems(collected.records, simplify, scripts);
}
