import type { IDisplayOptions, INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'App (Application Permissions)',
			value: 'microsoftGraphAppApi',
			description: 'Unattended, for any mailbox the administrator allows',
		},
		{
			name: 'Signed-In User (Delegated)',
			value: 'microsoftGraphDelegatedOAuth2Api',
			description: 'A person connects their account once; their own and shared mailboxes',
		},
	],
	default: 'microsoftGraphAppApi',
};

export const mailboxProperty: INodeProperties = {
	displayName: 'Mailbox',
	name: 'mailbox',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'invoices@contoso.com',
	description:
		'Address (or object ID) of the user or shared mailbox to work in. The app must be allowed to reach it (Exchange application access policy).',
	displayOptions: { show: { authentication: ['microsoftGraphAppApi'] } },
};

export const delegatedMailboxProperty: INodeProperties = {
	displayName: 'Mailbox',
	name: 'mailbox',
	type: 'string',
	default: '',
	placeholder: 'invoices@contoso.com',
	description: 'Address of a shared mailbox the person may use; empty for their own mailbox',
	displayOptions: { show: { authentication: ['microsoftGraphDelegatedOAuth2Api'] } },
};

/** A folder: picked from the mailbox's list, a well-known name, or an ID. */
export function folderLocator(
	name: string,
	displayName: string,
	show: Record<string, string[]>,
	defaultName = 'inbox',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: defaultName },
		required: true,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchFolders', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'AAMkAGI2… or inbox',
				hint: 'A folder ID, or a well-known name: inbox, drafts, sentitems, deleteditems, archive, junkemail',
			},
		],
	};
}

export function messageIdProperty(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
		description:
			'The ID of the message, as Get Many returns it. It changes when the message is moved.',
	};
}

export const outputProperty = (show: Record<string, string[]>): INodeProperties => ({
	displayName: 'Output',
	name: 'output',
	type: 'options',
	displayOptions: { show },
	options: [
		{ name: 'Simplified', value: 'simplified', description: 'The fields most workflows use, flat' },
		{ name: 'Raw', value: 'raw', description: 'Everything Graph returns, in its own shape' },
	],
	default: 'simplified',
});

/** The two ways to reach Graph, each shown with its Authentication choice. */
export const graphCredentials: INodeCredentialDescription[] = [
	{
		name: 'microsoftGraphAppApi',
		required: true,
		testedBy: 'microsoftGraphAppToken',
		displayOptions: { show: { authentication: ['microsoftGraphAppApi'] } },
	},
	{
		name: 'microsoftGraphDelegatedOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['microsoftGraphDelegatedOAuth2Api'] } },
	},
];

/** Options of a message read: the attachments as binary, and the body as HTML or text. */
export function messageReadOptions(show?: IDisplayOptions['show']): INodeProperties[] {
	const shown: Partial<INodeProperties> = show ? { displayOptions: { show } } : {};
	return [
		{
			displayName: 'Attachment Property Prefix',
			name: 'binaryPrefix',
			type: 'string',
			default: 'attachment_',
			description: 'Attachments become binary properties attachment_0, attachment_1, …',
			...shown,
		},
		{
			displayName: 'Body Format',
			name: 'bodyFormat',
			type: 'options',
			options: [
				{ name: 'HTML', value: 'html' },
				{ name: 'Text', value: 'text' },
			],
			default: 'html',
			description: 'Whether Graph returns bodies as HTML or converts them to text',
		},
		{
			displayName: 'Download Attachments',
			name: 'downloadAttachments',
			type: 'boolean',
			default: false,
			description: 'Whether to add the file attachments to the item as binary properties',
			...shown,
		},
	];
}
