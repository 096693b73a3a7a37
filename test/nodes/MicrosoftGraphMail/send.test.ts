import { randomBytes } from 'node:crypto';

import type { GraphBed } from '../../helpers/microsoft';
import {
	ada,
	grace,
	invoices,
	itemWithFiles,
	jsonOf,
	sha256,
	startGraphBed,
} from '../../helpers/microsoft';

const MIB = 1024 * 1024;

const send = (parameters: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	toRecipients: ada.address,
	subject: 'Invoice 42',
	bodyContentType: 'html',
	bodyContent: '<p>Attached.</p>',
	...parameters,
});

const pdf = (bytes: Buffer, fileName = 'invoice.pdf') => ({
	bytes,
	fileName,
	mimeType: 'application/pdf',
});

describe('Microsoft Graph Mail: send', () => {
	let bed: GraphBed;
	beforeEach(async () => (bed = await startGraphBed()));
	afterEach(async () => await bed.close());

	const inbox = (mailbox: string) => bed.sandboxes.graph.mail.messages(mailbox);
	const sentItems = () => bed.sandboxes.graph.mail.sent(invoices.address);

	it('sends HTML to To, Cc and Bcc with Reply To and importance; Bcc stays hidden', async () => {
		const execution = await bed.run(
			send({
				toRecipients: `Ada Lovelace <${ada.address}>`,
				additionalFields: {
					ccRecipients: 'someone@example.com',
					bccRecipients: grace.address,
					replyTo: 'billing@contoso.example',
					importance: 'high',
				},
			}),
		);
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)).toEqual([
			{ sent: true, subject: 'Invoice 42', to: [ada.address], attachments: [] },
		]);
		const [received] = inbox(ada.address);
		expect(received).toMatchObject({
			subject: 'Invoice 42',
			importance: 'high',
			isRead: false,
			body: { contentType: 'html', content: '<p>Attached.</p>' },
			from: { emailAddress: { address: invoices.address } },
			toRecipients: [{ emailAddress: { address: ada.address, name: 'Ada Lovelace' } }],
			ccRecipients: [{ emailAddress: { address: 'someone@example.com' } }],
			bccRecipients: [],
			replyTo: [{ emailAddress: { address: 'billing@contoso.example' } }],
		});
		// Bcc: Grace got her copy, without a Bcc line; the sender's Sent Items keeps it.
		expect(inbox(grace.address)).toEqual([
			expect.objectContaining({ subject: 'Invoice 42', bccRecipients: [] }),
		]);
		expect(sentItems()).toEqual([
			expect.objectContaining({
				bccRecipients: [{ emailAddress: expect.objectContaining({ address: grace.address }) }],
			}),
		]);
		const [submission] = bed.sandboxes.graph.mail.submissions();
		expect(submission.deliveredTo.sort()).toEqual([ada.address, grace.address].sort());
		expect(bed.sandboxes.graph.counters.snapshot()).toMatchObject({
			'requests.send': 1,
			messagesSent: 1,
		});
	});

	it('sends a text body as text', async () => {
		const execution = await bed.run(
			send({ bodyContentType: 'text', bodyContent: 'Line one\nLine <two>' }),
		);
		expect(execution.error).toBeUndefined();
		expect(inbox(ada.address)[0].body).toEqual({
			contentType: 'text',
			content: 'Line one\nLine <two>',
		});
	});

	it('keeps a copy in Sent Items unless Save to Sent Items is off', async () => {
		await bed.run(send({ subject: 'kept' }));
		await bed.run(send({ subject: 'not kept', additionalFields: { saveToSentItems: false } }));
		expect(sentItems().map((message) => message.subject)).toEqual(['kept']);
		expect(inbox(ada.address).map((message) => message.subject)).toEqual(['not kept', 'kept']);
	});

	it('sends small attachments inline in one sendMail request', async () => {
		const invoice = randomBytes(200 * 1024);
		const note = Buffer.from('Paid in full, thank you.');
		const execution = await bed.run(send({ additionalFields: { attachments: 'data, note' } }), {
			input: [
				itemWithFiles({
					data: pdf(invoice),
					note: { bytes: note, fileName: 'note.txt', mimeType: 'text/plain' },
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)[0].attachments).toEqual([
			{ name: 'invoice.pdf', size: invoice.length },
			{ name: 'note.txt', size: note.length },
		]);
		const [received] = inbox(ada.address);
		const stored = bed.sandboxes.graph.mail.message(ada.address, String(received.id));
		expect(
			stored?.attachments.map(({ name, contentType, bytes }) => [name, contentType, sha256(bytes)]),
		).toEqual([
			['invoice.pdf', 'application/pdf', sha256(invoice)],
			['note.txt', 'text/plain', sha256(note)],
		]);
		expect(bed.sandboxes.graph.counters.snapshot()).toMatchObject({
			requests: 1,
			'requests.send': 1,
		});
	});

	it('sends more than 3 MB of attachments through a draft and an upload session', async () => {
		const large = randomBytes(5 * MIB + 123);
		const small = randomBytes(64 * 1024);
		const execution = await bed.run(send({ additionalFields: { attachments: 'large, small' } }), {
			input: [itemWithFiles({ large: pdf(large, 'scan.pdf'), small: pdf(small, 'cover.pdf') })],
		});
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)[0]).toMatchObject({ sent: true, to: [ada.address] });
		const [received] = inbox(ada.address);
		const stored = bed.sandboxes.graph.mail.message(ada.address, String(received.id));
		expect(stored?.attachments.map(({ name, bytes }) => [name, sha256(bytes)])).toEqual([
			['scan.pdf', sha256(large)],
			['cover.pdf', sha256(small)],
		]);
		const counters = bed.sandboxes.graph.counters;
		expect(counters.snapshot()).toMatchObject({
			'requests.create': 1,
			'requests.send': 1,
			messagesSent: 1,
			uploadsCompleted: 1,
		});
		// Two chunks of at most 3.125 MiB (multiples of 320 KiB but the last).
		expect(counters.requests('upload')).toBe(2);
		// Nothing half-made stays behind; the sent message is kept in Sent Items.
		expect(bed.sandboxes.graph.mail.messages(invoices.address, 'drafts')).toEqual([]);
		expect(sentItems()).toHaveLength(1);
	});

	it('sends attachments of exactly 3 MB in all (two files of 1.5 MB, or one of 3 MB)', async () => {
		const half = () => pdf(randomBytes(1.5 * MIB), 'half.pdf');
		const two = await bed.run(send({ subject: 'two', additionalFields: { attachments: 'a, b' } }), {
			input: [itemWithFiles({ a: half(), b: half() })],
		});
		expect(two.error).toBeUndefined();
		const whole = randomBytes(3 * MIB);
		const one = await bed.run(send({ subject: 'one', additionalFields: { attachments: 'a' } }), {
			input: [itemWithFiles({ a: pdf(whole) })],
		});
		expect(one.error).toBeUndefined();
		const received = inbox(ada.address);
		expect(received.map((message) => message.subject)).toEqual(['one', 'two']);
		const stored = bed.sandboxes.graph.mail.message(ada.address, String(received[0].id));
		expect(sha256(stored!.attachments[0].bytes)).toBe(sha256(whole));
		expect(bed.sandboxes.graph.counters.event('messagesSent')).toBe(2);
	});

	it('deletes the draft again when an upload fails half-way, and sends nothing', async () => {
		bed.sandboxes.graph.faults.failNext({ status: 500, endpoint: 'upload' });
		const execution = await bed.run(send({ additionalFields: { attachments: 'large' } }), {
			input: [itemWithFiles({ large: pdf(randomBytes(4 * MIB)) })],
		});
		expect(execution.error?.message).toMatch(/^Microsoft Graph: /);
		expect(bed.sandboxes.graph.mail.messages(invoices.address, 'drafts')).toEqual([]);
		expect(bed.sandboxes.graph.counters.event('messagesSent')).toBe(0);
		expect(inbox(ada.address)).toEqual([]);
	});

	it('names a missing binary property, a bad address and a missing recipient before sending', async () => {
		const missing = await bed.run(send({ additionalFields: { attachments: 'nope' } }), {
			input: [itemWithFiles({ data: pdf(Buffer.from('x')) })],
		});
		expect(missing.error?.message).toBe('The item has no binary property "nope" to attach');
		expect(missing.error?.description).toBe('Its binary properties are: data.');
		const bad = await bed.run(send({ toRecipients: 'ada at contoso' }));
		expect(bad.error?.message).toBe('"ada at contoso" in To is not an email address');
		const none = await bed.run(send({ toRecipients: ' , ' }));
		expect(none.error?.message).toBe('The message has no recipient');
		expect(bed.sandboxes.graph.counters.requests()).toBe(0);
	});
});

