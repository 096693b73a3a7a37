import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';
import * as upload from './upload.operation';

export { download, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['container'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				description: 'Download the file in a container field',
				action: 'Download a container file',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Put a file into a container field',
				action: 'Upload a file to a container',
			},
		],
		default: 'upload',
	},
	...upload.description,
	...download.description,
];
