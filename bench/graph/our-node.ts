import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { MICROSOFT_DEMO } from '../../sandbox/microsoft';
import type { Engine, NodeUnderTest } from '../../test/engine/engine';
import { MICROSOFT_GRAPH_MAIL } from '../../test/engine/node-types';
import { INBOX_MAILBOX, LIST_MAILBOX, MESSAGES } from './plan';

/** A Microsoft Graph App credential (client secret) whose endpoints are the proxy listeners. */
export function credentialData(
	urls: { identity: string; graph: string },
	clientSecret: string = MICROSOFT_DEMO.clientSecret,
): ICredentialDataDecryptedObject {
	return {
		tenantId: MICROSOFT_DEMO.tenantId,
		clientId: MICROSOFT_DEMO.clientId,
		authentication: 'secret',
		clientSecret,
		nationalCloud: 'global',
		identityEndpoint: urls.identity,
		graphEndpoint: urls.graph,
	};
}

/** The Graph Mail node in `mailbox`, with the credential `credentialId`. */
export function graphMailNode(
	credentialId: string,
	mailbox: string,
	parameters: INodeParameters,
): NodeUnderTest {
	return {
		type: MICROSOFT_GRAPH_MAIL,
		name: 'Mail',
		parameters: { mailbox, ...parameters },
		credentials: { microsoftGraphAppApi: { id: credentialId, name: `Graph (${credentialId})` } },
	};
}

const folder = (value: string) => ({ __rl: true, mode: 'id', value });

/** Message → Get Many of the inbox, limit 1: one execution, checked. */
export function getNewest(engine: Engine, credentialId: string): () => Promise<void> {
	const node = graphMailNode(credentialId, INBOX_MAILBOX, {
		resource: 'message',
		operation: 'getMany',
		folder: folder('inbox'),
		returnAll: false,
		limit: 1,
	});
	return async () => {
		const execution = await engine.run({ nodes: [node] });
		if (execution.error) throw execution.error;
		const count = execution.output().length;
		if (count !== 1) throw new Error(`Our node's Get Many, limit 1 gave ${count} messages`);
	};
}

/** Message → Get Many, Return All, every option at its default: what a builder gets. */
export function returnAll(
	engine: Engine,
	credentialId: string,
	folderId: string,
): () => Promise<void> {
	const node = graphMailNode(credentialId, LIST_MAILBOX, {
		resource: 'message',
		operation: 'getMany',
		folder: folder(folderId),
		returnAll: true,
	});
	return async () => {
		const execution = await engine.run({ nodes: [node] });
		if (execution.error) throw execution.error;
		const count = execution.output().length;
		if (count !== MESSAGES) {
			throw new Error(
				`Our node's Return All gave ${count.toLocaleString('en')} messages, expected ${MESSAGES.toLocaleString('en')}`,
			);
		}
	};
}
