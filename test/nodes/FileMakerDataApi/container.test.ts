import { randomBytes } from 'node:crypto';

import { startCaptureServer } from '../../../sandbox/shared/capture-server';
import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, layout, startTestBed } from '../../helpers/filemaker';

const contacts = layout('Contacts');

describe('Container', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	async function upload(bytes: Buffer, recordId = '4') {
		return await bed.engine.run({
			input: [
				{
					json: {},
					binary: {
						data: {
							data: bytes.toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'report.pdf',
						},
					},
				},
			],
			nodes: [
				bed.node({
					resource: 'container',
					operation: 'upload',
					layout: contacts,
					recordId,
					containerField: 'photo',
				}),
			],
		});
	}

	async function download(recordId = '4') {
		return await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'container',
					operation: 'download',
					layout: contacts,
					recordId,
					containerField: 'photo',
					binaryPropertyName: 'file',
				}),
			],
		});
	}

	it('uploads 5 MB and downloads the identical bytes (302 and cookie)', async () => {
		const bytes = randomBytes(5 * 1024 * 1024);
		const uploaded = await upload(bytes);
		expect(uploaded.error).toBeUndefined();
		expect(uploaded.output()[0].json).toMatchObject({
			recordId: '4',
			field: 'photo',
			fileName: 'report.pdf',
			fileSize: bytes.length,
		});
		expect(bed.fm.store.containerBytes(DATABASE, 'Contacts', 4, 'photo')?.equals(bytes)).toBe(true);

		const downloaded = await download();
		expect(downloaded.error).toBeUndefined();
		const [item] = downloaded.output();
		expect(item.json).toMatchObject({ recordId: '4', field: 'photo', mimeType: 'application/pdf' });
		const file = item.binary?.file;
		expect(file).toBeDefined();
		const { BinaryDataService } = await import('n8n-core');
		const { Container } = await import('@n8n/di');
		const received = await Container.get(BinaryDataService).getAsBuffer(file!);
		expect(received.length).toBe(bytes.length);
		expect(received.equals(bytes)).toBe(true);
		expect(bed.fm.counters.requests('downloadContainer')).toBe(2);
	});

	it('uploads after the session expired: one re-login, and the file arrives', async () => {
		await download('1').catch(() => undefined);
		bed.fm.faults.expireAllSessions();
		const uploaded = await upload(Buffer.from('%PDF-1.7 small'));
		expect(uploaded.error).toBeUndefined();
		expect(bed.fm.store.containerBytes(DATABASE, 'Contacts', 4, 'photo')?.toString()).toBe(
			'%PDF-1.7 small',
		);
		expect(bed.fm.counters.logins).toBe(2);
	});

	it('says so when the container is empty', async () => {
		const execution = await download('6');
		expect(execution.error?.message).toBe('The container field "photo" of record 6 is empty');
	});

	it('says which binary field is missing from the input item', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'container',
					operation: 'upload',
					layout: contacts,
					recordId: '4',
					containerField: 'photo',
					binaryPropertyName: 'attachment',
				}),
			],
		});
		expect(execution.error?.message).toMatch(/attachment/);
		expect(bed.fm.counters.requests('uploadContainer')).toBe(0);
	});

	it('never follows the download redirect to another host: no cookie, no token leaves', async () => {
		const elsewhere = await startCaptureServer();
		try {
			expect((await upload(randomBytes(1024))).error).toBeUndefined();
			bed.fm.faults.redirectNext({
				location: `${elsewhere.url}/Streaming_SSL/file.pdf`,
				status: 302,
				endpoint: 'downloadContainer',
			});
			const execution = await download();
			expect(execution.error?.message).toMatch(
				/^The container download redirect points at http:\/\/127\.0\.0\.1:\d+, not at the credential's server .*; it was not fetched$/,
			);
			expect(elsewhere.requests).toEqual([]);
		} finally {
			await elsewhere.close();
		}
	});

	it('stops at the Max File Size option, and streams files below it whole', async () => {
		const bytes = randomBytes(3 * 1024 * 1024);
		expect((await upload(bytes)).error).toBeUndefined();
		const capped = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'container',
					operation: 'download',
					layout: contacts,
					recordId: '4',
					containerField: 'photo',
					binaryPropertyName: 'file',
					options: { maxFileSizeMb: 2 },
				}),
			],
		});
		expect(capped.error?.message).toMatch(
			/larger than 2 MB, the limit of the "Max File Size \(MB\)" option/,
		);

		const whole = await download();
		expect(whole.error).toBeUndefined();
		expect(whole.output()[0].json.fileSize).toBe(bytes.length);
	});

	it('a Create or Update passes the input files on, and an item without one passes the upload unchanged', async () => {
		const pdf = Buffer.from('%PDF-1.7 invoice');
		const execution = await bed.engine.run({
			input: [
				{
					json: { email: 'with.file@example.com' },
					binary: {
						attachment_0: {
							data: pdf.toString('base64'),
							mimeType: 'application/pdf',
							fileName: 'invoice.pdf',
						},
					},
				},
				{ json: { email: 'without.file@example.com' } },
			],
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'upsert',
					layout: contacts,
					dataMode: 'json',
					fieldData: '={{ JSON.stringify({ email: $json.email }) }}',
					matchFields: ['email'],
				}),
				{
					...bed.node({
						resource: 'container',
						operation: 'upload',
						layout: contacts,
						recordId: '={{ $json.recordId }}',
						containerField: 'photo',
						binaryPropertyName: 'attachment_0',
						ifNoFile: 'passOn',
					}),
					name: 'Upload',
				},
			],
		});
		expect(execution.error).toBeUndefined();
		const [uploaded, passed] = execution.output('Upload');
		expect(uploaded.json).toMatchObject({
			fileName: 'invoice.pdf',
			fileSize: pdf.length,
			field: 'photo',
		});
		expect(passed.json).toMatchObject({ action: 'created', recordId: expect.any(String) });
		expect(passed.binary).toBeUndefined();
		const withFile = bed.fm.store
			.records(DATABASE, 'Contacts')
			.find((record) => record.fields.email === 'with.file@example.com');
		expect(String(withFile?.fields.photo)).toMatch(/invoice\.pdf/);
	});
});
