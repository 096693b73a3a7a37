import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { MICROSOFT_DEMO } from '../../sandbox/microsoft';
import { firstPagePath } from './query';

export const TOKEN_PER_EXECUTION = 'bench.tokenPerExecution';

/** The token request of the client-credentials grant, as a plain form POST. */
export async function clientCredentialsToken(identityUrl: string): Promise<string> {
	const { tenantId, clientId, clientSecret } = MICROSOFT_DEMO;
	const response = await fetch(`${identityUrl}/${tenantId}/oauth2/v2.0/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: clientId,
			client_secret: clientSecret,
			scope: 'https://graph.microsoft.com/.default',
		}),
	});
	const body = (await response.json()) as { access_token?: string; error?: string };
	if (!response.ok || !body.access_token) {
		throw new Error(`Baseline token request: HTTP ${response.status} ${body.error ?? ''}`);
	}
	return body.access_token;
}

/**
 * The baseline of "a token per execution": what a node that keeps no token between executions
 * does (an HTTP Request node after a token request, or a node with the token in its own code).
 * Each execution POSTs client credentials to the token endpoint with Node's fetch, then GETs the
 * folder's newest `limit` messages with fetch, with the same query our node sends. Fetch keeps
 * its connections alive between executions, so the baseline pays no handshakes after the first.
 * Benchmark-only: takes the endpoints as parameters, the demo app's secret from the sandbox.
 */
export class TokenPerExecution implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Token Per Execution (baseline)',
		name: 'tokenPerExecution',
		group: ['transform'],
		version: 1,
		description: 'Gets a new token, then lists messages',
		defaults: { name: 'Baseline' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Identity URL', name: 'identityUrl', type: 'string', default: '' },
			{ displayName: 'Graph URL', name: 'graphUrl', type: 'string', default: '' },
			{ displayName: 'Mailbox', name: 'mailbox', type: 'string', default: '' },
			{ displayName: 'Folder', name: 'folder', type: 'string', default: 'inbox' },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 1 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const identityUrl = this.getNodeParameter('identityUrl', 0) as string;
		const graphUrl = this.getNodeParameter('graphUrl', 0) as string;
		const mailbox = this.getNodeParameter('mailbox', 0) as string;
		const folder = this.getNodeParameter('folder', 0) as string;
		const limit = this.getNodeParameter('limit', 0) as number;
		const token = await clientCredentialsToken(identityUrl);
		const response = await fetch(`${graphUrl}${firstPagePath(mailbox, folder, limit)}`, {
			headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
		});
		const page = (await response.json()) as { value?: IDataObject[] };
		if (!response.ok) {
			throw new Error(`Baseline list: HTTP ${response.status} ${JSON.stringify(page)}`);
		}
		return [(page.value ?? []).slice(0, limit).map((message) => ({ json: message }))];
	}
}
