import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FoundSetOptions } from '../../helpers/found-set';
import { foundSetParameters, readFoundSet } from '../../helpers/found-set';
import { layoutParameter, optionsParameter } from '../../helpers/parameters';
import { readParameters } from '../../helpers/read-options';
import type { RecordsResponse } from '../../helpers/records';
import { fileMakerRequest, onLayout } from '../../transport';
import {
	layoutLocator,
	limitProperty,
	pageCapOption,
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
	optionsCollection([...readOptions, ...scriptOptionsForRead, pageSizeOption, pageCapOption]),
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
	const { limit, sort, simplify } = foundSetParameters(this, itemIndex);
	const options = optionsParameter<FoundSetOptions>(this, itemIndex);
	const parameters = readParameters(options, 'query');
	if (sort.length > 0) parameters._sort = JSON.stringify(sort);

	return await readFoundSet(
		async ({ offset, limit: pageLimit }, pageParameters) => {
			const { response } = await fileMakerRequest<RecordsResponse>(this, {
				method: 'GET',
				...onLayout(layout, 'records'),
				qs: { ...pageParameters, _offset: offset, _limit: pageLimit },
			});
			return response;
		},
		{ parameters, options, limit, simplify },
	);
}
