import {
	startFileMakerSandbox,
	type FileMakerFixture,
	type FileMakerSandbox,
} from '../../sandbox/filemaker';
import { loadFixture } from '../../sandbox/filemaker/load-fixture';
import { SESSION_IDLE_MS } from '../../sandbox/filemaker/sessions';
import { basicAuth, DataApi, errorOf, OK } from './data-api';

/** The demo file plus a second one, Archive, with its own account. */
function twoDatabases(): FileMakerFixture {
	const demo = loadFixture();
	const contacts = demo.databases[0];
	return {
		databases: [
			contacts,
			{
				...contacts,
				name: 'Archive',
				accounts: [{ name: 'archivist', password: 'old-papers' }],
				records: {},
			},
		],
	};
}

describe('FileMaker sandbox: host and sessions', () => {
	let fm: FileMakerSandbox;
	let api: DataApi;

	beforeAll(async () => {
		fm = await startFileMakerSandbox({ fixture: twoDatabases() });
	});
	afterAll(() => fm.close());
	beforeEach(() => {
		api = new DataApi(fm);
		fm.clock.reset();
		fm.faults.expireAllSessions();
		fm.counters.reset();
	});

	it('answers productInfo without authentication', async () => {
		const answer = await api.get('/productInfo');
		expect(answer.status).toBe(200);
		expect(answer.body.messages).toEqual(OK);
		expect(answer.body.response.productInfo).toEqual({
			name: 'FileMaker Data API Engine',
			buildDate: expect.any(String),
			version: expect.any(String),
			dateFormat: 'MM/dd/yyyy',
			timeFormat: 'HH:mm:ss',
			timeStampFormat: 'MM/dd/yyyy HH:mm:ss',
		});
	});

	it('lists all databases without credentials and those an account opens with Basic auth', async () => {
		expect((await api.get('/databases')).body.response).toEqual({
			databases: [{ name: 'Contacts' }, { name: 'Archive' }],
		});
		const archivist = await api.call('GET', '/databases', undefined, {
			Authorization: basicAuth('archivist', 'old-papers'),
		});
		expect(archivist.body.response).toEqual({ databases: [{ name: 'Archive' }] });
		const wrong = await api.call('GET', '/databases', undefined, {
			Authorization: basicAuth('admin', 'nope'),
		});
		expect(errorOf(wrong)).toMatchObject({ status: 401, code: '212' });
	});

	it('logs in with Basic auth: token in the header and in the body', async () => {
		const answer = await api.login();
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ response: { token: api.token }, messages: OK });
		expect(api.token).toMatch(/^[0-9a-f]{52}$/);
		expect(fm.counters.logins).toBe(1);
		expect(fm.sessions.activeCount()).toBe(1);
	});

	it('treats account names case-insensitively and passwords case-sensitively', async () => {
		expect((await api.login(basicAuth('ADMIN', 'sandbox-admin-password'))).status).toBe(200);
		expect((await api.login(basicAuth('admin', 'SANDBOX-ADMIN-PASSWORD'))).status).toBe(401);
	});

	it('refuses a wrong password with HTTP 401 and code 212, and counts it', async () => {
		const answer = await api.login(basicAuth('admin', 'wrong'));
		expect(answer.body).toEqual({
			messages: [
				{ code: '212', message: 'Invalid user account and/or password; please try again' },
			],
			response: {},
		});
		expect(answer.status).toBe(401);
		expect(answer.headers.get('x-fm-data-access-token')).toBeNull();
		expect(fm.counters.failedLogins).toBe(1);
		expect(fm.counters.logins).toBe(0);
	});

	it('refuses a login without an Authorization header', async () => {
		const answer = await api.call('POST', '/databases/Contacts/sessions', {});
		expect(errorOf(answer)).toEqual({
			status: 401,
			code: '10',
			message: 'HTTP Authorization header or OAuth headers are missing.',
		});
	});

	it('answers 802 for a file that is not hosted', async () => {
		const answer = await new DataApi(fm, 'Nowhere').login();
		expect(errorOf(answer)).toEqual({ status: 500, code: '802', message: 'Unable to open file' });
		expect(fm.counters.failedLogins).toBe(1);
	});

	it('accepts v1, v2 and vLatest, and nothing else', async () => {
		for (const version of ['v1', 'v2', 'vLatest']) {
			expect((await new DataApi(fm, 'Contacts', version).login()).status).toBe(200);
		}
		const v3 = await new DataApi(fm, 'Contacts', 'v3').get('/productInfo');
		expect(v3.status).toBe(404);
	});

	it('validates a session and refuses a bad or missing token', async () => {
		await api.login();
		expect((await api.get('/validateSession')).body).toEqual({ response: {}, messages: OK });

		api.token = 'not-a-token';
		expect(errorOf(await api.get('/validateSession'))).toEqual({
			status: 401,
			code: '952',
			message: 'Invalid FileMaker Data API token (*)',
		});
		api.token = '';
		expect(errorOf(await api.get('/validateSession'))).toMatchObject({ status: 401, code: '10' });
	});

	it('logs out; the token stops working', async () => {
		await api.login();
		const token = api.token;
		const logout = await api.call('DELETE', `/databases/Contacts/sessions/${token}`, undefined, {
			Authorization: '',
		});
		expect(logout.body).toEqual({ response: {}, messages: OK });
		expect(fm.counters.logouts).toBe(1);
		expect(fm.sessions.activeCount()).toBe(0);
		expect(errorOf(await api.get('/databases/Contacts/layouts'))).toMatchObject({
			status: 401,
			code: '952',
		});
		const again = await api.call('DELETE', `/databases/Contacts/sessions/${token}`);
		expect(errorOf(again)).toMatchObject({ status: 401, code: '952' });
	});

	it('ends a session after 15 idle minutes on the sandbox clock; every call resets the idle time', async () => {
		await api.login();
		fm.clock.advance(SESSION_IDLE_MS - 1000);
		expect((await api.get('/databases/Contacts/layouts')).status).toBe(200);
		fm.clock.advance(SESSION_IDLE_MS - 1000);
		expect((await api.get('/databases/Contacts/layouts')).status).toBe(200);
		fm.clock.advance(SESSION_IDLE_MS);
		expect(errorOf(await api.get('/databases/Contacts/layouts'))).toEqual({
			status: 401,
			code: '952',
			message: 'Invalid FileMaker Data API token (*)',
		});
		expect(fm.sessions.activeCount()).toBe(0);
	});

	it('ends every session at once with expireAllSessions', async () => {
		await api.login();
		await new DataApi(fm).login();
		expect(fm.sessions.activeCount()).toBe(2);
		fm.faults.expireAllSessions();
		expect(fm.sessions.activeCount()).toBe(0);
		expect((await api.get('/databases/Contacts/layouts')).status).toBe(401);
	});

	it('binds a token to the database it was opened for', async () => {
		await api.login();
		const archive = new DataApi(fm, 'Archive');
		archive.token = api.token;
		expect(errorOf(await archive.get('/databases/Archive/layouts'))).toMatchObject({
			status: 401,
			code: '952',
		});
		const other = new DataApi(fm, 'Archive');
		expect((await other.login(basicAuth('archivist', 'old-papers'))).status).toBe(200);
		expect((await other.login(basicAuth())).status).toBe(401);
	});

	it('answers unknown paths with a 404 and wrong methods with a 405', async () => {
		await api.login();
		expect(errorOf(await api.get('/databases/Contacts/nothing'))).toMatchObject({
			status: 404,
			code: '1700',
		});
		const put = await api.call('PUT', '/databases/Contacts/layouts/Contacts/records', {});
		expect(errorOf(put)).toEqual({
			status: 405,
			code: '1704',
			message: "Resource doesn't support the specified HTTP verb",
		});
	});
});
