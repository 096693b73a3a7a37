import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/node-error';
import {
	containerFieldParameter,
	layoutParameter,
	recordIdParameter,
} from '../../helpers/parameters';
import type { RecordsResponse } from '../../helpers/records';
import { fileMakerRequest, onLayout } from '../../transport';
import { downloadContainer } from '../../transport/container-download';
import { layoutLocator, recordIdProperty } from '../common.descriptions';
import { containerFieldProperty } from './fields.descriptions';

const DEFAULT_MAX_FILE_SIZE_MB = 256;

const properties: INodeProperties[] = [
	layoutLocator,
	recordIdProperty,
	containerFieldProperty,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Max File Size (MB)',
				name: 'maxFileSizeMb',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MAX_FILE_SIZE_MB,
				description:
					'Largest file to download. A larger file fails the item instead of filling the memory of n8n.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['container'], operation: ['download'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const recordId = recordIdParameter(this, itemIndex);
	const field = containerFieldParameter(this, itemIndex);
	const binaryPropertyName = this.getNodeParameter(
		'binaryPropertyName',
		itemIndex,
		'data',
	) as string;

	const { response } = await fileMakerRequest<RecordsResponse>(this, {
		method: 'GET',
		...onLayout(layout, 'records', recordId),
		qs: { portal: '[]' },
	});
	const value = response.data[0]?.fieldData[field];
	if (value === undefined) {
		throw new InputError(
			`The layout "${layout}" has no field "${field}"`,
			'Pick a container field that is on the layout.',
		);
	}
	if (typeof value !== 'string' || value === '') {
		throw new InputError(`The container field "${field}" of record ${recordId} is empty`);
	}

	const { maxFileSizeMb = DEFAULT_MAX_FILE_SIZE_MB } = this.getNodeParameter(
		'options',
		itemIndex,
		{},
	) as { maxFileSizeMb?: number };
	const file = await downloadContainer(this, value, maxFileSizeMb * 1024 * 1024);
	const binary = await this.helpers.prepareBinaryData(file.stream, file.fileName, file.mimeType);
	return [
		{
			json: {
				recordId,
				field,
				fileName: binary.fileName ?? null,
				mimeType: binary.mimeType,
				fileSize: file.bytesRead(),
			},
			binary: { [binaryPropertyName]: binary },
		},
	];
}
