import { startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { odata } from './odata-client';

const CRLF = '\r\n';

function httpPart(request: string, body?: unknown): string {
	const lines = [
		'Content-Type: application/http',
		'Content-Transfer-Encoding: binary',
		'',
		request,
	];
	if (body === undefined) return [...lines, '', ''].join(CRLF);
	return [...lines, 'Content-Type: application/json', '', JSON.stringify(body)].join(CRLF);
}

function multipart(boundary: string, parts: string[]): string {
	return (
		parts.map((part) => `--${boundary}${CRLF}${part}${CRLF}`).join('') + `--${boundary}--${CRLF}`
	);
}

function changeset(boundary: string, parts: string[]): string {
	return `Content-Type: multipart/mixed; boundary=${boundary}${CRLF}${CRLF}${multipart(boundary, parts)}`;
}

describe('FileMaker sandbox: OData $batch', () => {
	let fm: FileMakerSandbox;

	beforeEach(async () => {
		fm = await startFileMakerSandbox();
	});
	afterEach(() => fm.close());

	const send = (body: string, prefer?: string) =>
		odata(fm, 'POST', '/$batch', {
			body,
			headers: {
				'Content-Type': 'multipart/mixed; boundary=batch_1',
				...(prefer ? { Prefer: prefer } : {}),
			},
		});

	it('runs reads and a changeset in order and answers multipart/mixed', async () => {
		const body = multipart('batch_1', [
			httpPart('GET Contacts(1)?$select=firstName HTTP/1.1'),
			changeset('changeset_a', [
				httpPart('POST Log HTTP/1.1', { message: 'from batch' }),
				httpPart('PATCH /fmi/odata/v4/Contacts/Contacts(2) HTTP/1.1', { status: 'VIP' }),
			]),
		]);
		const answer = await send(body);
		expect(answer.status).toBe(200);
		const boundary = /boundary=(\S+)/.exec(answer.headers.get('content-type') ?? '')?.[1];
		expect(boundary).toMatch(/^batchresponse_/);
		expect(answer.text).toContain('HTTP/1.1 200 OK');
		expect(answer.text).toContain('"firstName":"Ada"');
		expect(answer.text).toContain('HTTP/1.1 201 Created');
		expect(answer.text).toContain('HTTP/1.1 204 No Content');
		expect(answer.text).toMatch(/Content-Type: multipart\/mixed; boundary=changesetresponse_/);
		expect(fm.store.record('Contacts', 'Contacts', 2)?.fields.status).toBe('VIP');
		expect(
			fm.store.records('Contacts', 'Log').some((row) => row.fields.message === 'from batch'),
		).toBe(true);
		expect(fm.counters.requests('odataBatch')).toBe(1);
	});

	it('rolls back a changeset whose later request fails and answers that failure', async () => {
		const logsBefore = fm.store.count('Contacts', 'Log');
		const phonesBefore = fm.store.count('Contacts', 'Phones');
		const body = multipart('batch_1', [
			changeset('changeset_b', [
				httpPart('POST Log HTTP/1.1', { message: 'rolled back' }),
				httpPart('PATCH Contacts(3) HTTP/1.1', { status: 'Changed' }),
				httpPart('DELETE Contacts(4) HTTP/1.1'),
				httpPart('PATCH Contacts(9999) HTTP/1.1', { status: 'x' }),
			]),
			httpPart('GET Contacts(1) HTTP/1.1'),
		]);
		const statusBefore = fm.store.record('Contacts', 'Contacts', 3)?.fields.status;
		const answer = await send(body);
		expect(answer.status).toBe(200);
		expect(answer.text).toContain('HTTP/1.1 404 Not Found');
		expect(answer.text).toContain('"code":"-1023"');
		expect(answer.text).not.toContain('201 Created');
		// The batch stops after the failed changeset without odata.continue-on-error.
		expect(answer.text).not.toContain('"firstName":"Ada"');
		expect(fm.store.count('Contacts', 'Log')).toBe(logsBefore);
		expect(fm.store.record('Contacts', 'Contacts', 3)?.fields.status).toBe(statusBefore);
		expect(fm.store.record('Contacts', 'Contacts', 4)).toBeDefined();
		// Deleting contact 4 also deleted its phones; the rollback brings them back.
		expect(fm.store.count('Contacts', 'Phones')).toBe(phonesBefore);

		const next = await odata(fm, 'POST', '/Log', { body: { message: 'after' } });
		expect(next.status).toBe(201);

		const continued = await send(body, 'odata.continue-on-error');
		expect(continued.text).toContain('"firstName":"Ada"');
	});

	it('refuses a batch without a multipart boundary', async () => {
		const answer = await odata(fm, 'POST', '/$batch', { body: '{}' });
		expect(answer.status).toBe(400);
	});
});
