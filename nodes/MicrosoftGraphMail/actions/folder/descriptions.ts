import type { INodeProperties } from 'n8n-workflow';

const show = (operation: string[]) => ({ resource: ['folder'], operation });

export const folderProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['folder'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a folder',
				action: 'Create a folder',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the folders',
				action: 'Get many folders',
			},
		],
		default: 'getMany',
	},
	{
		displayName: 'Include Child Folders',
		name: 'includeChildFolders',
		type: 'boolean',
		default: true,
		description: 'Whether to list the folders inside folders too, each with its path',
		displayOptions: { show: show(['getMany']) },
	},
	{
		displayName: 'Folder Name',
		name: 'folderName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Processed',
		displayOptions: { show: show(['create']) },
	},
	{
		displayName: 'Parent Folder ID',
		name: 'parentFolderId',
		type: 'string',
		default: '',
		placeholder: 'inbox',
		description:
			'ID (or well-known name) of the folder to create it in; the top of the mailbox if empty',
		displayOptions: { show: show(['create']) },
	},
];
