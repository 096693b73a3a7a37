import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { layoutParameter, optionsParameter, recordIdParameter } from '../../helpers/parameters';
import type { ReadOptions } from '../../helpers/read-options';
import { readParameters } from '../../helpers/read-options';
import type { RecordsResponse } from '../../helpers/records';
import { recordItems } from '../../helpers/records';
import { scriptOutcome } from '../../helpers/scripts';
import { fileMakerRequest, onLayout } from '../../transport';
import {
	layoutLocator,
	readOptions,
	recordIdProperty,
	scriptOptionsForWrite,
	optionsCollection,
	simplifyProperty,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	layoutLocator,
	recordIdProperty,
	simplifyProperty,
	optionsCollection([...readOptions, ...scriptOptionsForWrite]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const recordId = recordIdParameter(this, itemIndex);
	const options = optionsParameter<ReadOptions>(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const { response } = await fileMakerRequest<RecordsResponse>(this, {
		method: 'GET',
		...onLayout(layout, 'records', recordId),
		qs: readParameters(options, 'query'),
	});
	const scripts = scriptOutcome(response, options);
	return recordItems(response.data, simplify, scripts);
}
