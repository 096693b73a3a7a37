import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './get-many.operation';
import * as run from './run.operation';

export { getMany, run };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['script'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the scripts of the database',
				action: 'Get many scripts',
			},
			{ name: 'Run', value: 'run', description: 'Run a FileMaker script', action: 'Run a script' },
		],
		default: 'run',
	},
	...run.description,
	...getMany.description,
];
