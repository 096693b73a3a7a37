import type { INodeProperties } from 'n8n-workflow';

import { messageIdProperty } from '../common.descriptions';

const show = (operation: string[]) => ({ resource: ['attachment'], operation });

export const attachmentProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attachment'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download an attachment',
				action: 'Download an attachment',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the attachments of a message',
				action: 'Get many attachments',
			},
		],
		default: 'getMany',
	},
	messageIdProperty(show(['getMany', 'download'])),
	{
		displayName: 'Attachment ID',
		name: 'attachmentId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: show(['download']) },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		displayOptions: { show: show(['download']) },
	},
];
