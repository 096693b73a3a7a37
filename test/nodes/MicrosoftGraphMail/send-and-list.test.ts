import type { GraphBed } from '../../helpers/microsoft';
import { ada, invoices, startGraphBed } from '../../helpers/microsoft';

describe('Microsoft Graph Mail: send and list with the app credential', () => {
	let bed: GraphBed;
	beforeEach(async () => {
		bed = await startGraphBed();
	});
	afterEach(async () => await bed.close());

	it("sends a message that arrives in the recipient's inbox, then lists it", async () => {
		const sent = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'message',
					operation: 'send',
					toRecipients: ada.address,
					subject: 'Invoice 42',
					bodyContentType: 'html',
					bodyContent: '<p>Attached.</p>',
				}),
			],
		});
		expect(sent.error).toBeUndefined();
		expect(sent.output()[0].json).toMatchObject({ sent: true, to: [ada.address] });

		const listed = await bed.engine.run({
			nodes: [
				bed.node({
					mailbox: ada.address,
					resource: 'message',
					operation: 'getMany',
					folder: { __rl: true, mode: 'id', value: 'inbox' },
					returnAll: true,
				}),
			],
		});
		expect(listed.error).toBeUndefined();
		expect(listed.output().map((item) => item.json)).toEqual([
			expect.objectContaining({ subject: 'Invoice 42', from: invoices.address, to: [ada.address] }),
		]);
		expect(bed.sandboxes.identity.counters.snapshot()).toMatchObject({ clientCredentials: 1 });
	});
});
