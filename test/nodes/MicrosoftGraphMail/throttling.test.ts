import type { INodeExecutionData } from 'n8n-workflow';

import type { GraphBed } from '../../helpers/microsoft';
import { ada, folderById, invoices, jsonOf, startGraphBed } from '../../helpers/microsoft';

const SENDS = 8;

describe('Microsoft Graph Mail: a 429 storm', () => {
	let bed: GraphBed;
	afterEach(async () => await bed.close());

	it('every 2nd request throttled (Retry-After 1 s): sends, lists and patches all complete, nothing sent twice', async () => {
		bed = await startGraphBed({ credential: { busyRetries: 8 } });
		const { graph } = bed.sandboxes;
		const toFile = Array.from(
			{ length: 6 },
			(_, i) => graph.mail.deliver({ subject: `To file ${i}`, to: [invoices.address] }).id,
		);
		for (let i = 0; i < 25; i++) {
			graph.mail.deliver({ subject: `Old ${i}`, to: [invoices.address] }, { folder: 'archive' });
		}
		graph.faults.throttleEvery(2, { retryAfterSeconds: 1 });

		const sendItems: INodeExecutionData[] = Array.from({ length: SENDS }, (_, i) => ({
			json: { subject: `Storm ${i}` },
		}));
		const [sent, listed, marked] = await Promise.all([
			bed.engine.run({
				input: sendItems,
				nodes: [
					bed.node({
						resource: 'message',
						operation: 'send',
						toRecipients: ada.address,
						subject: '={{ $json.subject }}',
						bodyContent: 'x',
					}),
				],
			}),
			bed.run({
				resource: 'message',
				operation: 'getMany',
				folder: folderById('archive'),
				returnAll: true,
			}),
			bed.engine.run({
				input: toFile.map((id) => ({ json: { id } })),
				nodes: [
					bed.node({ resource: 'message', operation: 'markRead', messageId: '={{ $json.id }}' }),
				],
			}),
		]);
		graph.faults.stopThrottling();

		expect([sent.error, listed.error, marked.error]).toEqual([undefined, undefined, undefined]);
		expect(jsonOf(sent)).toHaveLength(SENDS);
		expect(jsonOf(listed)).toHaveLength(25);
		expect(jsonOf(marked).every((message) => message.isRead === true)).toBe(true);
		expect(graph.mail.messages(invoices.address).every((message) => message.isRead)).toBe(true);

		const counters = graph.counters.snapshot();
		expect(counters.throttled).toBeGreaterThanOrEqual(8);
		// Each send item sent exactly once: a throttled sendMail was not carried out.
		expect(counters.messagesSent).toBe(SENDS);
		expect(counters.deliveries).toBe(SENDS);
		const subjects = graph.mail.messages(ada.address).map((message) => message.subject);
		expect(subjects.sort()).toEqual(sendItems.map((item) => String(item.json.subject)).sort());
		// 15 requests of work (8 sendMail, 1 page, 6 PATCH), each throttled one sent once more.
		expect(counters.requests).toBe(SENDS + 1 + toFile.length + counters.throttled);
	}, 60_000);

	it('gives up when Graph asks for a longer wait than the credential allows, naming both', async () => {
		bed = await startGraphBed({ credential: { maxRetryWaitSeconds: 5 } });
		bed.sandboxes.graph.faults.throttleNext({ retryAfterSeconds: 30, endpoint: 'send' });
		const execution = await bed.run({
			resource: 'message',
			operation: 'send',
			toRecipients: ada.address,
			subject: 'later',
		});
		expect(execution.error?.message).toBe(
			'Microsoft Graph is busy (HTTP 429) and asked to wait 30 s before a retry, longer than the 5 s the credential allows',
		);
		expect(bed.sandboxes.graph.counters.event('messagesSent')).toBe(0);
	});

	// Graph sends fractional Retry-After values ("Retry-After: 2.128" on its throttling page);
	// lib/http/retry-after.ts reads only whole seconds, so the wait falls back to its own
	// back-off (1 s) and the retry comes too early. Marked failing until that is fixed there.
	it('waits the fractional Retry-After Graph sends before the retry', async () => {
		bed = await startGraphBed();
		bed.sandboxes.graph.faults.throttleNext({ retryAfterSeconds: 2.5, endpoint: 'list' });
		const execution = await bed.run({
			resource: 'message',
			operation: 'getMany',
			folder: folderById('inbox'),
			limit: 1,
		});
		expect(execution.error).toBeUndefined();
		const [throttled, retried] = bed.sandboxes.graph.authLog.presented({ endpoint: 'list' });
		expect(retried.at - throttled.at).toBeGreaterThanOrEqual(2500);
	});
});