describe('Microsoft Graph Mail: create draft', () => {
	let bed: GraphBed;
	beforeEach(async () => (bed = await startGraphBed()));
	afterEach(async () => await bed.close());

	it('creates a draft with small and large attachments, simplified and raw', async () => {
		const large = randomBytes(4 * MIB);
		const small = Buffer.from('a small note');
		const execution = await bed.run(
			{
				resource: 'message',
				operation: 'createDraft',
				toRecipients: ada.address,
				subject: 'Draft 7',
				bodyContentType: 'text',
				bodyContent: 'To be checked',
				additionalFields: { attachments: 'large, small', ccRecipients: grace.address },
			},
			{
				input: [
					itemWithFiles({
						large: pdf(large, 'big.pdf'),
						small: { bytes: small, fileName: 'note.txt', mimeType: 'text/plain' },
					}),
				],
			},
		);
		expect(execution.error).toBeUndefined();
		const [draft] = jsonOf(execution);
		expect(draft).toMatchObject({
			id: expect.any(String),
			subject: 'Draft 7',
			isDraft: true,
			to: [ada.address],
			cc: [grace.address],
			from: invoices.address,
			// Graph answers with HTML bodies unless asked otherwise; the draft keeps the text.
			bodyType: 'html',
			body: expect.stringContaining('<div>To be checked</div>'),
		});
		const stored = bed.sandboxes.graph.mail.message(invoices.address, String(draft.id));
		expect((stored as { body?: unknown } | undefined)?.body).toEqual({
			contentType: 'text',
			content: 'To be checked',
		});
		expect(stored?.attachments.map(({ name, bytes }) => [name, sha256(bytes)])).toEqual([
			['big.pdf', sha256(large)],
			['note.txt', sha256(small)],
		]);
		expect(bed.sandboxes.graph.counters.event('messagesSent')).toBe(0);

		const raw = await bed.run({
			resource: 'message',
			operation: 'createDraft',
			toRecipients: ada.address,
			subject: 'Raw draft',
			output: 'raw',
		});
		expect(jsonOf(raw)[0]).toMatchObject({
			subject: 'Raw draft',
			isDraft: true,
			toRecipients: [{ emailAddress: { address: ada.address } }],
			body: { contentType: 'html', content: '' },
		});
		expect(Object.keys(jsonOf(raw)[0]).some((key) => key.startsWith('@odata'))).toBe(false);
		expect(
			bed.sandboxes.graph.mail.messages(invoices.address, 'drafts').map((m) => m.subject),
		).toEqual(['Raw draft', 'Draft 7']);
	});
});
