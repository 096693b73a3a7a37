import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	containerFieldParameter,
	layoutParameter,
	recordIdParameter,
} from '../../helpers/parameters';
import { fileMakerRequest, onLayout } from '../../transport';
import { layoutLocator, recordIdProperty } from '../common.descriptions';
import {
	binaryPropertyProperty,
	containerFieldProperty,
	repetitionProperty,
} from './fields.descriptions';

const properties: INodeProperties[] = [
	layoutLocator,
	recordIdProperty,
	containerFieldProperty,
	binaryPropertyProperty('Binary field of the input item whose file goes into the container'),
	repetitionProperty,
	{
		displayName: 'If the Item Has No File',
		name: 'ifNoFile',
		type: 'options',
		options: [
			{
				name: 'Stop With an Error',
				value: 'error',
				description: 'Every item must bring the file',
			},
			{
				name: 'Pass the Item On',
				value: 'passOn',
				description:
					'An item without the binary property goes on unchanged, e.g. a mail without attachments',
			},
		],
		default: 'error',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['container'], operation: ['upload'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const recordId = recordIdParameter(this, itemIndex);
	const field = containerFieldParameter(this, itemIndex);
	const repetition = this.getNodeParameter('repetition', itemIndex, 1) as number;
	const binaryPropertyName = this.getNodeParameter(
		'binaryPropertyName',
		itemIndex,
		'data',
	) as string;

	const input = this.getInputData()[itemIndex];
	if (
		input.binary?.[binaryPropertyName] === undefined &&
		this.getNodeParameter('ifNoFile', itemIndex, 'error') === 'passOn'
	) {
		return [{ json: input.json, binary: input.binary }];
	}
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
	const fileName = binary.fileName ?? `${field}.${binary.fileExtension ?? 'bin'}`;
	const form = new FormData();
	form.append('upload', new Blob([data], { type: binary.mimeType }), fileName);

	const { response } = await fileMakerRequest<{ modId?: string }>(this, {
		method: 'POST',
		...onLayout(layout, 'records', recordId, 'containers', field, repetition),
		body: form,
	});
	return [
		{
			json: {
				recordId,
				modId: response.modId ?? null,
				field,
				repetition,
				fileName,
				mimeType: binary.mimeType,
				fileSize: data.length,
			},
		},
	];
}
