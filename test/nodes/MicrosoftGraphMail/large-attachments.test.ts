import { randomBytes } from 'node:crypto';

import type { GraphBed } from '../../helpers/microsoft';
import {
	ada,
	bytesOf,
	invoices,
	itemWithFiles,
	jsonOf,
	sha256,
	startGraphBed,
} from '../../helpers/microsoft';

const MIB = 1024 * 1024;

describe('Microsoft Graph Mail: a 10 MB attachment through an upload session', () => {
	let bed: GraphBed;
	afterEach(async () => await bed.close());

	it('sends 10 MB and reads back identical bytes; the upload URL never gets a token', async () => {
		bed = await startGraphBed();
		const file = randomBytes(10 * MIB);
		const sent = await bed.run(
			{
				resource: 'message',
				operation: 'send',
				toRecipients: ada.address,
				subject: 'Scans',
				bodyContent: 'All pages.',
				additionalFields: { attachments: 'scan' },
			},
			{
				input: [
					itemWithFiles({ scan: { bytes: file, fileName: 'scan.tiff', mimeType: 'image/tiff' } }),
				],
			},
		);
		expect(sent.error).toBeUndefined();
		expect(jsonOf(sent)[0].attachments).toEqual([{ name: 'scan.tiff', size: file.length }]);

		const { graph } = bed.sandboxes;
		// 10 MiB in chunks of 10 × 320 KiB: 4 PUTs, none with an Authorization header.
		const uploads = graph.authLog.presented({ endpoint: 'upload' });
		expect(uploads.map((upload) => [upload.method, upload.scheme])).toEqual(
			Array(4).fill(['PUT', undefined]),
		);
		expect(graph.counters.snapshot()).toMatchObject({
			'requests.upload': 4,
			uploadsCompleted: 1,
			unauthorized: 0,
			messagesSent: 1,
		});
		// Every Graph request but the uploads carried the token.
		expect(
			graph.authLog
				.presented()
				.filter((entry) => entry.endpoint !== 'upload' && entry.scheme !== 'Bearer'),
		).toEqual([]);

		const [received] = graph.mail.messages(ada.address);
		const messageId = String(received.id);
		const get = await bed.run({
			mailbox: ada.address,
			resource: 'message',
			operation: 'get',
			messageId,
			options: { downloadAttachments: true },
		});
		expect(get.error).toBeUndefined();
		const attached = get.output()[0].binary?.attachment_0;
		expect(attached).toMatchObject({ fileName: 'scan.tiff', mimeType: 'image/tiff' });
		expect(sha256(await bytesOf(attached))).toBe(sha256(file));

		const [listed] = jsonOf(
			await bed.run({
				mailbox: ada.address,
				resource: 'attachment',
				operation: 'getMany',
				messageId,
			}),
		);
		expect(listed).toMatchObject({ name: 'scan.tiff', size: file.length });
		const download = await bed.run({
			mailbox: ada.address,
			resource: 'attachment',
			operation: 'download',
			messageId,
			attachmentId: String(listed.id),
		});
		expect(download.error).toBeUndefined();
		expect(sha256(await bytesOf(download.output()[0].binary?.data))).toBe(sha256(file));

		// The sender's copy in Sent Items holds the same bytes.
		const [kept] = graph.mail.sent(invoices.address);
		const stored = graph.mail.message(invoices.address, String(kept.id));
		expect(sha256(stored!.attachments[0].bytes)).toBe(sha256(file));
	});

	it('refuses an upload URL on an unexpected host before sending anything there', async () => {
		// Upload URLs on a second origin of the sandbox: http://127.0.0.1:<other port>, neither
		// the Graph host nor Outlook's https upload service.
		bed = await startGraphBed({ graph: { separateUploadOrigin: true } });
		const execution = await bed.run(
			{
				resource: 'message',
				operation: 'send',
				toRecipients: ada.address,
				subject: 'Scans',
				additionalFields: { attachments: 'scan' },
			},
			{
				input: [
					itemWithFiles({
						scan: {
							bytes: randomBytes(4 * MIB),
							fileName: 'scan.pdf',
							mimeType: 'application/pdf',
						},
					}),
				],
			},
		);
		expect(execution.error?.message).toBe(
			`Microsoft Graph gave an upload address on an unexpected host (${bed.sandboxes.graph.uploadOrigin}); nothing was sent there`,
		);
		expect(bed.sandboxes.graph.counters.requests('upload')).toBe(0);
		expect(bed.sandboxes.graph.counters.event('messagesSent')).toBe(0);
		expect(bed.sandboxes.graph.mail.messages(invoices.address, 'drafts')).toEqual([]);
	});
});
