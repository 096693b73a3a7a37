import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withInputBinary } from '../../../shared/input-binary';

import type { FieldValue } from '../../helpers/field-data';
import { fieldInput } from '../../helpers/field-data';
import { escapeFindValue } from '../../helpers/find-query';
import { explainMissingFields, namesInFind } from '../../helpers/missing-fields';
import { ignoreNoRecordsMatch } from '../../helpers/no-match';
import { InputError } from '../../../shared/node-error';
import { DEFAULT_PAGE_CAP, DEFAULT_PAGE_SIZE } from '../../helpers/found-set';
import { collectPages } from '../../helpers/paging';
import { layoutParameter, optionsParameter } from '../../helpers/parameters';
import type { RecordsResponse } from '../../helpers/records';
import { reportSkippedKeys } from '../../helpers/skipped-keys';
import type { WriteOptions } from '../../helpers/write-record';
import { createRecord, updateRecord } from '../../helpers/write-record';
import { fileMakerRequest, onLayout } from '../../transport';
import { layoutLocator } from '../common.descriptions';
import { fieldInputProperties, writeOptions } from './write.descriptions';

const properties: INodeProperties[] = [
	layoutLocator,
	...fieldInputProperties('upsert'),
	writeOptions([
		{
			displayName: 'On Several Matches',
			name: 'onSeveralMatches',
			type: 'options',
			options: [
				{
					name: 'Fail',
					value: 'fail',
					description: 'Stop: the match fields should identify one record',
				},
				{
					name: 'Update the First',
					value: 'updateFirst',
					description: 'Update the record FileMaker finds first',
				},
				{ name: 'Update All', value: 'updateAll', description: 'Update every matching record' },
			],
			default: 'fail',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['upsert'] } },
	properties,
);

type UpsertOptions = WriteOptions & { onSeveralMatches?: 'fail' | 'updateFirst' | 'updateAll' };

/** One find request: every match field must equal the item's value exactly. */
function matchQuery(fieldData: Record<string, FieldValue>, matchFields: string[]): IDataObject {
	if (matchFields.length === 0) {
		throw new InputError(
			'No fields to match on',
			'Choose the field (or fields) that identify a record, such as an email address or an external ID.',
		);
	}
	const criteria: IDataObject = {};
	for (const field of matchFields) {
		const value = fieldData[field];
		if (value === undefined || value === '') {
			throw new InputError(
				`The match field "${field}" has no value in this item`,
				'An upsert finds the record by the values of its match fields; map a value to each of them.',
			);
		}
		criteria[field] = `==${escapeFindValue(String(value))}`;
	}
	return criteria;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const { fieldData, skippedKeys, matchFields } = fieldInput(this, itemIndex);
	reportSkippedKeys(this, skippedKeys);
	const options = optionsParameter<UpsertOptions>(this, itemIndex);
	const query = [matchQuery(fieldData, matchFields)];
	const onSeveral = options.onSeveralMatches ?? 'fail';

	const found = await ignoreNoRecordsMatch(
		collectPages(
			async ({ offset, limit }) => {
				const { response } = await explainMissingFields(
					this,
					layout,
					namesInFind(query, []),
					fileMakerRequest<RecordsResponse>(this, {
						method: 'POST',
						...onLayout(layout, '_find'),
						body: { query, portal: [], offset: String(offset), limit: String(limit) },
					}),
				);
				return response;
			},
			{
				pageSize: DEFAULT_PAGE_SIZE,
				wanted: onSeveral === 'updateAll' ? undefined : 2,
				maxPages: DEFAULT_PAGE_CAP,
			},
		),
	);
	const matches = found?.records ?? [];

	if (matches.length === 0) {
		return withInputBinary(this, itemIndex, [
			{ json: { ...(await createRecord(this, layout, fieldData, options)), action: 'created' } },
		]);
	}
	if (matches.length > 1 && onSeveral === 'fail') {
		const total = found?.firstResponse.dataInfo.foundCount ?? matches.length;
		throw new InputError(
			`${total} records match ${matchFields.map((field) => `${field} = ${String(fieldData[field])}`).join(' and ')}`,
			'Upsert updates one record. Make the match fields identify a single record, or set "On Several Matches" to update the first or all of them.',
		);
	}
	const targets = onSeveral === 'updateAll' ? matches : matches.slice(0, 1);
	const results: INodeExecutionData[] = [];
	for (const target of targets) {
		const written = await updateRecord(this, layout, target.recordId, fieldData, options);
		results.push({ json: { ...written, action: 'updated' } });
	}
	return withInputBinary(this, itemIndex, results);
}
