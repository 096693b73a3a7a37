import { startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { SESSION_IDLE_MS } from '../../sandbox/filemaker/sessions';
import { basicAuth, DataApi, type Answer } from './data-api';

const INVALID_TOKEN = {
	messages: [{ code: '952', message: 'Invalid FileMaker Data API token (*)' }],
	response: {},
};

describe('FileMaker sandbox: tokens, session counts and the credentials presented', () => {
	let fm: FileMakerSandbox;

	beforeAll(async () => {
		fm = await startFileMakerSandbox();
	});
	afterAll(() => fm.close());
	beforeEach(() => {
		fm.clock.reset();
		fm.faults.reset();
		fm.faults.expireAllSessions();
		fm.counters.reset();
		fm.authLog.reset();
	});

	/** Data API calls that need a session, each with what it needs besides the token. */
	const calls: Array<[string, (api: DataApi, headers: Record<string, string>) => Promise<Answer>]> =
		[
			['layouts', (api, h) => api.call('GET', '/databases/Contacts/layouts', undefined, h)],
			['scripts', (api, h) => api.call('GET', '/databases/Contacts/scripts', undefined, h)],
			['layoutMetadata', (api, h) => api.call('GET', api.layoutPath('Contacts'), undefined, h)],
			[
				'getRecords',
				(api, h) => api.call('GET', api.layoutPath('Contacts', '/records'), undefined, h),
			],
			[
				'getRecord',
				(api, h) => api.call('GET', api.layoutPath('Contacts', '/records/1'), undefined, h),
			],
			[
				'find',
				(api, h) =>
					api.call('POST', api.layoutPath('Contacts', '/_find'), { query: [{ id: '1' }] }, h),
			],
			[
				'createRecord',
				(api, h) => api.call('POST', api.layoutPath('Contacts', '/records'), { fieldData: {} }, h),
			],
			[
				'editRecord',
				(api, h) =>
					api.call('PATCH', api.layoutPath('Contacts', '/records/1'), { fieldData: {} }, h),
			],
			[
				'deleteRecord',
				(api, h) => api.call('DELETE', api.layoutPath('Contacts', '/records/1'), undefined, h),
			],
			[
				'runScript',
				(api, h) => api.call('GET', api.layoutPath('Contacts', '/script/Echo'), undefined, h),
			],
			[
				'uploadContainer',
				(api, h) =>
					api.call(
						'POST',
						api.layoutPath('Contacts', '/records/1/containers/photo/1'),
						undefined,
						h,
					),
			],
			[
				'setGlobals',
				(api, h) =>
					api.call(
						'PATCH',
						'/databases/Contacts/globals',
						{ globalFields: { 'Contacts::gCurrentUser': 'x' } },
						h,
					),
			],
		];

	it.each(calls)(
		'%s: no Authorization header, an unknown Bearer token or Basic auth get 401 / 952',
		async (_name, call) => {
			const api = new DataApi(fm); // no token: sends no Authorization header
			const variants: Array<Record<string, string>> = [
				{},
				{ Authorization: 'Bearer 0123456789abcdef0123456789abcdef0123456789abcdef0123' },
				{ Authorization: 'Bearer invalid token' },
				{ Authorization: 'Bearer' },
				{ Authorization: basicAuth() },
			];
			for (const headers of variants) {
				const answer = await call(api, headers);
				expect({ headers, status: answer.status }).toEqual({ headers, status: 401 });
				expect(answer.body).toEqual(INVALID_TOKEN);
				expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
			}
			expect(fm.store.record('Contacts', 'Contacts', 1)?.modId).toBe(0);
		},
	);

	it('answers an expired or logged-out token exactly like an unknown one', async () => {
		const api = new DataApi(fm);
		await api.login();
		fm.clock.advance(SESSION_IDLE_MS);
		expect((await api.get('/databases/Contacts/layouts')).body).toEqual(INVALID_TOKEN);
		await api.login();
		await api.call('DELETE', `/databases/Contacts/sessions/${api.token}`);
		const afterLogout = await api.get('/databases/Contacts/layouts');
		expect(afterLogout.status).toBe(401);
		expect(afterLogout.body).toEqual(INVALID_TOKEN);
	});

	it('counts login, validateSession and logout as separate endpoints', async () => {
		const api = new DataApi(fm);
		await api.login();
		await api.get('/validateSession');
		await api.get('/validateSession');
		await api.login(basicAuth('admin', 'wrong'));
		await api.login();
		await api.call('DELETE', `/databases/Contacts/sessions/${api.token}`);
		expect(fm.counters.snapshot()).toEqual({
			requests: 6,
			'requests.login': 3,
			'requests.validateSession': 2,
			'requests.logout': 1,
			logins: 2,
			failedLogins: 1,
			logouts: 1,
		});
	});

	it('tells how many sessions are open and whether a token is, without touching idle time', async () => {
		const a = new DataApi(fm);
		const b = new DataApi(fm);
		await a.login();
		await b.login();
		expect(fm.sessions.activeCount()).toBe(2);
		expect(fm.sessions.isOpen(a.token)).toBe(true);
		expect(fm.sessions.isOpen('nope')).toBe(false);

		await a.call('DELETE', `/databases/Contacts/sessions/${a.token}`);
		expect(fm.sessions.isOpen(a.token)).toBe(false);
		expect(fm.sessions.activeCount()).toBe(1);

		fm.clock.advance(SESSION_IDLE_MS - 1000);
		expect(fm.sessions.isOpen(b.token)).toBe(true);
		fm.clock.advance(1000);
		expect(fm.sessions.isOpen(b.token)).toBe(false);
		expect(fm.sessions.activeCount()).toBe(0);
	});

	it('offers the session count and a token check over the control API', async () => {
		const api = new DataApi(fm);
		await api.login();
		const json = async (path: string) => (await fetch(`${fm.url}/__sandbox/${path}`)).json();
		expect(await json('sessions')).toEqual({ open: 1 });
		expect(await json(`sessions/${api.token}`)).toEqual({ open: true });
		expect(await json('sessions/unknown')).toEqual({ open: false });
		expect(fm.counters.requests()).toBe(1);
	});

	it('records the Authorization scheme and token of every request, per endpoint', async () => {
		const api = new DataApi(fm);
		await api.login();
		const tokenA = api.token;
		await api.get('/databases/Contacts/layouts');
		await api.find('Contacts', { query: [{ id: '1' }] });
		await api.get('/productInfo');

		expect(fm.authLog.presented({ endpoint: 'login' })).toEqual([
			expect.objectContaining({
				seq: 0,
				endpoint: 'login',
				method: 'POST',
				path: '/fmi/data/vLatest/databases/Contacts/sessions',
				scheme: 'Basic',
				token: basicAuth().slice('Basic '.length),
			}),
		]);
		expect(fm.authLog.bearerTokens()).toEqual([tokenA]);
		expect(fm.authLog.bearerTokens('find')).toEqual([tokenA]);
		expect(fm.authLog.presented({ endpoint: 'productInfo' })[0]).toMatchObject({
			scheme: 'Bearer',
			token: tokenA,
		});

		// The credential changes: a new session; token A must not be sent again.
		const mark = fm.authLog.mark();
		await api.login();
		const tokenB = api.token;
		await api.get('/databases/Contacts/layouts');
		await new DataApi(fm).get('/productInfo'); // no Authorization at all
		expect(fm.authLog.wasPresented(tokenA, { since: mark })).toBe(false);
		expect(fm.authLog.wasPresented(tokenB, { since: mark, endpoint: 'layouts' })).toBe(true);
		expect(fm.authLog.wasPresented(tokenA)).toBe(true);
		expect(fm.authLog.bearerTokens('layouts')).toEqual([tokenA, tokenB]);
		const bare = fm.authLog.presented({ since: mark, endpoint: 'productInfo' });
		expect(bare).toEqual([expect.objectContaining({ scheme: undefined, token: undefined })]);
	});

	it('offers the log over the control API, filtered, and resets it', async () => {
		const api = new DataApi(fm);
		await api.login();
		await api.get('/databases/Contacts/layouts');
		const log = async (query: string) =>
			(await fetch(`${fm.url}/__sandbox/auth-log${query}`)).json() as Promise<unknown[]>;
		expect(await log('')).toHaveLength(2);
		expect(await log(`?token=${api.token}&endpoint=layouts`)).toEqual([
			expect.objectContaining({ endpoint: 'layouts', scheme: 'Bearer', token: api.token }),
		]);
		expect(await log('?scheme=basic')).toHaveLength(1);
		expect(await log('?since=1')).toHaveLength(1);
		expect((await fetch(`${fm.url}/__sandbox/auth-log?endpoint=nope`)).status).toBe(400);
		await fetch(`${fm.url}/__sandbox/auth-log/reset`, { method: 'POST' });
		expect(await log('')).toEqual([]);
	});

	it('prints no token or password to the console', async () => {
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
			jest.spyOn(console, method).mockImplementation(() => undefined),
		);
		try {
			const api = new DataApi(fm);
			await api.login();
			await api.get('/databases/Contacts/layouts');
			await api.login(basicAuth('admin', 'wrong'));
			await api.call('DELETE', `/databases/Contacts/sessions/${api.token}`);
			fm.faults.failNext({ status: 500 });
			await api.get('/databases/Contacts/layouts');
			const printed = spies.flatMap((spy) => spy.mock.calls.flat()).map(String);
			expect(printed).toEqual([]);
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
	});
});
