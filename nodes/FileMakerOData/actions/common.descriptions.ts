import type { INodeProperties } from 'n8n-workflow';

import { FILTER_OPERATORS } from '../../../lib/filemaker/odata/filter';

export const tableLocator: INodeProperties = {
	displayName: 'Table',
	name: 'table',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The table (OData entity set); names are case-sensitive',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTables', searchable: true },
		},
		{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Contacts' },
	],
};

export const keyProperty: INodeProperties = {
	displayName: 'Key',
	name: 'key',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 42',
	description: "The row's primary key value (or its ROWID when the table has no primary key)",
};

const operatorOptions = Object.entries(FILTER_OPERATORS).map(([value, name]) => ({ name, value }));

/** Conditions on fields, combined with all/any: each value is escaped as its field's type. */
export const conditionProperties: INodeProperties[] = [
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
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
						typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['table.value'] },
						default: '',
						description:
							'The field to compare. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Condition',
						name: 'operator',
						type: 'options',
						options: operatorOptions,
						default: 'eq',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						displayOptions: { hide: { operator: ['isEmpty', 'isNotEmpty'] } },
						description:
							'Matched literally, as a value of the field\'s type. For "Is One Of", one value per line (or an array from an expression).',
					},
				],
			},
		],
	},
	{
		displayName: 'Combine Conditions',
		name: 'combine',
		type: 'options',
		options: [
			{ name: 'All Must Match (And)', value: 'and' },
			{ name: 'Any Can Match (Or)', value: 'or' },
		],
		default: 'and',
	},
];
