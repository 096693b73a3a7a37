import { CredentialTestContext } from 'n8n-core';

import { MicrosoftGraphMail } from '../../../nodes/MicrosoftGraphMail/MicrosoftGraphMail.node';
import { startCaptureServer } from '../../../sandbox/shared/capture-server';
import type { GraphBed } from '../../helpers/microsoft';
import {
	ada,
	folderById,
	grace,
	graphCredentialData,
	invoices,
	startGraphBed,
	startNextLinkRewriter,
} from '../../helpers/microsoft';

const inbox = {
	resource: 'message',
	operation: 'getMany',
	folder: folderById('inbox'),
	returnAll: true,
};

describe('Microsoft Graph Mail: the access policy, Continue On Fail and paired items', () => {
	let bed: GraphBed;
	beforeEach(async () => {
		bed = await startGraphBed();
		const { mail } = bed.sandboxes.graph;
		mail.deliver({ subject: 'for invoices 1', to: [invoices.address] });
		mail.deliver({ subject: 'for invoices 2', to: [invoices.address] });
		mail.deliver({ subject: 'for grace', to: [grace.address] });
		mail.deliver({ subject: 'for ada', to: [ada.address] });
	});
	afterEach(async () => await bed.close());

	it("a mailbox outside the app's access policy: 403 with a hint about the policy", async () => {
		const execution = await bed.run({ ...inbox, mailbox: grace.address });
		expect(execution.error?.message).toBe(
			'Microsoft Graph: Access to OData is disabled. (folder "inbox")',
		);
		expect(execution.error?.description).toMatch(/Exchange application access policy/);
		expect((execution.error as { httpCode?: string }).httpCode).toBe('403');
	});

	it('Continue On Fail: an error item with graphCode in place, pairedItem on every item', async () => {
		const execution = await bed.engine.run({
			input: [invoices, grace, ada].map((mailbox) => ({ json: { mailbox: mailbox.address } })),
			nodes: [bed.node({ ...inbox, mailbox: '={{ $json.mailbox }}' }, { continueOnFail: true })],
		});
		expect(execution.error).toBeUndefined();
		const output = execution.output();
		expect(
			output.map((item) => [item.pairedItem, item.json.subject ?? item.json.graphCode]),
		).toEqual([
			[{ item: 0 }, 'for invoices 2'],
			[{ item: 0 }, 'for invoices 1'],
			[{ item: 1 }, 'ErrorAccessDenied'],
			[{ item: 2 }, 'for ada'],
		]);
		expect(output[2].json).toEqual({
			error: 'Microsoft Graph: Access to OData is disabled. (folder "inbox")',
			hint: expect.stringMatching(/access policy/),
			graphCode: 'ErrorAccessDenied',
		});
	});

	it('pairs every item of every operation with its input item', async () => {
		const ids = bed.sandboxes.graph.mail
			.messages(invoices.address)
			.map((message) => String(message.id));
		const execution = await bed.engine.run({
			input: ids.map((id) => ({ json: { id } })),
			nodes: [
				bed.node({ resource: 'message', operation: 'markRead', messageId: '={{ $json.id }}' }),
			],
		});
		expect(execution.output().map((item) => [item.pairedItem, item.json.id])).toEqual(
			ids.map((id, index) => [{ item: index }, id]),
		);
		const folders = await bed.engine.run({
			input: [{ json: {} }, { json: {} }],
			nodes: [bed.node({ resource: 'folder', operation: 'getMany', includeChildFolders: false })],
		});
		const pairs = folders.output().map((item) => (item.pairedItem as { item: number }).item);
		expect(pairs).toEqual([...Array(8).fill(0), ...Array(8).fill(1)]);
	});
});

