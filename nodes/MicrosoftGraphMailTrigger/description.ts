import type { INodeProperties } from 'n8n-workflow';

import {
	authenticationProperty,
	delegatedMailboxProperty,
	folderLocator,
	messageReadOptions,
	mailboxProperty,
	outputProperty,
} from '../MicrosoftGraphMail/actions/common.descriptions';

function withoutDisplayOptions(property: INodeProperties): INodeProperties {
	const shownAlways = { ...property };
	delete shownAlways.displayOptions;
	return shownAlways;
}

/** The parameters of the Microsoft Graph Mail Trigger, beside n8n's own Poll Times. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Every message that arrives in the folder starts the workflow once: also mail Exchange delivers late, and none twice. The first poll after activation starts from the messages in the folder then.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	authenticationProperty,
	mailboxProperty,
	delegatedMailboxProperty,
	withoutDisplayOptions({
		...folderLocator('folder', 'Folder', {}),
		description: 'The folder to watch',
	}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only messages that match start the workflow; the others are passed over for good',
		options: [
			{
				displayName: 'From',
				name: 'from',
				type: 'string',
				default: '',
				placeholder: 'billing@contoso.com',
				description: 'Sender address, exactly (any case)',
			},
			{
				displayName: 'Has Attachments',
				name: 'hasAttachments',
				type: 'boolean',
				default: true,
				description: 'Whether to take only messages with attachments',
			},
			{
				displayName: 'Subject Contains',
				name: 'subjectContains',
				type: 'string',
				default: '',
				placeholder: 'Invoice',
				description: 'Text the subject contains (any case)',
			},
			{
				displayName: 'Unread Only',
				name: 'unreadOnly',
				type: 'boolean',
				default: true,
				description: 'Whether to take only messages that are unread when they arrive',
			},
		],
	},
	withoutDisplayOptions(outputProperty({})),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...messageReadOptions(),
			{
				displayName: 'Emit Newest on First Poll',
				name: 'emitNewest',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1000 },
				default: 0,
				description:
					'How many of the newest messages already in the folder the first poll after activation starts the workflow with. 0: only messages that arrive from then on.',
			},
			{
				displayName: 'Mark as Read',
				name: 'markAsRead',
				type: 'boolean',
				default: false,
				description:
					'Whether to mark each message read once the trigger has taken it (never one it passed over)',
			},
			{
				displayName: 'Max Messages per Poll',
				name: 'maxPerPoll',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 500,
				description:
					'A poll stops reading once it has this many new messages (at the end of a page); the rest start the next execution',
			},
			{
				...withoutDisplayOptions(folderLocator('moveTo', 'Move To Folder', {}, '')),
				required: false,
				default: { mode: 'list', value: '' },
				description:
					"A folder to move each message to once the trigger has taken it (never one it passed over). The output then holds the moved message's new ID.",
			},
		],
	},
];
