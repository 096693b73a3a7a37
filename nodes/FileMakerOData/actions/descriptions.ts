import type { INodeProperties } from 'n8n-workflow';

import { onScriptErrorOption } from '../../shared/descriptions';
import { conditionProperties, keyProperty, tableLocator } from './common.descriptions';

const show = (resource: string, operation: string[]) => ({
	show: { resource: [resource], operation },
});

const rowOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['row'] } },
	options: [
		{ name: 'Create', value: 'create', description: 'Create a row', action: 'Create a row' },
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a row by its key',
			action: 'Delete a row',
		},
		{
			name: 'Delete by Filter',
			value: 'deleteByFilter',
			description: 'Delete every row that matches conditions',
			action: 'Delete rows by filter',
		},
		{ name: 'Get', value: 'get', description: 'Get a row by its key', action: 'Get a row' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Get rows that match conditions',
			action: 'Get many rows',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Update a row by its key',
			action: 'Update a row',
		},
		{
			name: 'Update by Filter',
			value: 'updateByFilter',
			description: 'Update every row that matches conditions',
			action: 'Update rows by filter',
		},
	],
	default: 'getMany',
};

const scriptOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['script'] } },
	options: [
		{ name: 'Run', value: 'run', description: 'Run a FileMaker script', action: 'Run a script' },
	],
	default: 'run',
};

const ROW_OPERATIONS = [
	'create',
	'delete',
	'deleteByFilter',
	'get',
	'getMany',
	'update',
	'updateByFilter',
];
const WRITES = ['create', 'update', 'updateByFilter'];
const BY_FILTER = ['deleteByFilter', 'updateByFilter'];

const writeProperties: INodeProperties[] = [
	{
		displayName: 'Data',
		name: 'dataMode',
		type: 'options',
		options: [
			{
				name: 'Map Fields',
				value: 'mapper',
				description: 'Pick fields of the table and map values, or map the input automatically',
			},
			{ name: 'JSON', value: 'json', description: 'Field names and values as a JSON object' },
		],
		default: 'mapper',
		displayOptions: show('row', WRITES),
	},
	{
		displayName: 'Fields',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['table.value'],
			resourceMapper: {
				resourceMapperMethod: 'getMappingFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: { show: { resource: ['row'], operation: WRITES, dataMode: ['mapper'] } },
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fields',
		type: 'json',
		default: '{\n  "lastName": "Lovelace"\n}',
		displayOptions: { show: { resource: ['row'], operation: WRITES, dataMode: ['json'] } },
	},
	{
		displayName: 'Send All Items in One Batch',
		name: 'batch',
		type: 'boolean',
		default: false,
		description:
			'Whether to create the rows of all input items in one $batch request, all or nothing, instead of one request per item',
		displayOptions: show('row', ['create']),
	},
	{
		displayName: 'All Rows',
		name: 'allRows',
		type: 'boolean',
		default: false,
		description:
			'Whether to allow the operation on every row of the table when there are no conditions. Off, an empty filter is refused.',
		displayOptions: show('row', BY_FILTER),
	},
];

const scriptProperties: INodeProperties[] = [
	{
		displayName: 'Script Name',
		name: 'script',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Send Invoice',
		displayOptions: show('script', ['run']),
	},
	{
		displayName: 'Script Parameter',
		name: 'scriptParameter',
		type: 'string',
		default: '',
		description: 'Text passed to the script; read it with Get ( ScriptParameter )',
		displayOptions: show('script', ['run']),
	},
	{ ...onScriptErrorOption, displayOptions: show('script', ['run']) },
];

const tableOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['table'] } },
	options: [
		{
			name: 'Get Fields',
			value: 'getFields',
			description: 'Get the fields of a table',
			action: 'Get the fields of a table',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the tables of the database',
			action: 'Get many tables',
		},
	],
	default: 'getMany',
};

export const odataProperties: INodeProperties[] = [
	tableOperations,
	rowOperations,
	scriptOperations,
	{ ...tableLocator, displayOptions: show('table', ['getFields']) },
	{ ...tableLocator, displayOptions: show('row', ROW_OPERATIONS) },
	{ ...keyProperty, displayOptions: show('row', ['get', 'update', 'delete']) },
	...conditionProperties.map((property) => ({
		...property,
		displayOptions: show('row', ['getMany', ...BY_FILTER]),
	})),
	...writeProperties,
	...scriptProperties,
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: show('row', ['getMany']),
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { resource: ['row'], operation: ['getMany'], returnAll: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show('row', ['getMany']),
		options: [
			{
				displayName: 'Count Only',
				name: 'countOnly',
				type: 'boolean',
				default: false,
				description:
					'Whether to return one item with the number of matching rows ($count) instead of the rows',
			},
			{
				displayName: 'Exact Large Numbers',
				name: 'exactNumbers',
				type: 'boolean',
				default: false,
				description:
					'Whether to receive numbers as text (IEEE754Compatible), so values beyond double precision stay exact',
			},
			{
				displayName: 'Expand',
				name: 'expand',
				type: 'string',
				default: '',
				placeholder: 'e.g. Phones',
				description: 'Related tables to include ($expand)',
			},
			{
				displayName: 'Fields to Return Names or IDs',
				name: 'select',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['table.value'] },
				default: [],
				description:
					'Only these fields ($select); all when empty. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Filter (OData)',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: 'e.g. year(Created) eq 2026',
				description:
					'A $filter you write yourself, added to the conditions with "and". It is sent as typed: quote text values with single quotes and double any quote inside.',
			},
			{
				displayName: 'Page Cap',
				name: 'pageCap',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10000,
				description:
					'Most pages to read, as a safety net; the item fails beyond it instead of reading on',
			},
			{
				displayName: 'Sort',
				name: 'orderBy',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Sort Rule',
				default: {},
				options: [
					{
						displayName: 'Rule',
						name: 'rule',
						values: [
							{
								displayName: 'Field Name or ID',
								name: 'field',
								type: 'options',
								typeOptions: {
									loadOptionsMethod: 'getFields',
									loadOptionsDependsOn: ['table.value'],
								},
								default: '',
								description:
									'The field to sort by. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
							},
							{
								displayName: 'Direction',
								name: 'direction',
								type: 'options',
								options: [
									{ name: 'Ascending', value: 'asc' },
									{ name: 'Descending', value: 'desc' },
								],
								default: 'asc',
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: show('row', BY_FILTER),
		options: [
			{
				displayName: 'Filter (OData)',
				name: 'filter',
				type: 'string',
				default: '',
				description:
					'A $filter you write yourself, added to the conditions with "and". It is sent as typed.',
			},
		],
	},
];
