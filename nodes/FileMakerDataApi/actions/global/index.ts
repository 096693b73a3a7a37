import type { INodeProperties } from 'n8n-workflow';

import * as set from './set.operation';

export { set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['globalField'] } },
		options: [
			{
				name: 'Set',
				value: 'set',
				description: 'Set global fields for the Data API session',
				action: 'Set global fields',
			},
		],
		default: 'set',
	},
	...set.description,
];