describe('Microsoft Graph Mail: transport rules', () => {
	let bed: GraphBed;
	afterEach(async () => await bed.close());

	it('refuses a nextLink on another host before anything is sent there', async () => {
		bed = await startGraphBed();
		for (let i = 0; i < 1001; i++) {
			bed.sandboxes.graph.mail.deliver({ subject: `m${i}`, to: [invoices.address] });
		}
		const elsewhere = await startCaptureServer();
		const gateway = await startNextLinkRewriter(bed.sandboxes.graph.url, elsewhere.url);
		try {
			await bed.editCredential({ graphEndpoint: gateway.url });
			const execution = await bed.run(inbox);
			expect(execution.error?.message).toBe(
				`Microsoft Graph gave a next-page link on another host (${elsewhere.url}); it was not followed`,
			);
			expect(execution.error?.description).toBe(
				'Paging links are followed only on the Graph host of the credential.',
			);
			expect(bed.sandboxes.graph.counters.requests('list')).toBe(1);
			expect(elsewhere.requests).toEqual([]);
		} finally {
			await Promise.all([gateway.close(), elsewhere.close()]);
		}
	});

	it('gives up on a Graph that does not answer, naming the timeout', async () => {
		bed = await startGraphBed({ credential: { timeoutSeconds: 1 } });
		bed.sandboxes.graph.faults.hangNext({ endpoint: 'list' });
		const execution = await bed.run(inbox);
		expect(execution.error?.message).toBe(
			"Microsoft Graph did not answer within 1 s (the credential's Timeout)",
		);
		expect(execution.error?.description).toMatch(/raise "Timeout \(Seconds\)" in the credential/);
	});

	it('gives up on a token endpoint that does not answer, naming the timeout', async () => {
		bed = await startGraphBed({ credential: { timeoutSeconds: 1 } });
		bed.sandboxes.identity.faults.hangNext({ endpoint: 'token', count: 2 });
		const execution = await bed.run(inbox);
		const timeout =
			"The Microsoft identity platform did not answer within 1 s (the credential's Timeout)";
		expect(execution.error?.message).toBe(timeout);
		expect(execution.error?.description).toMatch(/raise "Timeout \(Seconds\)" in the credential/);
		expect(bed.sandboxes.graph.counters.requests()).toBe(0);

		// The credential test (n8n's legacy request helper) says the same.
		const test = await new MicrosoftGraphMail().methods.credentialTest.microsoftGraphAppToken.call(
			new CredentialTestContext(),
			{
				id: 'x',
				name: 'x',
				type: 'microsoftGraphAppApi',
				data: graphCredentialData(bed.sandboxes, { timeoutSeconds: 1 }),
			},
		);
		expect(test).toEqual({ status: 'Error', message: expect.stringContaining(timeout) });
	});

	it('refuses a redirect from Graph: nothing (no token) reaches the other host', async () => {
		bed = await startGraphBed();
		const elsewhere = await startCaptureServer();
		try {
			bed.sandboxes.graph.faults.redirectNext({
				location: `${elsewhere.url}/steal`,
				endpoint: 'send',
			});
			const execution = await bed.run({
				resource: 'message',
				operation: 'send',
				toRecipients: ada.address,
				subject: 'x',
			});
			expect(execution.error?.message).toBe(
				`Microsoft Graph answered with a redirect (HTTP 307) to another server, ${elsewhere.url}. Requests that carry the credential do not follow redirects, so nothing was sent there.`,
			);
			expect(elsewhere.requests).toEqual([]);
			expect(bed.sandboxes.graph.counters.event('messagesSent')).toBe(0);
		} finally {
			await elsewhere.close();
		}
	});

	it('refuses a redirect from the token endpoint: the secret never reaches the other host', async () => {
		bed = await startGraphBed();
		const elsewhere = await startCaptureServer();
		try {
			bed.sandboxes.identity.faults.redirectNext({
				location: `${elsewhere.url}/token`,
				endpoint: 'token',
			});
			const execution = await bed.run(inbox);
			expect(execution.error?.message).toBe(
				`The Microsoft identity platform answered with a redirect (HTTP 307) to another server, ${elsewhere.url}. Requests that carry the credential do not follow redirects, so nothing was sent there.`,
			);
			expect(elsewhere.requests).toEqual([]);
			expect(bed.sandboxes.graph.counters.requests()).toBe(0);
		} finally {
			await elsewhere.close();
		}
	});
});
