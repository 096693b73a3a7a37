import { startCognitoSandbox, type CognitoSandbox } from '../../sandbox/cognito';
import { createClock, startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { basicAuth } from './data-api';
import { errorOf, odata } from './odata-client';

describe('FileMaker sandbox: OData authentication, counters and faults', () => {
	let fm: FileMakerSandbox;

	beforeAll(async () => {
		fm = await startFileMakerSandbox();
	});
	afterAll(() => fm.close());
	beforeEach(() => {
		fm.faults.reset();
		fm.counters.reset();
		fm.authLog.reset();
	});

	it('takes Basic credentials on every request and answers 401 otherwise', async () => {
		expect((await odata(fm, 'GET', '/Contacts?$top=1')).status).toBe(200);
		expect((await odata(fm, 'GET', '/Contacts?$top=1', { auth: basicAuth('ADMIN') })).status).toBe(
			200,
		);
		for (const auth of [null, basicAuth('admin', 'wrong'), 'Bearer abc', 'Basic !!!']) {
			const answer = await odata(fm, 'GET', '/Contacts', { auth });
			expect(answer.status).toBe(401);
			expect(errorOf(answer).code).toBe('212');
		}
		expect((await odata(fm, 'GET', '/$metadata', { auth: null })).status).toBe(401);
		expect((await odata(fm, 'GET', `${fm.url}/fmi/odata/v4`, { auth: null })).status).toBe(401);
		const encoded = basicAuth().slice('Basic '.length);
		expect(fm.authLog.wasPresented(encoded, { endpoint: 'odataRead' })).toBe(true);
		expect(fm.authLog.presented({ endpoint: 'odataRead', scheme: 'Bearer' })).toHaveLength(1);
		expect(fm.authLog.presented({ endpoint: 'odataMetadata' })).toHaveLength(1);
	});

	it('counts requests per OData endpoint', async () => {
		await odata(fm, 'GET', '/Contacts?$top=1');
		await odata(fm, 'GET', '/$metadata');
		await odata(fm, 'PATCH', '/Log(1)', { body: { source: 'counted' } });
		expect(fm.counters.snapshot()).toMatchObject({
			'requests.odataRead': 1,
			'requests.odataMetadata': 1,
			'requests.odataWrite': 1,
		});
	});

	it('applies fault switches with the OData error shape', async () => {
		fm.faults.failNext({ status: 500, code: '8003', message: 'locked', endpoint: 'odataRead' });
		const failed = await odata(fm, 'GET', '/Contacts?$top=1');
		expect(failed.status).toBe(500);
		expect(failed.body).toEqual({ error: { code: '8003', message: 'locked' } });

		fm.faults.rateLimitNext({ retryAfterSeconds: 2, endpoint: 'odataWrite' });
		expect((await odata(fm, 'GET', '/Contacts?$top=1')).status).toBe(200);
		const limited = await odata(fm, 'POST', '/Log', { body: { message: 'x' } });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('2');
		expect(Object.keys(limited.body ?? {})).toEqual(['error']);

		fm.faults.dropNext({ endpoint: 'odataMetadata' });
		await expect(odata(fm, 'GET', '/$metadata')).rejects.toThrow();

		fm.faults.setLatency(60, 'odataRead');
		const started = Date.now();
		await odata(fm, 'GET', '/Contacts?$top=1');
		expect(Date.now() - started).toBeGreaterThanOrEqual(55);
	});
});

describe('FileMaker sandbox: OData on FileMaker Cloud (FMID)', () => {
	const clock = createClock();
	let cognito: CognitoSandbox;
	let fm: FileMakerSandbox;

	beforeAll(async () => {
		cognito = await startCognitoSandbox({
			clock,
			users: [
				{ email: 'owner@example.com', password: 'pw-owner-1' },
				{ email: 'outsider@example.com', password: 'pw-outsider-1' },
			],
		});
		fm = await startFileMakerSandbox({
			clock,
			cloud: { ...cognito.idTokenTrust(), accounts: ['owner@example.com'] },
		});
	});
	afterAll(async () => {
		await fm.close();
		await cognito.close();
	});

	it('takes FMID ID tokens, refuses Basic, other users, access tokens and expired tokens', async () => {
		const tokens = cognito.tokens.signIn('owner@example.com');
		const ok = await odata(fm, 'GET', '/Contacts?$top=1', { auth: `FMID ${tokens.IdToken}` });
		expect(ok.status).toBe(200);
		expect(fm.authLog.wasPresented(tokens.IdToken, { endpoint: 'odataRead' })).toBe(true);

		expect((await odata(fm, 'GET', '/Contacts')).status).toBe(401);
		const outsider = cognito.tokens.signIn('outsider@example.com');
		expect((await odata(fm, 'GET', '/Contacts', { auth: `FMID ${outsider.IdToken}` })).status).toBe(
			401,
		);
		expect(
			(await odata(fm, 'GET', '/Contacts', { auth: `FMID ${tokens.AccessToken}` })).status,
		).toBe(401);
		clock.advance(61 * 60 * 1000);
		const expired = await odata(fm, 'GET', '/Contacts', { auth: `FMID ${tokens.IdToken}` });
		expect(expired.status).toBe(401);
		expect(errorOf(expired).code).toBe('212');
	});
});
