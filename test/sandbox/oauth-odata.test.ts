import { SESSION_IDLE_MS } from '../../sandbox/filemaker/sessions';
import { OAUTH_PEOPLE, startOAuthSandboxes, type OAuthSandboxes } from '../../sandbox/oauth';
import { errorOf as dataApiErrorOf } from './data-api';
import { oauthHeaders, oauthLogin, signIn, type SignInOutcome } from './oauth-dance';
import { errorOf, filterQuery, odata, rowsOf } from './odata-client';

const { ada, grace, stranger } = OAUTH_PEOPLE;

describe('FileMaker sandbox: OData with an OAuth identifier', () => {
	let pair: OAuthSandboxes;

	beforeAll(async () => {
		pair = await startOAuthSandboxes();
	});
	afterAll(() => pair.close());
	beforeEach(() => {
		pair.fm.counters.reset();
		pair.fm.faults.reset();
	});

	/** An OData call that authenticates with the pair only. */
	function withPair(
		outcome: SignInOutcome,
		method: string,
		path: string,
		options: { body?: unknown; headers?: Record<string, string> } = {},
	) {
		return odata(pair.fm, method, path, {
			...options,
			auth: null,
			headers: {
				...oauthHeaders(outcome.requestId, outcome.identifier!),
				'OData-Version': '4.0',
				...options.headers,
			},
		});
	}

	async function signedIn(person: { email: string; password: string }): Promise<SignInOutcome> {
		const outcome = await signIn(pair.fm, person);
		const login = await withPair(outcome, 'POST', '/$metadata');
		expect(login.status).toBe(200);
		return outcome;
	}

	it('logs in with POST $metadata, then reads as Ada: 17 contacts, counted', async () => {
		const outcome = await signIn(pair.fm, ada);
		const login = await withPair(outcome, 'POST', '/$metadata');
		expect(login.status).toBe(200);
		expect(login.headers.get('content-type')).toMatch(/^application\/xml/);
		expect(login.text).toContain('<edmx:Edmx');
		expect(pair.fm.counters.snapshot()).toMatchObject({
			odataOAuthLogins: 1,
			'requests.odataMetadata': 1,
		});

		const rows = await withPair(outcome, 'GET', '/Contacts?$count=true');
		expect(rows.status).toBe(200);
		expect(rowsOf(rows)).toHaveLength(17);
		expect(rows.body?.['@odata.count']).toBe(17);
		expect(new Set(rowsOf(rows).map((row) => row.status))).toEqual(new Set(['Customer', 'Lead']));

		const count = await withPair(outcome, 'GET', '/Contacts/$count');
		expect(count.status).toBe(200);
		expect(count.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(count.text).toBe('17');
		const leads = await withPair(
			outcome,
			'GET',
			`/Contacts/$count?${filterQuery("status eq 'Lead'")}`,
		);
		expect(leads.text).toBe('7');
		const archived = await withPair(
			outcome,
			'GET',
			`/Contacts?$count=true&${filterQuery("status eq 'Archived'")}`,
		);
		expect(archived.body?.['@odata.count']).toBe(0);

		// Basic is unchanged: the admin counts all 20.
		expect((await odata(pair.fm, 'GET', '/Contacts/$count')).text).toBe('20');
	});

	it('gives Grace her 10 customers, and hides the others by key (404, -1023)', async () => {
		const outcome = await signedIn(grace);
		expect(rowsOf(await withPair(outcome, 'GET', '/Contacts'))).toHaveLength(10);

		const lead = rowsOf(
			await odata(pair.fm, 'GET', `/Contacts?$top=1&${filterQuery("status eq 'Lead'")}`),
		)[0];
		for (const [method, body] of [
			['GET', undefined],
			['PATCH', { company: 'Nowhere' }],
			['DELETE', undefined],
		] as const) {
			const answer = await withPair(outcome, method, `/Contacts(${String(lead.id)})`, { body });
			expect(answer.status).toBe(404);
			expect(errorOf(answer).code).toBe('-1023');
		}
		// A bulk write reaches only what she can see.
		const bulk = await withPair(outcome, 'PATCH', `/Contacts?${filterQuery("status eq 'Lead'")}`, {
			body: { company: 'Nowhere' },
		});
		expect(bulk.status).toBe(204);
		expect(bulk.headers.get('fmodata.affected_rows')).toBe('0');
		const unchanged = await odata(pair.fm, 'GET', `/Contacts(${String(lead.id)})`);
		expect(unchanged.body?.company).toBe(lead.company);
	});

	it('acts as the account inside $batch and lists the file at the service root', async () => {
		const outcome = await signedIn(grace);
		const body = [
			'--batch_1',
			'Content-Type: application/http',
			'Content-Transfer-Encoding: binary',
			'',
			'GET Contacts/$count HTTP/1.1',
			'',
			'',
			'--batch_1--',
			'',
		].join('\r\n');
		const batch = await withPair(outcome, 'POST', '/$batch', {
			body,
			headers: { 'Content-Type': 'multipart/mixed; boundary=batch_1' },
		});
		expect(batch.status).toBe(200);
		expect(batch.text).toMatch(/HTTP\/1\.1 200 OK[\s\S]*\r\n\r\n10\r\n/);

		const root = await withPair(outcome, 'GET', `${pair.fm.url}/fmi/odata/v4`);
		expect(root.status).toBe(200);
		expect(root.body?.value).toEqual([
			expect.objectContaining({ name: 'Contacts.fmp12', url: 'Contacts' }),
		]);
	});

	it('answers 401 to a pair that never logged in, and to any other way of logging in', async () => {
		const outcome = await signIn(pair.fm, ada);
		const before = await withPair(outcome, 'GET', '/Contacts');
		expect(before.status).toBe(401);
		expect(errorOf(before).code).toBe('212');
		expect((await withPair(outcome, 'GET', '/$metadata')).status).toBe(401);
		// Reading did not spend the identifier: the login still works.
		expect((await withPair(outcome, 'POST', '/$metadata')).status).toBe(200);

		const stranger = await signIn(pair.fm, OAUTH_PEOPLE.stranger);
		expect((await withPair(stranger, 'POST', '/$metadata')).status).toBe(401);
		expect((await withPair(stranger, 'GET', '/Contacts')).status).toBe(401);
		expect(pair.fm.counters.snapshot()).toMatchObject({ odataOAuthLogins: 1, failedLogins: 1 });

		// POST $metadata is the OAuth login only.
		expect((await odata(pair.fm, 'POST', '/$metadata')).status).toBe(405);
	});

	it('spends an identifier once across the Data API and OData', async () => {
		const dataApiFirst = await signIn(pair.fm, ada);
		expect(
			(await oauthLogin(pair.fm, dataApiFirst.requestId, dataApiFirst.identifier!)).answer.status,
		).toBe(200);
		expect((await withPair(dataApiFirst, 'POST', '/$metadata')).status).toBe(401);

		const odataFirst = await signedIn(ada);
		const { answer } = await oauthLogin(pair.fm, odataFirst.requestId, odataFirst.identifier!);
		expect(dataApiErrorOf(answer)).toMatchObject({ status: 401, code: '212' });
		// The OData login goes on.
		expect((await withPair(odataFirst, 'GET', '/Contacts/$count')).text).toBe('17');
	});

	it('ends the login after 15 minutes without a request, or when sessions are expired', async () => {
		const outcome = await signedIn(ada);
		pair.clock.advance(SESSION_IDLE_MS - 1000);
		expect((await withPair(outcome, 'GET', '/Contacts/$count')).status).toBe(200);
		pair.clock.advance(SESSION_IDLE_MS - 1000);
		expect((await withPair(outcome, 'GET', '/Contacts/$count')).status).toBe(200);
		pair.clock.advance(SESSION_IDLE_MS);
		expect((await withPair(outcome, 'GET', '/Contacts/$count')).status).toBe(401);
		// The identifier is spent: it cannot log in again.
		expect((await withPair(outcome, 'POST', '/$metadata')).status).toBe(401);

		const next = await signedIn(ada);
		pair.fm.faults.expireAllSessions();
		expect((await withPair(next, 'GET', '/Contacts/$count')).status).toBe(401);
	});

	it('refuses the pair on a file it did not log in to, and a stranger with no account', async () => {
		const outcome = await signedIn(ada);
		const other = await odata(pair.fm, 'GET', `${pair.fm.url}/fmi/odata/v4/Nope/Contacts`, {
			auth: null,
			headers: oauthHeaders(outcome.requestId, outcome.identifier!),
		});
		expect(other.status).toBe(404);
		const strangerOutcome = await signIn(pair.fm, stranger);
		expect(strangerOutcome.error).toBe('0');
		expect((await withPair(strangerOutcome, 'POST', '/$metadata')).status).toBe(401);
	});
});
