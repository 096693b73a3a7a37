import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { MicrosoftSandboxes, MicrosoftSandboxesOptions } from '../../sandbox/microsoft';
import { MICROSOFT_DEMO, startMicrosoftSandboxes } from '../../sandbox/microsoft';
import type { NodeUnderTest } from '../engine/engine';
import { Engine } from '../engine/engine';
import { MICROSOFT_GRAPH_MAIL } from '../engine/node-types';

export const GRAPH_CREDENTIAL = { id: 'graph-app', name: 'Microsoft Graph sandbox' };
export const { ada, grace, invoices } = MICROSOFT_DEMO.mailboxes;

/** A Microsoft Graph App credential pointing at the sandboxes (secret authentication). */
export function graphCredentialData(
	sandboxes: MicrosoftSandboxes,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		tenantId: MICROSOFT_DEMO.tenantId,
		clientId: MICROSOFT_DEMO.clientId,
		authentication: 'secret',
		clientSecret: MICROSOFT_DEMO.clientSecret,
		nationalCloud: 'global',
		identityEndpoint: sandboxes.identity.url,
		graphEndpoint: sandboxes.graph.url,
		...overrides,
	};
}

export interface GraphBed {
	sandboxes: MicrosoftSandboxes;
	engine: Engine;
	/** A Microsoft Graph Mail node with the sandbox credential, in the invoices mailbox. */
	node(parameters: INodeParameters, extra?: Partial<NodeUnderTest>): NodeUnderTest;
	stored(): Promise<ICredentialDataDecryptedObject>;
	close(): Promise<void>;
}

export async function startGraphBed(
	options: MicrosoftSandboxesOptions & { credential?: ICredentialDataDecryptedObject } = {},
): Promise<GraphBed> {
	const sandboxes = await startMicrosoftSandboxes(options);
	const engine = new Engine();
	await engine.addCredential(
		GRAPH_CREDENTIAL.id,
		'microsoftGraphAppApi',
		graphCredentialData(sandboxes, options.credential),
	);
	return {
		sandboxes,
		engine,
		node: (parameters, extra = {}) => ({
			type: MICROSOFT_GRAPH_MAIL,
			name: 'Mail',
			parameters: { mailbox: invoices.address, ...parameters },
			credentials: { microsoftGraphAppApi: GRAPH_CREDENTIAL },
			...extra,
		}),
		stored: async () => await engine.credentials.stored(GRAPH_CREDENTIAL.id),
		close: async () => await sandboxes.close(),
	};
}
