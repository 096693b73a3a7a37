import { startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { SESSION_IDLE_MS } from '../../sandbox/filemaker/sessions';
import { DataApi, errorOf, OK } from './data-api';

describe('FileMaker sandbox: fault switches, counters and the control API', () => {
	let fm: FileMakerSandbox;
	let api: DataApi;

	beforeAll(async () => {
		fm = await startFileMakerSandbox();
	});
	afterAll(() => fm.close());
	beforeEach(async () => {
		fm.faults.reset();
		fm.clock.reset();
		api = new DataApi(fm);
		await api.login();
		fm.counters.reset();
	});

	const layouts = () => api.get('/databases/Contacts/layouts');
	const admin = (path: string, body?: unknown) =>
		fetch(`${fm.url}/__sandbox/${path}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	it('fails the next request with a FileMaker envelope (default HTTP 500, code 802)', async () => {
		fm.faults.failNext();
		expect((await layouts()).body).toEqual({
			messages: [{ code: '802', message: 'Unable to open file' }],
			response: {},
		});
		expect((await layouts()).status).toBe(200);

		fm.faults.failNext({ status: 503, code: '951', message: 'Maintenance' });
		expect(errorOf(await layouts())).toEqual({ status: 503, code: '951', message: 'Maintenance' });
	});

	it('makes a 401/952 failure look exactly like an expired session', async () => {
		fm.faults.failNext({ status: 401, code: '952' });
		const injected = await layouts();
		fm.clock.advance(SESSION_IDLE_MS);
		const expired = await layouts();
		expect(injected.status).toBe(expired.status);
		expect(injected.body).toEqual(expired.body);
		expect(injected.headers.get('content-type')).toBe(expired.headers.get('content-type'));
	});

	it('targets one endpoint and a number of requests', async () => {
		fm.faults.failNext({ endpoint: 'find', count: 2, status: 500, code: '401' });
		const find = () => api.find('Contacts', { query: [{ status: 'Lead' }] });
		expect((await layouts()).status).toBe(200);
		expect(errorOf(await find()).code).toBe('401');
		expect(errorOf(await find()).code).toBe('401');
		expect((await find()).status).toBe(200);
	});

	it('adds latency, drops connections and rate-limits with Retry-After', async () => {
		fm.faults.setLatency(120, 'layouts');
		const started = performance.now();
		await layouts();
		expect(performance.now() - started).toBeGreaterThanOrEqual(110);
		fm.faults.setLatency(0, 'layouts');

		fm.faults.dropNext({ endpoint: 'layouts' });
		await expect(layouts()).rejects.toThrow();
		expect((await layouts()).status).toBe(200);

		fm.faults.rateLimitNext({ retryAfterSeconds: 7 });
		const limited = await layouts();
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('7');
		expect(limited.body.messages).toHaveLength(1);
	});

	it('rate-limits with 503 and Retry-After too, with the envelope a 503 failure gets', async () => {
		fm.faults.rateLimitNext({ retryAfterSeconds: 30, status: 503 });
		const limited = await layouts();
		expect(limited.status).toBe(503);
		expect(limited.headers.get('retry-after')).toBe('30');
		fm.faults.failNext({ status: 503 });
		expect(limited.body).toEqual((await layouts()).body);

		fm.faults.rateLimitNext({ retryAfterSeconds: 7 });
		const tooMany = await layouts();
		expect(tooMany.status).toBe(429);
		expect(tooMany.body).toEqual({
			messages: [{ code: '-1', message: 'Unknown error' }],
			response: {},
		});
		expect(() => fm.faults.rateLimitNext({ retryAfterSeconds: 1, status: 500 as 503 })).toThrow(
			RangeError,
		);
	});

	it('sends Retry-After as an HTTP date on the wall clock when asked', async () => {
		fm.clock.advance(60 * 60 * 1000); // the sandbox clock does not move the header
		await api.login();
		fm.faults.rateLimitNext({ retryAfterSeconds: 120, retryAfterDate: true, status: 503 });
		const limited = await layouts();
		expect(limited.status).toBe(503);
		const header = limited.headers.get('retry-after')!;
		expect(header).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
		const waitMs = Date.parse(header) - Date.now();
		expect(waitMs).toBeGreaterThan(119_000);
		expect(waitMs).toBeLessThanOrEqual(121_000);

		fm.faults.rateLimitNext({ retryAfterSeconds: 0, retryAfterDate: true });
		const now = await layouts();
		expect(now.status).toBe(429);
		expect(Math.abs(Date.parse(now.headers.get('retry-after')!) - Date.now())).toBeLessThan(2000);
	});

	it('counts every request per endpoint, including those a fault answered', async () => {
		fm.faults.failNext({ endpoint: 'layouts' });
		await layouts();
		await layouts();
		await api.get('/productInfo');
		await new DataApi(fm).login();
		expect(fm.counters.requests('layouts')).toBe(2);
		expect(fm.counters.requests()).toBe(4);
		expect(fm.counters.snapshot()).toEqual({
			requests: 4,
			'requests.layouts': 2,
			'requests.productInfo': 1,
			'requests.login': 1,
			logins: 1,
			failedLogins: 0,
			logouts: 0,
		});
	});

	it('offers the switches over HTTP under /__sandbox, outside the counters', async () => {
		expect(
			await (await admin('fail-next', { status: 500, code: '105', endpoint: 'getRecords' })).json(),
		).toEqual({
			ok: true,
		});
		expect(errorOf(await api.get(api.layoutPath('Contacts', '/records'))).code).toBe('105');
		expect((await admin('fail-next', { endpoint: 'nope' })).status).toBe(400);

		await admin('rate-limit', { retryAfterSeconds: 2 });
		expect((await layouts()).status).toBe(429);
		await admin('rate-limit', { retryAfterSeconds: 2, status: 503, retryAfterDate: true });
		const dated = await layouts();
		expect(dated.status).toBe(503);
		expect(Date.parse(dated.headers.get('retry-after')!)).toBeGreaterThan(Date.now());
		expect((await admin('rate-limit', { retryAfterSeconds: 2, status: 500 })).status).toBe(400);
		expect(
			(await admin('rate-limit', { retryAfterSeconds: 2, retryAfterDate: 'yes' })).status,
		).toBe(400);
		await admin('drop-next', { count: 1 });
		await admin('reset-faults', {});
		expect((await layouts()).status).toBe(200);

		await admin('clock/advance', { ms: SESSION_IDLE_MS });
		expect((await layouts()).status).toBe(401);
		await api.login();
		await admin('expire-sessions', {});
		expect((await layouts()).status).toBe(401);

		const records = (await (await admin('records/Contacts/Log')).json()) as Array<{
			recordId: number;
		}>;
		expect(records[0]).toMatchObject({ recordId: 1, modId: 0 });
		const counters = (await (await admin('counters')).json()) as Record<string, number>;
		expect(counters).toMatchObject({ 'requests.layouts': 5, 'requests.getRecords': 1, logins: 1 });
		expect(Object.keys(counters).some((key) => key.includes('sandbox'))).toBe(false);
	});

	it('resets counters and faults', async () => {
		fm.faults.failNext({ count: 5 });
		fm.faults.reset();
		expect((await layouts()).body.messages).toEqual(OK);
		fm.counters.reset();
		expect(fm.counters.snapshot()).toEqual({ requests: 0, logins: 0, failedLogins: 0, logouts: 0 });
	});
});
