import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testProviderCredential } from './credential-test';
import { OAUTH_CREDENTIAL } from './credential';
import { SIGN_IN_PATH, signInProperties } from './description';
import { finishSignInWebhook } from './finish-sign-in';
import { startSignInExecution } from './start-sign-in';

/**
 * An action node that waits, like n8n's Wait and Form nodes: `execute()` starts the sign-in and
 * puts the execution to wait; the browser comes back on the execution's resume URL, where
 * `webhook()` logs the person in and the workflow goes on. The webhook is the execution's own
 * resume URL (`restartWebhook`), not one registered at a remote service, so there is nothing for
 * `webhookMethods` to create or delete.
 */
// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete
export class FileMakerSignIn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FileMaker Sign-In (OAuth)',
		name: 'fileMakerSignIn',
		icon: { light: 'file:filemaker.svg', dark: 'file:filemaker.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "Log in to " + ($parameter["logInTo"] === "odata" ? "OData" : "Data API") }}',
		description:
			'A person signs in at the identity provider FileMaker Server trusts; the workflow then acts as them',
		defaults: { name: 'FileMaker Sign-In' },
		// A person signs in at a browser: nothing an AI agent can do as a tool.
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: OAUTH_CREDENTIAL, required: true, testedBy: 'fileMakerOAuthProvider' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'GET',
				// The browser gets our page, or (Respond With: Respond to Webhook Node) the
				// workflow's own answer. `responseData: ''` keeps n8n from answering with
				// the text "firstEntryJson" when webhook() returns items.
				responseMode:
					'={{ $parameter["respondWith"] === "responseNode" ? "responseNode" : "onReceived" }}',
				responseData: '',
				path: SIGN_IN_PATH,
				restartWebhook: true,
				isFullPath: true,
			},
		],
		properties: signInProperties,
	};

	methods = {
		credentialTest: {
			async fileMakerOAuthProvider(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				return await testProviderCredential(this, credential);
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await startSignInExecution.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await finishSignInWebhook.call(this);
	}
}
