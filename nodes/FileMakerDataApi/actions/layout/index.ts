import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './get-many.operation';
import * as getMetadata from './get-metadata.operation';

export { getMany, getMetadata };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['layout'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the layouts of the database',
				action: 'Get many layouts',
			},
			{
				name: 'Get Metadata',
				value: 'getMetadata',
				description: 'Get the fields, portals and value lists of a layout',
				action: 'Get layout metadata',
			},
		],
		default: 'getMetadata',
	},
	...getMany.description,
	...getMetadata.description,
];
