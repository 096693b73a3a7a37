import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { MicrosoftSandboxes } from '../../../sandbox/microsoft';
import { MICROSOFT_DEMO, startMicrosoftSandboxes } from '../../../sandbox/microsoft';
import { Engine } from '../../engine/engine';
import { MICROSOFT_GRAPH_MAIL } from '../../engine/node-types';

const { ada, invoices } = MICROSOFT_DEMO.mailboxes;
const CREDENTIAL = { id: 'graph-delegated', name: 'Ada (delegated)' };
const HOUR = 60 * 60_000;

describe('Microsoft Graph Mail with the delegated credential (n8n OAuth2, rotating refresh tokens)', () => {
	let sandboxes: MicrosoftSandboxes;
	let engine: Engine;

	beforeEach(async () => {
		// Stricter than Entra: a refresh token is revoked once a newer one was issued from it, so
		// a credential that kept an older one fails.
		sandboxes = await startMicrosoftSandboxes({ revokeRotatedRefreshTokens: true });
		engine = new Engine();
		const signedIn = sandboxes.identity.tokens.signIn(MICROSOFT_DEMO.clientId, ada.address);
		await engine.addCredential(CREDENTIAL.id, 'microsoftGraphDelegatedOAuth2Api', {
			clientId: MICROSOFT_DEMO.clientId,
			clientSecret: MICROSOFT_DEMO.clientSecret,
			tenantId: MICROSOFT_DEMO.tenantId,
			identityEndpoint: sandboxes.identity.url,
			graphEndpoint: sandboxes.graph.url,
			oauthTokenData: signedIn as unknown as ICredentialDataDecryptedObject,
		});
		sandboxes.graph.mail.deliver({
			from: 'supplier@example.com',
			to: [ada.address],
			subject: 'For Ada',
		});
	});
	afterEach(async () => await sandboxes.close());

	const listInbox = async (mailbox = '') =>
		await engine.run({
			nodes: [
				{
					type: MICROSOFT_GRAPH_MAIL,
					name: 'Mail',
					parameters: {
						authentication: 'microsoftGraphDelegatedOAuth2Api',
						mailbox,
						resource: 'message',
						operation: 'getMany',
						folder: { __rl: true, mode: 'id', value: 'inbox' },
						returnAll: true,
					},
					credentials: { microsoftGraphDelegatedOAuth2Api: CREDENTIAL },
				},
			],
		});

	const storedRefreshToken = async () =>
		String(
			(
				(await engine.credentials.stored(CREDENTIAL.id)).oauthTokenData as {
					refresh_token?: string;
				}
			)?.refresh_token,
		);

	it("reads the signed-in person's own mailbox (/me) and a shared one", async () => {
		const own = await listInbox();
		expect(own.error).toBeUndefined();
		expect(own.output().map((item) => item.json.subject)).toEqual(['For Ada']);
		const shared = await listInbox(invoices.address);
		expect(shared.error).toBeUndefined();
		expect(sandboxes.identity.counters.snapshot().refreshToken ?? 0).toBe(0);
	});

	it('refreshes after Graph refuses an expired token, and keeps the newest refresh token each time', async () => {
		const tokens = [await storedRefreshToken()];
		for (let round = 1; round <= 3; round++) {
			sandboxes.clock.advance(2 * HOUR);
			const execution = await listInbox();
			expect(execution.error).toBeUndefined();
			expect(execution.output()).toHaveLength(1);
			tokens.push(await storedRefreshToken());
		}
		expect(new Set(tokens).size).toBe(4);
		expect(sandboxes.identity.counters.snapshot()).toMatchObject({ refreshToken: 3 });
		// The first refresh token was revoked when the second was issued: only the newest works.
		expect(sandboxes.identity.refreshTokens.isActive(tokens[0])).toBe(false);
		expect(sandboxes.identity.refreshTokens.isActive(tokens[3])).toBe(true);
	});
});
