import type { INodeProperties } from 'n8n-workflow';

import { FIND_OPERATORS } from '../helpers/find-query';
import { DEFAULT_PAGE_CAP, DEFAULT_PAGE_SIZE } from '../helpers/found-set';
import { onScriptErrorOption } from '../../shared/descriptions';

/** A list of global fields by fully qualified name, with their values. */
export function globalFieldsProperty(
	property: Pick<INodeProperties, 'displayName' | 'name' | 'description'>,
): INodeProperties {
	return {
		...property,
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
	};
}

/** Global fields set first in a session of the operation's own (see the router). */
export const ownSessionGlobalsOption = globalFieldsProperty({
	displayName: 'Global Fields (Own Session)',
	name: 'ownSessionGlobals',
	description:
		'Global fields to set before the operation, in a Data API session of its own: a login, the globals, the operation, a logout. Other executions never see these values; each item costs a login.',
});

/** The "Options" collection of an operation; every operation can run in a session of its own. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...options, ownSessionGlobalsOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

export const layoutLocator: INodeProperties = {
	displayName: 'Layout',
	name: 'layout',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The layout to work through. The Data API sees only the fields and portals placed on it.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchLayouts', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Contacts',
		},
	],
};

export const recordIdProperty: INodeProperties = {
	displayName: 'Record ID',
	name: 'recordId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 42',
	description:
		"FileMaker's internal record ID (recordId in the output of other operations), not a primary key field",
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		'Whether to return one flat object per record (recordId, modId, the fields, portalData) instead of the raw FileMaker response',
};

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const sortProperty: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'fixedCollection',
	placeholder: 'Add Sort Rule',
	typeOptions: { multipleValues: true, sortable: true },
	default: {},
	options: [
		{
			displayName: 'Rule',
			name: 'rule',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'fieldName',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getFields', loadOptionsDependsOn: ['layout.value'] },
					default: '',
					description:
						'The field to sort by; later rules break ties of earlier ones. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Order',
					name: 'sortOrder',
					type: 'options',
					options: [
						{ name: 'Ascending', value: 'ascend' },
						{ name: 'Descending', value: 'descend' },
					],
					default: 'ascend',
				},
			],
		},
	],
};

const scriptOptions = (prefix: string, label: string, when: string): INodeProperties[] => [
	{
		displayName: `${label} Name or ID`,
		name: prefix,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getScripts' },
		default: '',
		description: `FileMaker script to run ${when}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	},
	{
		displayName: `${label} Parameter`,
		name: `${prefix}Parameter`,
		type: 'string',
		default: '',
		description: `Text passed to the ${label.toLowerCase()}; read it with Get ( ScriptParameter )`,
	},
];

export { onScriptErrorOption };

/** Script options for calls that write or read one record. */
export const scriptOptionsForWrite: INodeProperties[] = [
	...scriptOptions('script', 'Script', 'after the request'),
	...scriptOptions('preRequestScript', 'Pre-Request Script', 'before the request'),
	onScriptErrorOption,
];

/** Script options for calls that read a found set, which can also run a script before sorting. */
export const scriptOptionsForRead: INodeProperties[] = [
	...scriptOptions('script', 'Script', 'after the records are found and sorted'),
	...scriptOptions('preRequestScript', 'Pre-Request Script', 'before the request'),
	...scriptOptions('preSortScript', 'Pre-Sort Script', 'after the find, before sorting'),
	onScriptErrorOption,
];

const dateFormatOptions = [
	{ name: 'Server Default (MM/DD/YYYY)', value: 'default' },
	{ name: 'US (MM/DD/YYYY)', value: '0' },
	{ name: 'File Locale', value: '1' },
	{ name: 'ISO 8601 (YYYY-MM-DD)', value: '2' },
];

export const writeDateFormatOption: INodeProperties = {
	displayName: 'Date Format',
	name: 'dateFormat',
	type: 'options',
	options: dateFormatOptions,
	default: 'default',
	description:
		'How the date and timestamp values you send are written (FileMaker Server 19.6 and later)',
};

export const readOptions: INodeProperties[] = [
	{
		displayName: 'Date Format',
		name: 'dateFormat',
		type: 'options',
		options: dateFormatOptions,
		default: 'default',
		description: 'How date and timestamp fields are written in the output',
	},
	{
		displayName: 'Portals',
		name: 'portals',
		type: 'options',
		options: [
			{ name: 'All Portals on the Layout', value: 'all' },
			{ name: 'Selected Portals', value: 'selected' },
			{ name: 'No Portals', value: 'none' },
		],
		default: 'all',
		description:
			'Which portals (related records) to return with each record. No Portals is fastest.',
	},
	{
		displayName: 'Portal Names or IDs',
		name: 'selectedPortals',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getPortals', loadOptionsDependsOn: ['layout.value'] },
		default: [],
		displayOptions: { show: { portals: ['selected'] } },
		description:
			'Portals to return, by their object name on the layout. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Portal Rows Limit',
		name: 'portalLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { portals: ['selected'] } },
		description: 'Max number of related records to return per portal',
	},
	{
		displayName: 'Portal Rows Offset',
		name: 'portalOffset',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		displayOptions: { show: { portals: ['selected'] } },
		description: 'First related record to return per portal (1 is the first)',
	},
	{
		displayName: 'Response Layout',
		name: 'responseLayout',
		type: 'string',
		default: '',
		placeholder: 'e.g. Contacts Export',
		description:
			'Return the fields of this layout instead (it must be based on the same table occurrence)',
	},
];

export const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 100_000 },
	default: DEFAULT_PAGE_SIZE,
	description:
		'How many records to request at once while reading a found set. Larger pages need fewer round trips to the server; smaller ones are lighter on FileMaker Server and on memory.',
};

export const pageCapOption: INodeProperties = {
	displayName: 'Page Cap',
	name: 'pageCap',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_PAGE_CAP,
	description:
		'Most pages to read for one found set, as a safety net: with more records than Page Size × Page Cap the item fails instead of reading on',
};

export const findOperatorOptions = Object.entries(FIND_OPERATORS).map(([value, { name }]) => ({
	name,
	value,
}));

/** A record by ID, and the scripts to run around the request (delete, duplicate). */
export const recordWithScripts: INodeProperties[] = [
	layoutLocator,
	recordIdProperty,
	optionsCollection(scriptOptionsForWrite),
];
