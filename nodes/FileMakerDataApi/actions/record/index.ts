import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as duplicate from './duplicate.operation';
import * as find from './find.operation';
import * as get from './get.operation';
import * as getMany from './get-many.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, deleteRecord as delete, duplicate, find, get, getMany, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a record',
				action: 'Create a record',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a record',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a record',
				action: 'Delete a record',
			},
			{
				name: 'Duplicate',
				value: 'duplicate',
				description: 'Duplicate a record',
				action: 'Duplicate a record',
			},
			{
				name: 'Find',
				value: 'find',
				description: 'Find records with FileMaker find requests',
				action: 'Find records',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a record by its record ID',
				action: 'Get a record',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many records of a layout',
				action: 'Get many records',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a record',
				action: 'Update a record',
			},
		],
		default: 'find',
	},
	...create.description,
	...upsert.description,
	...deleteRecord.description,
	...duplicate.description,
	...find.description,
	...get.description,
	...getMany.description,
	...update.description,
];
