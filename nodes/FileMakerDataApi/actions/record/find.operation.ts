import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FindRequestInput } from '../../helpers/find-query';
import { buildFindQuery, parseRawFindQuery } from '../../helpers/find-query';
import type { FoundSetOptions } from '../../helpers/found-set';
import { foundSetParameters, readFoundSet } from '../../helpers/found-set';
import { explainMissingFields, namesInFind } from '../../helpers/missing-fields';
import { layoutParameter, optionsParameter } from '../../helpers/parameters';
import { readParameters } from '../../helpers/read-options';
import type { RecordsResponse } from '../../helpers/records';
import { fileMakerRequest, onLayout } from '../../transport';
import {
	findOperatorOptions,
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
	{
		displayName: 'Define Query',
		name: 'queryMode',
		type: 'options',
		options: [
			{ name: 'Using Conditions Below', value: 'builder' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'builder',
	},
	{
		displayName:
			'Records matching any find request are found; omit requests then remove what they match. Conditions within one request must all match. Values are matched literally.',
		name: 'findNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { queryMode: ['builder'] } },
	},
	{
		displayName: 'Find Requests',
		name: 'findRequests',
		type: 'fixedCollection',
		placeholder: 'Add Find Request',
		typeOptions: { multipleValues: true },
		default: { request: [{ omit: false, conditions: {} }] },
		displayOptions: { show: { queryMode: ['builder'] } },
		options: [
			{
				displayName: 'Find Request',
				name: 'request',
				values: [
					{
						displayName: 'Omit Matching Records',
						name: 'omit',
						type: 'boolean',
						default: false,
						description:
							'Whether this request removes the records it matches from the found set instead of adding them',
					},
					{
						displayName: 'Conditions',
						name: 'conditions',
						type: 'fixedCollection',
						placeholder: 'Add Condition',
						typeOptions: { multipleValues: true },
						default: {},
						options: [
							{
								displayName: 'Condition',
								name: 'condition',
								values: [
									{
										displayName: 'Field Name or ID',
										name: 'field',
										type: 'options',
										typeOptions: {
											loadOptionsMethod: 'getFields',
											loadOptionsDependsOn: ['layout.value'],
										},
										default: '',
										description:
											'The field this condition tests. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
									},
									{
										displayName: 'Condition',
										name: 'operator',
										type: 'options',
										options: findOperatorOptions,
										default: 'equals',
									},
									{
										displayName: 'Value',
										name: 'value',
										type: 'string',
										default: '',
										displayOptions: { hide: { operator: ['isEmpty', 'isNotEmpty'] } },
									},
									{
										displayName: 'Up To',
										name: 'upTo',
										type: 'string',
										default: '',
										displayOptions: { show: { operator: ['between'] } },
									},
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Query (JSON)',
		name: 'query',
		type: 'json',
		default: '[\n  { "lastName": "==Smith" },\n  { "status": "Archived", "omit": "true" }\n]',
		displayOptions: { show: { queryMode: ['json'] } },
		description:
			'Array of find requests in FileMaker find syntax, as the Data API takes them. Values are not escaped.',
	},
	returnAllProperty,
	limitProperty,
	sortProperty,
	simplifyProperty,
	optionsCollection([
		{
			displayName: 'On No Match',
			name: 'onNoMatch',
			type: 'options',
			options: [
				{ name: 'Return No Items', value: 'returnNothing' },
				{ name: 'Fail', value: 'fail', description: 'Stop with FileMaker error 401' },
			],
			default: 'returnNothing',
			description: 'What to do when no record matches the find',
		},
		...readOptions,
		...scriptOptionsForRead,
		pageSizeOption,
		pageCapOption,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['find'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const query =
		this.getNodeParameter('queryMode', itemIndex) === 'json'
			? parseRawFindQuery(this.getNodeParameter('query', itemIndex))
			: buildFindQuery(
					(this.getNodeParameter('findRequests.request', itemIndex, []) as FindRequestInput[]) ??
						[],
				);
	const { limit, sort, simplify } = foundSetParameters(this, itemIndex);
	const options = optionsParameter<FoundSetOptions>(this, itemIndex);

	return await readFoundSet(
		async ({ offset, limit: pageLimit }, pageParameters) => {
			const { response } = await explainMissingFields(
				this,
				layout,
				namesInFind(query, sort),
				fileMakerRequest<RecordsResponse>(this, {
					method: 'POST',
					...onLayout(layout, '_find'),
					body: {
						query,
						...(sort.length > 0 ? { sort } : {}),
						...pageParameters,
						offset: String(offset),
						limit: String(pageLimit),
					},
				}),
			);
			return response;
		},
		{ parameters: readParameters(options, 'body'), options, limit, simplify },
	);
}
