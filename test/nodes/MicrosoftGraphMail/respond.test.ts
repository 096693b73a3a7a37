import type { GraphBed } from '../../helpers/microsoft';
import { ada, grace, invoices, jsonOf, startGraphBed } from '../../helpers/microsoft';

describe('Microsoft Graph Mail: reply, reply all, forward', () => {
	let bed: GraphBed;
	let original: string;
	beforeEach(async () => {
		bed = await startGraphBed();
		original = bed.sandboxes.graph.mail.deliver({
			subject: 'Invoice 42',
			body: { contentType: 'html', content: '<p>Please find the invoice.</p>' },
			from: { address: ada.address, name: 'Ada Lovelace' },
			to: [invoices.address, 'accounts@example.com'],
			cc: [grace.address],
			attachments: [{ name: 'invoice.pdf', content: Buffer.from('%PDF-1.7 invoice') }],
		}).id;
	});
	afterEach(async () => await bed.close());

	const respond = (operation: string, parameters: Record<string, unknown> = {}) =>
		bed.run({ resource: 'message', operation, messageId: original, ...parameters });

	const inbox = (mailbox: string) => bed.sandboxes.graph.mail.messages(mailbox);
	const addresses = (recipients: unknown) =>
		(recipients as Array<{ emailAddress: { address: string } }>).map((r) => r.emailAddress.address);

	it('replies to the sender, with the comment above the quoted original', async () => {
		const execution = await respond('reply', { comment: 'Paid today.' });
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)).toEqual([{ replied: true, messageId: original }]);
		const [reply] = inbox(ada.address);
		expect(reply.subject).toBe('RE: Invoice 42');
		expect(addresses(reply.toRecipients)).toEqual([ada.address]);
		expect(addresses(reply.ccRecipients)).toEqual([]);
		expect(String((reply.body as { content: string }).content)).toMatch(
			/<div>Paid today\.<\/div><hr>.*Please find the invoice/,
		);
		expect(inbox(grace.address)).toEqual([]);
		expect(bed.sandboxes.graph.counters.snapshot()).toMatchObject({
			'requests.send': 1,
			messagesSent: 1,
			deliveries: 1,
		});
	});

	it('replies to everyone but the mailbox itself', async () => {
		const execution = await respond('replyAll', { comment: 'Noted.' });
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)).toEqual([{ replied: true, messageId: original }]);
		const [reply] = inbox(ada.address);
		expect(addresses(reply.toRecipients)).toEqual([ada.address, 'accounts@example.com']);
		expect(addresses(reply.ccRecipients)).toEqual([grace.address]);
		expect(inbox(grace.address).map((message) => message.subject)).toEqual(['RE: Invoice 42']);
		expect(bed.sandboxes.graph.mail.submissions()[0].deliveredTo.sort()).toEqual(
			[ada.address, grace.address].sort(),
		);
	});

	it('forwards to new recipients with the attachments', async () => {
		const execution = await respond('forward', {
			toRecipients: `${grace.address}; Ada <${ada.address}>`,
			comment: 'For your records.',
		});
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)).toEqual([{ forwarded: true, messageId: original }]);
		for (const mailbox of [ada.address, grace.address]) {
			const [forwarded] = inbox(mailbox);
			expect(forwarded.subject).toBe('FW: Invoice 42');
			expect(forwarded.hasAttachments).toBe(true);
			const stored = bed.sandboxes.graph.mail.message(mailbox, String(forwarded.id));
			expect(stored?.attachments.map((a) => a.bytes.toString())).toEqual(['%PDF-1.7 invoice']);
		}
		expect(bed.sandboxes.graph.counters.event('deliveries')).toBe(2);
	});

	it('names the message that does not exist', async () => {
		bed.sandboxes.graph.mail.remove(invoices.address, original);
		const execution = await respond('reply');
		expect(execution.error?.message).toBe(
			`Microsoft Graph: The specified object was not found in the store. (message ${original})`,
		);
		expect(execution.error?.description).toMatch(/A message's ID changes when it is moved/);
	});
});
