import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { attachmentProperties } from './actions/attachment/descriptions';
import {
	authenticationProperty,
	delegatedMailboxProperty,
	graphCredentials,
	mailboxProperty,
} from './actions/common.descriptions';
import { folderProperties } from './actions/folder/descriptions';
import { messageProperties } from './actions/message/descriptions';
import { router } from './actions/router';
import { graphCredentialTest } from './credential-test';
import { listSearch } from './methods';

export class MicrosoftGraphMail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Microsoft Graph Mail',
		name: 'microsoftGraphMail',
		icon: { light: 'file:microsoft.svg', dark: 'file:microsoft.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Send, read and file mail in Microsoft 365 mailboxes, unattended',
		defaults: { name: 'Microsoft Graph Mail' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: graphCredentials,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Attachment', value: 'attachment' },
					{ name: 'Folder', value: 'folder' },
					{ name: 'Message', value: 'message' },
				],
				default: 'message',
			},
			authenticationProperty,
			mailboxProperty,
			delegatedMailboxProperty,
			...messageProperties,
			...folderProperties,
			...attachmentProperties,
		],
	};

	methods = {
		listSearch,
		credentialTest: graphCredentialTest,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
