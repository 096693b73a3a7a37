import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toFieldValue } from '../../helpers/field-data';
import { InputError } from '../../helpers/node-error';
import { onDatabase, fileMakerRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName:
			'Global fields belong to the Data API session. This node keeps one session per credential across executions, so a value stays set for every workflow using the credential until the session ends (15 minutes without a request).',
		name: 'globalsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Global Fields',
		name: 'globalFields',
		type: 'fixedCollection',
		placeholder: 'Add Global Field',
		typeOptions: { multipleValues: true },
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Settings::gCurrentUser',
						description: 'Fully qualified name: table occurrence, two colons, field',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['globalField'], operation: ['set'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('globalFields.field', itemIndex, []) as Array<{
		name: string;
		value: unknown;
	}>;
	const globalFields: IDataObject = {};
	for (const { name, value } of fields) {
		const field = name?.trim();
		if (!field) continue;
		if (!field.includes('::')) {
			throw new InputError(
				`The global field "${field}" is not fully qualified`,
				'Write global field names with their table occurrence, e.g. Settings::gCurrentUser.',
			);
		}
		globalFields[field] = toFieldValue(field, value);
	}
	if (Object.keys(globalFields).length === 0) {
		throw new InputError('Add at least one global field to set');
	}
	await fileMakerRequest(this, {
		method: 'PATCH',
		...onDatabase('globals'),
		body: { globalFields },
	});
	return [{ json: { globalFields } }];
}
