import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withInputBinary } from '../../../shared/input-binary';

import { fieldInput } from '../../helpers/field-data';
import { layoutParameter, optionsParameter } from '../../helpers/parameters';
import { reportSkippedKeys } from '../../helpers/skipped-keys';
import type { WriteOptions } from '../../helpers/write-record';
import { createRecord } from '../../helpers/write-record';
import { layoutLocator } from '../common.descriptions';
import { fieldInputProperties, writeOptions } from './write.descriptions';

const properties: INodeProperties[] = [
	layoutLocator,
	...fieldInputProperties('add'),
	writeOptions(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const { fieldData, skippedKeys } = fieldInput(this, itemIndex);
	reportSkippedKeys(this, skippedKeys);
	const options = optionsParameter<WriteOptions>(this, itemIndex);
	return withInputBinary(this, itemIndex, [
		{ json: await createRecord(this, layout, fieldData, options) },
	]);
}
