import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withInputBinary } from '../../../shared/input-binary';

import { fieldInput } from '../../helpers/field-data';
import { layoutParameter, optionsParameter, recordIdParameter } from '../../helpers/parameters';
import { reportSkippedKeys } from '../../helpers/skipped-keys';
import type { WriteOptions } from '../../helpers/write-record';
import { updateRecord } from '../../helpers/write-record';
import { layoutLocator, recordIdProperty } from '../common.descriptions';
import { fieldInputProperties, writeOptions } from './write.descriptions';

const properties: INodeProperties[] = [
	layoutLocator,
	recordIdProperty,
	...fieldInputProperties('update'),
	writeOptions([
		{
			displayName: 'Mod ID',
			name: 'modId',
			type: 'string',
			default: '',
			description:
				'Only update if the record is still at this modification ID (from a previous read); otherwise fail with FileMaker error 306',
		},
		{
			displayName: 'Delete Portal Rows',
			name: 'deletePortalRows',
			type: 'string',
			default: '',
			placeholder: 'e.g. Phones.7, Phones.9',
			description:
				'Related records to delete, as portal (or table occurrence) name, a dot, and the related recordId; separate several with commas',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const recordId = recordIdParameter(this, itemIndex);
	const { fieldData, skippedKeys } = fieldInput(this, itemIndex);
	reportSkippedKeys(this, skippedKeys);
	const options = optionsParameter<WriteOptions>(this, itemIndex);
	return withInputBinary(this, itemIndex, [
		{ json: await updateRecord(this, layout, recordId, fieldData, options) },
	]);
}
