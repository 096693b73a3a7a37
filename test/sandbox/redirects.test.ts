import { request } from 'node:https';
import {
	startCaptureServer,
	startFileMakerSandbox,
	type CaptureServer,
	type FileMakerSandbox,
} from '../../sandbox/filemaker';
import { DataApi } from './data-api';

describe('FileMaker sandbox: redirectNext and the capture server', () => {
	let fm: FileMakerSandbox;
	let other: CaptureServer;
	let api: DataApi;

	beforeAll(async () => {
		fm = await startFileMakerSandbox();
		other = await startCaptureServer();
	});
	afterAll(async () => {
		await fm.close();
		await other.close();
	});
	beforeEach(async () => {
		fm.faults.reset();
		other.requests.length = 0;
		api = new DataApi(fm);
		await api.login();
	});

	const layoutsUrl = () => api.url('/databases/Contacts/layouts');
	const bearer = () => ({ Authorization: `Bearer ${api.token}` });

	it('answers the next request with a 307, the Location header and an empty body', async () => {
		fm.faults.redirectNext({ location: `${other.url}/elsewhere` });
		const redirected = await fetch(layoutsUrl(), { headers: bearer(), redirect: 'manual' });
		expect(redirected.status).toBe(307);
		expect(redirected.headers.get('location')).toBe(`${other.url}/elsewhere`);
		expect(redirected.headers.get('content-length')).toBe('0');
		expect(await redirected.text()).toBe('');

		const next = await fetch(layoutsUrl(), { headers: bearer(), redirect: 'manual' });
		expect(next.status).toBe(200);
		expect(other.requests).toEqual([]);
	});

	it('takes another status, a count and an endpoint, and is counted like any request', async () => {
		fm.faults.redirectNext({ location: '/moved', status: 301, count: 2, endpoint: 'getRecords' });
		const records = api.url(api.layoutPath('Contacts', '/records'));
		expect((await fetch(layoutsUrl(), { headers: bearer(), redirect: 'manual' })).status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const answer = await fetch(records, { headers: bearer(), redirect: 'manual' });
			expect(answer.status).toBe(301);
			expect(answer.headers.get('location')).toBe('/moved');
		}
		expect((await fetch(records, { headers: bearer(), redirect: 'manual' })).status).toBe(200);
		expect(fm.counters.requests('getRecords')).toBe(3);
	});

	it('refuses a redirect without a location or with a status that is not a redirect', () => {
		expect(() => fm.faults.redirectNext({ location: '' })).toThrow(RangeError);
		expect(() => fm.faults.redirectNext({ location: '/x', status: 200 as unknown as 307 })).toThrow(
			RangeError,
		);
	});

	it('lets a client that follows the redirect land on the capture server, which records it all', async () => {
		fm.faults.redirectNext({ location: `${other.url}/landing?x=1`, endpoint: 'find' });
		const answer = await fetch(api.url(api.layoutPath('Contacts', '/_find')), {
			method: 'POST',
			headers: { ...bearer(), 'Content-Type': 'application/json', 'X-Probe': 'yes' },
			body: JSON.stringify({ query: [{ status: 'Lead' }] }),
		});
		expect(answer.status).toBe(200);
		expect(await answer.json()).toEqual({});
		expect(other.requests).toHaveLength(1);
		const [captured] = other.requests;
		// 307 keeps the method and the body.
		expect(captured).toMatchObject({
			method: 'POST',
			url: '/landing?x=1',
			body: JSON.stringify({ query: [{ status: 'Lead' }] }),
		});
		expect(captured.headers['x-probe']).toBe('yes');
		expect(captured.headers.host).toBe(new URL(other.url).host);
	});

	it('offers the switch over the control API', async () => {
		const admin = (body: unknown) =>
			fetch(`${fm.url}/__sandbox/redirect-next`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
		expect(await (await admin({ location: `${other.url}/a`, status: 308 })).json()).toEqual({
			ok: true,
		});
		const answer = await fetch(layoutsUrl(), { headers: bearer(), redirect: 'manual' });
		expect(answer.status).toBe(308);
		expect(answer.headers.get('location')).toBe(`${other.url}/a`);
		expect((await admin({})).status).toBe(400);
		expect((await admin({ location: '/a', status: 418 })).status).toBe(400);
		expect((await admin({ location: '/a', endpoint: 'nope' })).status).toBe(400);
	});

	it('serves the capture server over https too', async () => {
		const secure = await startCaptureServer({ https: true });
		try {
			expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
			const status = await new Promise<number>((resolve, reject) => {
				const req = request(
					`${secure.url}/tls`,
					{ method: 'PUT', rejectUnauthorized: false, headers: { Cookie: 'a=b' } },
					(res) => {
						res.resume();
						res.on('end', () => resolve(res.statusCode ?? 0));
					},
				);
				req.on('error', reject);
				req.end('payload');
			});
			expect(status).toBe(200);
			expect(secure.requests).toEqual([
				expect.objectContaining({ method: 'PUT', url: '/tls', body: 'payload' }),
			]);
			expect(secure.requests[0].headers.cookie).toBe('a=b');
		} finally {
			await secure.close();
		}
	});
});
