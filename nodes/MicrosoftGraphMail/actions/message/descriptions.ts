import type { INodeProperties } from 'n8n-workflow';

import {
	folderLocator,
	messageIdProperty,
	messageReadOptions,
	outputProperty,
} from '../common.descriptions';

const show = (operation: string[]) => ({ resource: ['message'], operation });

const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['message'] } },
	options: [
		{
			name: 'Copy',
			value: 'copy',
			description: 'Copy a message to a folder',
			action: 'Copy a message',
		},
		{
			name: 'Create Draft',
			value: 'createDraft',
			description: 'Create a draft',
			action: 'Create a draft',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a message',
			action: 'Delete a message',
		},
		{
			name: 'Flag',
			value: 'flag',
			description: 'Set the follow-up flag',
			action: 'Flag a message',
		},
		{
			name: 'Forward',
			value: 'forward',
			description: 'Forward a message',
			action: 'Forward a message',
		},
		{ name: 'Get', value: 'get', description: 'Get a message', action: 'Get a message' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Get messages of a folder',
			action: 'Get many messages',
		},
		{
			name: 'Mark as Read',
			value: 'markRead',
			description: 'Mark a message as read',
			action: 'Mark a message as read',
		},
		{
			name: 'Mark as Unread',
			value: 'markUnread',
			description: 'Mark a message as unread',
			action: 'Mark a message as unread',
		},
		{
			name: 'Move',
			value: 'move',
			description: 'Move a message to a folder',
			action: 'Move a message',
		},
		{
			name: 'Reply',
			value: 'reply',
			description: 'Reply to the sender',
			action: 'Reply to a message',
		},
		{
			name: 'Reply All',
			value: 'replyAll',
			description: 'Reply to everyone',
			action: 'Reply all to a message',
		},
		{ name: 'Send', value: 'send', description: 'Send a message', action: 'Send a message' },
		{
			name: 'Set Categories',
			value: 'setCategories',
			description: 'Replace the categories of a message',
			action: 'Set categories of a message',
		},
	],
	default: 'send',
};

const COMPOSE = ['send', 'createDraft'];
const BY_ID = [
	'reply',
	'replyAll',
	'forward',
	'get',
	'markRead',
	'markUnread',
	'move',
	'copy',
	'setCategories',
	'flag',
	'delete',
];
const WITH_OUTPUT = [
	'get',
	'getMany',
	'createDraft',
	'markRead',
	'markUnread',
	'move',
	'copy',
	'setCategories',
	'flag',
];

const composeProperties: INodeProperties[] = [
	{
		displayName: 'To',
		name: 'toRecipients',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'ada@contoso.com, Grace Hopper <grace@contoso.com>',
		description: 'Addresses, separated by commas',
		displayOptions: { show: show([...COMPOSE, 'forward']) },
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		displayOptions: { show: show(COMPOSE) },
	},
	{
		displayName: 'Body Format',
		name: 'bodyContentType',
		type: 'options',
		options: [
			{ name: 'HTML', value: 'html' },
			{ name: 'Text', value: 'text' },
		],
		default: 'html',
		displayOptions: { show: show(COMPOSE) },
	},
	{
		displayName: 'Body',
		name: 'bodyContent',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		displayOptions: { show: show(COMPOSE) },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: show(COMPOSE) },
		options: [
			{
				displayName: 'Attachments',
				name: 'attachments',
				type: 'string',
				default: '',
				placeholder: 'data, invoice',
				description:
					'Names of the binary properties of the item to attach, separated by commas. Any size up to 150 MB: files over 3 MB go through an upload session.',
			},
			{ displayName: 'BCC', name: 'bccRecipients', type: 'string', default: '' },
			{ displayName: 'CC', name: 'ccRecipients', type: 'string', default: '' },
			{
				displayName: 'Importance',
				name: 'importance',
				type: 'options',
				options: [
					{ name: 'Low', value: 'low' },
					{ name: 'Normal', value: 'normal' },
					{ name: 'High', value: 'high' },
				],
				default: 'normal',
			},
			{ displayName: 'Reply To', name: 'replyTo', type: 'string', default: '' },
			{
				displayName: 'Save to Sent Items',
				name: 'saveToSentItems',
				type: 'boolean',
				default: true,
				description:
					'Whether to keep a copy in Sent Items. Messages with more than 3 MB of attachments are always kept.',
				displayOptions: { show: { '/operation': ['send'] } },
			},
		],
	},
];

const listProperties: INodeProperties[] = [
	folderLocator('folder', 'Folder', show(['getMany'])),
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: show(['getMany']) },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show(['getMany']), returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: show(['getMany']) },
		options: [
			{
				displayName: 'From',
				name: 'from',
				type: 'string',
				default: '',
				placeholder: 'ada@contoso.com',
			},
			{
				displayName: 'Has Attachments',
				name: 'hasAttachments',
				type: 'boolean',
				default: true,
				description: 'Whether to return only messages with attachments',
			},
			{ displayName: 'Received After', name: 'receivedAfter', type: 'dateTime', default: '' },
			{ displayName: 'Received Before', name: 'receivedBefore', type: 'dateTime', default: '' },
			{ displayName: 'Subject Contains', name: 'subjectContains', type: 'string', default: '' },
			{
				displayName: 'Unread Only',
				name: 'unreadOnly',
				type: 'boolean',
				default: true,
				description: 'Whether to return only unread messages',
			},
		],
	},
];

const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: show(['get', 'getMany']) },
	options: [
		...messageReadOptions({ '/operation': ['get'] }),
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'string',
			default: '',
			placeholder: 'subject,from,receivedDateTime',
			description: 'Graph properties to return ($select), separated by commas; all by default',
		},
		{
			displayName: 'Filter (OData)',
			name: 'rawFilter',
			type: 'string',
			default: '',
			placeholder: "importance eq 'high'",
			description: 'A $filter expression of your own, combined with the filters above',
			displayOptions: { show: { '/operation': ['getMany'] } },
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'invoice from:billing@contoso.com',
			description:
				'Words (KQL) to search for in subject, body and senders. Graph does not combine a search with filters; results come by relevance.',
			displayOptions: { show: { '/operation': ['getMany'] } },
		},
	],
};

export const messageProperties: INodeProperties[] = [
	operations,
	messageIdProperty(show(BY_ID)),
	...composeProperties,
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Text above the quoted message',
		displayOptions: { show: show(['reply', 'replyAll', 'forward']) },
	},
	...listProperties,
	folderLocator('destinationFolder', 'Destination Folder', show(['move', 'copy']), 'archive'),
	{
		displayName: 'Categories',
		name: 'categories',
		type: 'string',
		default: '',
		placeholder: 'Invoice, Processed',
		description: 'The categories the message should have, separated by commas; empty clears them',
		displayOptions: { show: show(['setCategories']) },
	},
	{
		displayName: 'Flag',
		name: 'flagStatus',
		type: 'options',
		options: [
			{ name: 'Flagged', value: 'flagged' },
			{ name: 'Complete', value: 'complete' },
			{ name: 'Not Flagged', value: 'notFlagged' },
		],
		default: 'flagged',
		displayOptions: { show: show(['flag']) },
	},
	{
		displayName: 'Delete Permanently',
		name: 'permanently',
		type: 'boolean',
		default: false,
		description:
			'Whether to delete the message for good. Otherwise it leaves every folder but stays recoverable for a while (Recoverable Items); to move it to Deleted Items, use Move.',
		displayOptions: { show: show(['delete']) },
	},
	optionsProperty,
	outputProperty(show(WITH_OUTPUT)),
];
