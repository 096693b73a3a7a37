import { startCaptureServer } from '../../../sandbox/shared/capture-server';
import type { GraphBed } from '../../helpers/microsoft';
import { startGraphBed } from '../../helpers/microsoft';
import { InvoiceMail, mailTriggerWorkflow } from '../../helpers/mail-trigger';

describe('Microsoft Graph Mail Trigger: the transport rules inside a poll', () => {
	let bed: GraphBed;
	afterEach(async () => await bed.close());

	it("gives up on a Graph that does not answer at the credential's timeout; the next poll emits the mail once", async () => {
		bed = await startGraphBed({ credential: { timeoutSeconds: 1 } });
		const poller = await bed.engine.activatePoller(mailTriggerWorkflow());
		const id = new InvoiceMail(bed).deliver();
		bed.sandboxes.graph.faults.hangNext({ endpoint: 'delta' });
		const hung = await poller.poll();
		expect(hung.error?.message).toBe(
			"Microsoft Graph did not answer within 1 s (the credential's Timeout)",
		);
		expect(hung.items).toBeNull();
		expect((await poller.poll()).items?.map((item) => item.json.id)).toEqual([id]);
	});

	it('follows no redirect to another host: the token stays home, and the mail comes with the next poll', async () => {
		bed = await startGraphBed();
		const poller = await bed.engine.activatePoller(mailTriggerWorkflow());
		const id = new InvoiceMail(bed).deliver();
		const elsewhere = await startCaptureServer();
		try {
			bed.sandboxes.graph.faults.redirectNext({
				location: `${elsewhere.url}/steal`,
				endpoint: 'delta',
			});
			const redirected = await poller.poll();
			expect(redirected.error?.message).toBe(
				`Microsoft Graph answered with a redirect (HTTP 307) to another server, ${elsewhere.url}. Requests that carry the credential do not follow redirects, so nothing was sent there.`,
			);
			expect(elsewhere.requests).toEqual([]);
			expect((await poller.poll()).items?.map((item) => item.json.id)).toEqual([id]);
		} finally {
			await elsewhere.close();
		}
	});
});
