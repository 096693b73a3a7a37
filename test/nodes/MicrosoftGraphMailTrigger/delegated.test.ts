import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { MicrosoftSandboxes } from '../../../sandbox/microsoft';
import { MICROSOFT_DEMO, startMicrosoftSandboxes } from '../../../sandbox/microsoft';
import { Engine } from '../../engine/engine';
import { mailTriggerWorkflow } from '../../helpers/mail-trigger';

const { ada } = MICROSOFT_DEMO.mailboxes;
const CREDENTIAL = { id: 'graph-delegated', name: 'Ada (delegated)' };
const HOUR = 60 * 60_000;

describe('Microsoft Graph Mail Trigger with the delegated credential', () => {
	let sandboxes: MicrosoftSandboxes;
	let engine: Engine;
	beforeEach(async () => {
		sandboxes = await startMicrosoftSandboxes({ revokeRotatedRefreshTokens: true });
		engine = new Engine();
		await engine.addCredential(CREDENTIAL.id, 'microsoftGraphDelegatedOAuth2Api', {
			clientId: MICROSOFT_DEMO.clientId,
			clientSecret: MICROSOFT_DEMO.clientSecret,
			tenantId: MICROSOFT_DEMO.tenantId,
			identityEndpoint: sandboxes.identity.url,
			graphEndpoint: sandboxes.graph.url,
			oauthTokenData: sandboxes.identity.tokens.signIn(
				MICROSOFT_DEMO.clientId,
				ada.address,
			) as unknown as ICredentialDataDecryptedObject,
		});
	});
	afterEach(async () => await sandboxes.close());

	it("watches the signed-in person's own inbox, across an expired token", async () => {
		const workflow = mailTriggerWorkflow({
			authentication: 'microsoftGraphDelegatedOAuth2Api',
			mailbox: '',
		});
		workflow.nodes[0].credentials = { microsoftGraphDelegatedOAuth2Api: CREDENTIAL };
		const deliver = (subject: string) =>
			sandboxes.graph.mail.deliver({ subject, to: [ada.address] }, { mailbox: ada.address }).id;
		deliver('Before');
		const poller = await engine.activatePoller(workflow);
		expect(poller.activation.items).toBeNull();
		const first = deliver('First');
		expect((await poller.poll()).items?.map((item) => item.json.id)).toEqual([first]);
		sandboxes.clock.advance(2 * HOUR);
		const second = deliver('Second');
		const outcome = await poller.poll();
		expect(outcome.error).toBeUndefined();
		expect(outcome.items?.map((item) => item.json.id)).toEqual([second]);
		expect(sandboxes.graph.counters.event('unauthorized')).toBe(1);
	});
});
