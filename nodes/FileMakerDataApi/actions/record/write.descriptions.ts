import type { INodeProperties } from 'n8n-workflow';

import {
	scriptOptionsForWrite,
	writeDateFormatOption,
	optionsCollection,
} from '../common.descriptions';

type MapperMode = 'add' | 'update' | 'upsert';

/** How the builder gives field values: a field mapping built from the layout, or JSON. */
export function fieldInputProperties(mode: MapperMode): INodeProperties[] {
	return [
		{
			displayName: 'Data',
			name: 'dataMode',
			type: 'options',
			options: [
				{
					name: 'Map Fields',
					value: 'mapper',
					description: 'Pick fields of the layout and map values',
				},
				{ name: 'JSON', value: 'json', description: 'Give fieldData as a JSON object' },
			],
			default: 'mapper',
		},
		{
			displayName: 'Fields',
			name: 'columns',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			typeOptions: {
				loadOptionsDependsOn: ['layout.value'],
				resourceMapper: {
					resourceMapperMethod: 'getMappingFields',
					mode,
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: mode !== 'add',
					multiKeyMatch: true,
					supportAutoMap: true,
					matchingFieldsLabels: {
						title: 'Fields to Match On',
						description:
							'The record whose values equal these fields is updated; if none matches, a record is created',
						hint: 'Usually a unique key such as an email address or an external ID',
					},
				},
			},
			displayOptions: { show: { dataMode: ['mapper'] } },
		},
		{
			displayName: 'Field Data (JSON)',
			name: 'fieldData',
			type: 'json',
			default: '{\n  "firstName": "Ada",\n  "lastName": "Lovelace"\n}',
			displayOptions: { show: { dataMode: ['json'] } },
			description: 'Field names and values, as FileMaker names them on the layout',
		},
		...(mode === 'upsert'
			? [
					{
						displayName: 'Fields to Match On Names or IDs',
						name: 'matchFields',
						type: 'multiOptions',
						typeOptions: {
							loadOptionsMethod: 'getWritableFields',
							loadOptionsDependsOn: ['layout.value'],
						},
						default: [],
						required: true,
						displayOptions: { show: { dataMode: ['json'] } },
						description:
							'The fields that identify the record: the record with the same values in them is updated; if there is none, one is created. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					} satisfies INodeProperties,
				]
			: []),
	];
}

const portalDataOption: INodeProperties = {
	displayName: 'Portal Data (JSON)',
	name: 'portalData',
	type: 'json',
	default: '{\n  "Phones": [{ "Phones::number": "555-0100" }]\n}',
	description:
		'Related records to create through portals: portal name, then rows of TO::Field values. A row with "recordId" edits that related record.',
};

const entryModeOptions: INodeProperties[] = [
	{
		displayName: 'Entry Mode',
		name: 'entryMode',
		type: 'options',
		options: [
			{
				name: 'Script (Default)',
				value: 'script',
				description: 'Bypass validation set to "only during data entry"',
			},
			{ name: 'User', value: 'user', description: 'Validate like a person typing' },
		],
		default: 'script',
	},
	{
		displayName: 'Prohibit Mode',
		name: 'prohibitMode',
		type: 'options',
		options: [
			{
				name: 'Script (Default)',
				value: 'script',
				description: 'Allow changing fields set to prohibit modification',
			},
			{ name: 'User', value: 'user', description: 'Respect "prohibit modification of value"' },
		],
		default: 'script',
	},
];

const returnRecordOption: INodeProperties = {
	displayName: 'Return Full Record',
	name: 'returnRecord',
	type: 'boolean',
	default: false,
	description:
		'Whether to read the record back after writing, to output its fields with auto-entered values (one more request)',
};

export function writeOptions(extra: INodeProperties[] = []): INodeProperties {
	return optionsCollection([
		...extra,
		portalDataOption,
		writeDateFormatOption,
		...entryModeOptions,
		returnRecordOption,
		...scriptOptionsForWrite,
	]);
}
