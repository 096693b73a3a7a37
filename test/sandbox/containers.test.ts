import { randomBytes } from 'node:crypto';
import { request } from 'node:https';
import { startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { DataApi, errorOf, OK } from './data-api';

const FIVE_MB = 5 * 1024 * 1024;

function uploadForm(bytes: Buffer, fileName: string, type: string, part = 'upload'): FormData {
	const form = new FormData();
	form.append(part, new Blob([bytes], { type }), fileName);
	return form;
}

describe('FileMaker sandbox: containers', () => {
	let fm: FileMakerSandbox;
	let api: DataApi;

	beforeAll(async () => {
		fm = await startFileMakerSandbox();
		api = new DataApi(fm);
		await api.login();
	});
	afterAll(() => fm.close());

	const upload = (recordId: number, form: FormData, field = 'photo', repetition = '/1') =>
		fetch(
			api.url(api.layoutPath('Contacts', `/records/${recordId}/containers/${field}${repetition}`)),
			{
				method: 'POST',
				headers: { Authorization: `Bearer ${api.token}` },
				body: form,
			},
		);

	const photoUrl = async (recordId: number) =>
		String(
			(await api.get(api.layoutPath('Contacts', `/records/${recordId}`))).body.response.data![0]
				.fieldData.photo,
		);

	it('round-trips 5 MB through upload, streaming URL, 302 with a session cookie, and download', async () => {
		const bytes = randomBytes(FIVE_MB);
		const uploaded = await upload(1, uploadForm(bytes, 'portrait.png', 'image/png'));
		expect(uploaded.status).toBe(200);
		expect(await uploaded.json()).toEqual({ response: { modId: '1' }, messages: OK });
		expect(fm.store.containerBytes('Contacts', 'Contacts', 1, 'photo')!.equals(bytes)).toBe(true);

		const url = await photoUrl(1);
		expect(url).toMatch(
			new RegExp(
				`^${fm.url}/Streaming/MainDB/[0-9A-F]{64}\\.png\\?RCType=EmbeddedRCFileProcessor$`,
			),
		);

		const first = await fetch(url, { redirect: 'manual' });
		expect(first.status).toBe(302);
		expect(new URL(first.headers.get('location')!, url).href).toBe(url);
		const setCookie = first.headers.get('set-cookie')!;
		expect(setCookie).toMatch(/^X-FMS-Session-Key=[0-9a-f]+;/);

		const second = await fetch(url, { headers: { Cookie: setCookie.split(';')[0] } });
		expect(second.status).toBe(200);
		expect(second.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await second.arrayBuffer()).equals(bytes)).toBe(true);

		// The cookie is the only way in once the redirect has been handed out.
		expect((await fetch(url, { redirect: 'manual' })).status).toBe(401);
	});

	it('gives every response a fresh URL, and a client that drops the cookie gets 401', async () => {
		await upload(2, uploadForm(Buffer.from('hello'), 'hello.txt', 'text/plain'));
		const [one, two] = [await photoUrl(2), await photoUrl(2)];
		expect(one).not.toBe(two);
		// No extension for files that are not media, as on FileMaker Server.
		expect(one).toMatch(/\/MainDB\/[0-9A-F]{64}\?RCType=/);
		expect((await fetch(one)).status).toBe(401);
	});

	it('counts the upload as an edit', async () => {
		const before = fm.store.record('Contacts', 'Contacts', 3)!.modId;
		await upload(3, uploadForm(Buffer.from('x'), 'x.png', 'image/png'), 'photo', '');
		expect(fm.store.record('Contacts', 'Contacts', 3)!.modId).toBe(before + 1);
	});

	it('refuses uploads without the upload part, to other fields, and without multipart', async () => {
		const noPart = await upload(4, uploadForm(Buffer.from('x'), 'x.png', 'image/png', 'file'));
		expect(await noPart.json()).toEqual({
			messages: [{ code: '960', message: "Upload payload must contain a part named 'upload'." }],
			response: {},
		});
		const notOnLayout = await upload(4, uploadForm(Buffer.from('x'), 'x.png', 'image/png'), 'nope');
		expect(
			((await notOnLayout.json()) as { messages: Array<{ code: string }> }).messages[0].code,
		).toBe('102');
		const missingRecord = await upload(999, uploadForm(Buffer.from('x'), 'x.png', 'image/png'));
		expect(
			((await missingRecord.json()) as { messages: Array<{ code: string }> }).messages[0].code,
		).toBe('101');
		const json = await api.call(
			'POST',
			api.layoutPath('Contacts', '/records/4/containers/photo/1'),
			{},
		);
		expect(errorOf(json).status).toBe(415);
	});
});

describe('FileMaker sandbox over https', () => {
	let fm: FileMakerSandbox;

	beforeAll(async () => {
		fm = await startFileMakerSandbox({ https: true });
	});
	afterAll(() => fm.close());

	/** A request that accepts the sandbox's self-signed certificate. */
	const insecureJson = (
		url: string,
		init: { method?: string; headers?: Record<string, string>; body?: string } = {},
	) =>
		new Promise<{
			status: number;
			headers: Record<string, string | string[] | undefined>;
			body: string;
		}>((resolve, reject) => {
			const req = request(
				url,
				{ method: init.method ?? 'GET', headers: init.headers, rejectUnauthorized: false },
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () =>
						resolve({
							status: res.statusCode ?? 0,
							headers: res.headers,
							body: Buffer.concat(chunks).toString(),
						}),
					);
				},
			);
			req.on('error', reject);
			req.end(init.body);
		});

	it('serves the Data API with a self-signed certificate and Streaming_SSL URLs', async () => {
		expect(fm.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		const base = `${fm.url}/fmi/data/vLatest/databases/Contacts`;
		const login = await insecureJson(`${base}/sessions`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				Authorization: `Basic ${Buffer.from('admin:sandbox-admin-password').toString('base64')}`,
			},
			body: '{}',
		});
		expect(login.status).toBe(200);
		const token = login.headers['x-fm-data-access-token'] as string;

		fm.store.putContainer('Contacts', 'Contacts', 1, 'photo', 1, {
			bytes: Buffer.from('png'),
			fileName: 'a.png',
			contentType: 'image/png',
		});
		const record = await insecureJson(`${base}/layouts/Contacts/records/1`, {
			headers: { Authorization: `Bearer ${token}` },
		});
		const photo = JSON.parse(record.body).response.data[0].fieldData.photo as string;
		expect(photo).toMatch(
			new RegExp(
				`^${fm.url}/Streaming_SSL/MainDB/[0-9A-F]{64}\\.png\\?RCType=EmbeddedRCFileProcessor$`,
			),
		);

		const first = await insecureJson(photo);
		expect(first.status).toBe(302);
		const cookie = String(first.headers['set-cookie']).split(';')[0];
		const second = await insecureJson(photo, { headers: { Cookie: cookie } });
		expect(second).toMatchObject({ status: 200, body: 'png' });
	});
});
