import { randomBytes } from 'node:crypto';

import type { GraphBed } from '../../helpers/microsoft';
import { ada, bytesOf, invoices, jsonOf, sha256, startGraphBed } from '../../helpers/microsoft';

describe('Microsoft Graph Mail: get a message and its attachments', () => {
	let bed: GraphBed;
	let id: string;
	const scan = randomBytes(700 * 1024);
	const csv = Buffer.from('item;amount\r\nconsulting;1200\r\n');
	beforeEach(async () => {
		bed = await startGraphBed();
		id = bed.sandboxes.graph.mail.deliver({
			subject: 'Invoice 42',
			body: { contentType: 'html', content: '<p>Dear <b>Invoices</b>,</p><p>see attached.</p>' },
			from: { address: ada.address, name: 'Ada Lovelace' },
			to: [invoices.address],
			importance: 'high',
			categories: ['Billing'],
			attachments: [
				{ name: 'scan.pdf', content: scan, contentType: 'application/pdf' },
				{ name: 'lines.csv', content: csv, contentType: 'text/csv' },
			],
		}).id;
	});
	afterEach(async () => await bed.close());

	const get = (parameters: Record<string, unknown> = {}) =>
		bed.run({ resource: 'message', operation: 'get', messageId: id, ...parameters });

	it('gets a message, simplified', async () => {
		const execution = await get();
		expect(execution.error).toBeUndefined();
		const [message] = jsonOf(execution);
		expect(message).toEqual({
			id,
			subject: 'Invoice 42',
			from: ada.address,
			fromName: 'Ada Lovelace',
			to: [invoices.address],
			cc: [],
			replyTo: [],
			receivedDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
			sentDateTime: expect.any(String),
			isRead: false,
			isDraft: false,
			hasAttachments: true,
			importance: 'high',
			categories: ['Billing'],
			flagStatus: 'notFlagged',
			bodyPreview: 'Dear Invoices, see attached.',
			bodyType: 'html',
			body: '<p>Dear <b>Invoices</b>,</p><p>see attached.</p>',
			conversationId: expect.any(String),
			internetMessageId: expect.stringMatching(/^<.+@.+>$/),
			parentFolderId: expect.any(String),
			webLink: expect.stringContaining('outlook.office365.com'),
		});
		expect(execution.output()[0].binary).toBeUndefined();
	});

	it('gets a message raw, as Graph shapes it, without @odata annotations', async () => {
		const [message] = jsonOf(await get({ output: 'raw' }));
		expect(message).toMatchObject({
			id,
			from: { emailAddress: { address: ada.address, name: 'Ada Lovelace' } },
			toRecipients: [{ emailAddress: { address: invoices.address } }],
			body: { contentType: 'html' },
			flag: { flagStatus: 'notFlagged' },
			changeKey: expect.any(String),
		});
		expect(Object.keys(message).filter((key) => key.startsWith('@'))).toEqual([]);
	});

	it('gets only the chosen fields, and the body as text', async () => {
		const fields = jsonOf(
			await get({ output: 'raw', options: { fields: 'subject, importance' } }),
		)[0];
		expect(fields).toEqual({ id, subject: 'Invoice 42', importance: 'high' });
		const text = jsonOf(await get({ options: { bodyFormat: 'text' } }))[0];
		expect(text).toMatchObject({ bodyType: 'text', body: 'Dear Invoices,\r\nsee attached.' });
	});

	it('downloads the attachments as binary properties with their names, types and bytes', async () => {
		const execution = await get({ options: { downloadAttachments: true, binaryPrefix: 'file_' } });
		expect(execution.error).toBeUndefined();
		const binary = execution.output()[0].binary ?? {};
		expect(Object.keys(binary)).toEqual(['file_0', 'file_1']);
		expect(binary.file_0).toMatchObject({ fileName: 'scan.pdf', mimeType: 'application/pdf' });
		expect(binary.file_1).toMatchObject({ fileName: 'lines.csv', mimeType: 'text/csv' });
		expect(sha256(await bytesOf(binary.file_0))).toBe(sha256(scan));
		expect((await bytesOf(binary.file_1)).equals(csv)).toBe(true);

		const defaults = await get({ options: { downloadAttachments: true } });
		expect(Object.keys(defaults.output()[0].binary ?? {})).toEqual([
			'attachment_0',
			'attachment_1',
		]);
	});

	it('lists the attachments without their content', async () => {
		const execution = await bed.run({
			resource: 'attachment',
			operation: 'getMany',
			messageId: id,
		});
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)).toEqual([
			{
				id: expect.any(String),
				messageId: id,
				name: 'scan.pdf',
				contentType: 'application/pdf',
				size: scan.length,
				isInline: false,
				lastModifiedDateTime: expect.any(String),
			},
			expect.objectContaining({ name: 'lines.csv', contentType: 'text/csv', size: csv.length }),
		]);
		expect(JSON.stringify(jsonOf(execution))).not.toContain('contentBytes');
	});

	it('downloads one attachment into the chosen binary field', async () => {
		const [, lines] = bed.sandboxes.graph.mail.message(invoices.address, id)!.attachments;
		const execution = await bed.run({
			resource: 'attachment',
			operation: 'download',
			messageId: id,
			attachmentId: lines.id,
			binaryPropertyName: 'csv',
		});
		expect(execution.error).toBeUndefined();
		const [item] = execution.output();
		expect(item.json).toEqual({
			id: lines.id,
			messageId: id,
			name: 'lines.csv',
			contentType: 'text/csv',
			size: csv.length,
		});
		expect(item.binary?.csv).toMatchObject({ fileName: 'lines.csv', mimeType: 'text/csv' });
		expect((await bytesOf(item.binary?.csv)).equals(csv)).toBe(true);
	});
});
