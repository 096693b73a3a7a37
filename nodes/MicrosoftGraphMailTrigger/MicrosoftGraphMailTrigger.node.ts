import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { toNodeError } from '../shared/node-error';
import { graphCredentialTest } from '../MicrosoftGraphMail/credential-test';
import { listSearch } from '../MicrosoftGraphMail/methods';
import { graphCredentials } from '../MicrosoftGraphMail/actions/common.descriptions';
import { triggerProperties } from './description';
import { pollNewMail } from './new-mail-poll';
import { onePollAtATime } from './poll-guard';
import { readTriggerSettings } from './settings';
import { fetchTestEvent } from './test-event';

export class MicrosoftGraphMailTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Microsoft Graph Mail Trigger',
		name: 'microsoftGraphMailTrigger',
		icon: { light: 'file:microsoft.svg', dark: 'file:microsoft.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "New mail in " + ($parameter["mailbox"] || "my mailbox") }}',
		description:
			'Starts the workflow once for every new message in a Microsoft 365 mail folder, also mail delivered late',
		defaults: { name: 'Microsoft Graph Mail Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: graphCredentials,
		properties: triggerProperties,
	};

	methods = { listSearch, credentialTest: graphCredentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		try {
			const settings = readTriggerSettings(this);
			if (this.getMode() === 'manual') return await fetchTestEvent(this, settings);
			return await onePollAtATime(this, async () => await pollNewMail(this, settings));
		} catch (error) {
			throw toNodeError(this.getNode(), error, 0);
		}
	}
}
