import { DEFAULT_OAUTH_REQUEST_TTL_MS, startFileMakerSandbox } from '../../sandbox/filemaker';
import {
	OAUTH_CLIENT_ID,
	OAUTH_PEOPLE,
	OAUTH_PROVIDER_NAME,
	startOAuthSandboxes,
	type OAuthSandboxes,
} from '../../sandbox/oauth';
import { basicAuth, DataApi, errorOf } from './data-api';
import {
	follow,
	getOAuthUrl,
	oauthLogin,
	type GetOAuthUrlCall,
	openSignInPage,
	providerUrlOf,
	RETURN_URL,
	returnParams,
	signIn,
	submitSignIn,
} from './oauth-dance';

const { ada, grace, stranger } = OAUTH_PEOPLE;

describe('FileMaker sandbox: OAuth sign-in with an external identity provider (Data API)', () => {
	let pair: OAuthSandboxes;

	beforeAll(async () => {
		pair = await startOAuthSandboxes();
	});
	afterAll(() => pair.close());
	beforeEach(() => {
		pair.fm.faults.reset();
		pair.fm.counters.reset();
		pair.identity.faults.reset();
		pair.identity.counters.reset();
		pair.fm.oauth.returnQueryStyle = 'append';
		pair.fm.oauth.addressMismatch = '400';
	});

	async function contactsSeenBy(api: DataApi) {
		const answer = await api.get(api.layoutPath('Contacts', '/records'), { _limit: '100' });
		expect(answer.status).toBe(200);
		return answer.body.response;
	}

	describe('provider list and getoauthurl', () => {
		it('lists the configured provider without its client secret', async () => {
			const response = await fetch(`${pair.fm.url}/fmws/oauthproviderinfo`);
			expect(response.status).toBe(200);
			const text = await response.text();
			expect(JSON.parse(text)).toEqual({
				data: {
					Provider: [
						{
							Name: OAUTH_PROVIDER_NAME,
							ProviderID: '1',
							AuthCodeEndpoint: pair.identity.authorizeUrl,
							ClientID: OAUTH_CLIENT_ID,
						},
					],
				},
			});
			expect(text).not.toContain(pair.clientSecret);
		});

		it('answers a server without providers with an empty list and refuses getoauthurl', async () => {
			const plain = await startFileMakerSandbox();
			try {
				expect(await (await fetch(`${plain.url}/fmws/oauthproviderinfo`)).json()).toEqual({});
				const started = await getOAuthUrl(plain);
				expect(started.status).toBe(400);
				expect(started.requestId).toBeNull();
			} finally {
				await plain.close();
			}
		});

		it('hands out the provider URL with a request id, the scope written with raw spaces', async () => {
			const started = await getOAuthUrl(pair.fm, { trackingId: 'track-raw' });
			expect(started.status).toBe(200);
			expect(started.requestId).toMatch(/^[0-9A-F-]{36}$/);
			expect(started.body).toMatch(
				new RegExp(
					`^${pair.identity.authorizeUrl}\\?response_type=code&client_id=${OAUTH_CLIENT_ID}` +
						`&redirect_uri=${encodeURIComponent(`${pair.fm.url}/oauth/redirect`)}` +
						'&scope=openid email profile&state=[0-9a-f]{32}$',
				),
			);
			expect(started.body).toContain('scope=openid email profile&');
			// Encoded the way a client must, the URL opens the provider's sign-in page.
			expect(providerUrlOf(started.body)).toContain('scope=openid+email+profile&');
			expect((await openSignInPage(providerUrlOf(started.body))).status).toBe(200);
			expect(pair.fm.counters.requests('oauthGetUrl')).toBe(1);
		});

		it('refuses missing or wrong headers and parameters with 400 and no request id', async () => {
			const calls: GetOAuthUrlCall[] = [
				{ headers: { 'X-FMS-Application-Type': null } },
				{ headers: { 'X-FMS-Application-Type': '8' } },
				{ headers: { 'X-FMS-Application-Version': null } },
				{ headers: { 'X-FMS-Application-Version': '17' } },
				{ headers: { 'X-FMS-Return-URL': null } },
				{ returnUrl: 'not a url' },
				{ trackingId: null },
				{ address: null },
				{ authType: null },
				{ authType: '1' },
				{ provider: null },
				{ provider: 'Google' },
				{ provider: OAUTH_PROVIDER_NAME.toUpperCase() },
			];
			for (const call of calls) {
				const answer = await getOAuthUrl(pair.fm, call);
				expect({ call, status: answer.status }).toEqual({ call, status: 400 });
				expect(answer.requestId).toBeNull();
			}
		});

		it('refuses an address that is not the host of the return URL (400, or 200 {} as 26.0.1)', async () => {
			for (const address of ['fms.example.com', 'localhost', '127.0.0.2']) {
				const refused = await getOAuthUrl(pair.fm, { address });
				expect(refused.status).toBe(400);
				expect(refused.requestId).toBeNull();
			}
			// The host with its port is the same host.
			expect((await getOAuthUrl(pair.fm, { address: '127.0.0.1:5678' })).status).toBe(200);

			pair.fm.oauth.addressMismatch = 'empty-200';
			const empty = await getOAuthUrl(pair.fm, { address: 'fms.example.com' });
			expect(empty.status).toBe(200);
			expect(empty.requestId).toBeNull();
			expect(empty.headers.has('x-fms-request-id')).toBe(false);
			expect(JSON.parse(empty.body)).toEqual({});
		});

		it('lets tests fail or hang the OAuth endpoints like the others', async () => {
			pair.fm.faults.failNext({ status: 503, endpoint: 'oauthGetUrl' });
			expect((await getOAuthUrl(pair.fm)).status).toBe(503);
			pair.fm.faults.failNext({ status: 500, endpoint: 'oauthProviderInfo' });
			expect((await fetch(`${pair.fm.url}/fmws/oauthproviderinfo`)).status).toBe(500);
			pair.fm.faults.hangNext({ endpoint: 'oauthRedirect' });
			const hung = fetch(`${pair.fm.url}/oauth/redirect?code=x&state=y`, {
				redirect: 'manual',
				signal: AbortSignal.timeout(200),
			});
			await expect(hung).rejects.toThrow();
			expect(pair.fm.counters.requests('oauthRedirect')).toBe(1);
		});
	});

	describe('the dance and the Data API session', () => {
		it('signs Ada in and opens a Data API session that sees her 17 contacts', async () => {
			const outcome = await signIn(pair.fm, ada);
			expect(outcome.error).toBe('0');
			expect(outcome.trackingIdBack).toBe(outcome.trackingId);
			expect(outcome.identifier).toMatch(/^[0-9a-f]{64}$/);

			const { api, answer } = await oauthLogin(pair.fm, outcome.requestId, outcome.identifier!);
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual({ response: {}, messages: [{ code: '0', message: 'OK' }] });
			expect(api.token).toMatch(/^[0-9a-f]{52}$/);

			const seen = await contactsSeenBy(api);
			expect(seen.data).toHaveLength(17);
			expect(seen.dataInfo).toMatchObject({
				foundCount: 17,
				totalRecordCount: 17,
				returnedCount: 17,
			});
			const statuses = new Set(seen.data?.map((record) => record.fieldData.status));
			expect([...statuses].sort()).toEqual(['Customer', 'Lead']);

			expect(pair.fm.counters.snapshot()).toMatchObject({
				logins: 1,
				oauthLogins: 1,
				oauthIdentifiers: 1,
				'requests.oauthGetUrl': 1,
				'requests.oauthRedirect': 1,
			});
			expect(pair.identity.counters).toMatchObject({ signIns: 1, tokenRequests: 1 });

			// From here on, a normal session: logout ends it.
			const out = await api.call('DELETE', `/databases/Contacts/sessions/${api.token}`);
			expect(out.status).toBe(200);
			expect(errorOf(await api.get('/databases/Contacts/layouts')).code).toBe('952');
		});

		it('gives Grace her 10 customers, and the Basic admin all 20', async () => {
			const outcome = await signIn(pair.fm, grace);
			const { api } = await oauthLogin(pair.fm, outcome.requestId, outcome.identifier!);
			const seen = await contactsSeenBy(api);
			expect(seen.data).toHaveLength(10);
			expect(seen.dataInfo).toMatchObject({ foundCount: 10, totalRecordCount: 10 });
			expect(new Set(seen.data?.map((record) => record.fieldData.status))).toEqual(
				new Set(['Customer']),
			);

			const admin = new DataApi(pair.fm);
			expect((await admin.login()).status).toBe(200);
			const all = await contactsSeenBy(admin);
			expect(all.data).toHaveLength(20);
			expect(all.dataInfo).toMatchObject({ foundCount: 20, totalRecordCount: 20 });
		});

		it('hides the records Grace may not see from get, find, edit and delete (101, 401)', async () => {
			const admin = new DataApi(pair.fm);
			await admin.login();
			const lead = (await admin.find('Contacts', { query: [{ status: 'Lead' }], limit: 1 })).body
				.response.data![0];
			const customer = (await admin.find('Contacts', { query: [{ status: 'Customer' }], limit: 1 }))
				.body.response.data![0];

			const outcome = await signIn(pair.fm, grace);
			const { api } = await oauthLogin(pair.fm, outcome.requestId, outcome.identifier!);
			const hidden = api.layoutPath('Contacts', `/records/${lead.recordId}`);
			expect(errorOf(await api.get(hidden)).code).toBe('101');
			expect(errorOf(await api.call('PATCH', hidden, { fieldData: { company: 'x' } })).code).toBe(
				'101',
			);
			expect(errorOf(await api.call('DELETE', hidden)).code).toBe('101');
			expect(errorOf(await api.call('POST', hidden, {})).code).toBe('101');
			expect(
				(await api.get(api.layoutPath('Contacts', `/records/${customer.recordId}`))).status,
			).toBe(200);

			const leads = await api.find('Contacts', { query: [{ status: 'Lead' }] });
			expect(errorOf(leads)).toMatchObject({ status: 500, code: '401' });
			const both = await api.find('Contacts', {
				query: [{ status: 'Lead' }, { status: 'Customer' }],
			});
			expect(both.body.response.data).toHaveLength(10);
			expect(both.body.response.dataInfo).toMatchObject({ foundCount: 10, totalRecordCount: 10 });

			// The admin still sees the lead, unchanged.
			expect((await admin.get(hidden)).body.response.data![0].fieldData).toEqual(lead.fieldData);
		});

		it('accepts an identifier once: a second Data API login gets 212', async () => {
			const outcome = await signIn(pair.fm, ada);
			expect(
				(await oauthLogin(pair.fm, outcome.requestId, outcome.identifier!)).answer.status,
			).toBe(200);
			const again = await oauthLogin(pair.fm, outcome.requestId, outcome.identifier!);
			expect(errorOf(again.answer)).toMatchObject({ status: 401, code: '212' });
			expect(again.api.token).toBe('');
			expect(pair.fm.counters.snapshot()).toMatchObject({
				logins: 1,
				oauthLogins: 1,
				failedLogins: 1,
			});
		});

		it('refuses an unknown pair, a mismatched request id, and half a pair (212)', async () => {
			const first = await signIn(pair.fm, ada);
			const second = await signIn(pair.fm, ada);
			const attempts: Array<[string, string]> = [
				['made-up', 'made-up'],
				[second.requestId, first.identifier!],
				[first.requestId, ''],
			];
			for (const [requestId, identifier] of attempts) {
				const { answer } = await oauthLogin(pair.fm, requestId, identifier);
				expect(errorOf(answer)).toMatchObject({ status: 401, code: '212' });
			}
			// A wrong request id does not spend the identifier of another sign-in.
			expect((await oauthLogin(pair.fm, first.requestId, first.identifier!)).answer.status).toBe(
				200,
			);
		});

		it('tolerates X-FM-Data-Login-Type: oauth', async () => {
			const outcome = await signIn(pair.fm, ada);
			const api = new DataApi(pair.fm);
			const answer = await api.call(
				'POST',
				'/databases/Contacts/sessions',
				{},
				{
					'X-FM-Data-OAuth-Request-Id': outcome.requestId,
					'X-FM-Data-OAuth-Identifier': outcome.identifier!,
					'X-FM-Data-Login-Type': 'oauth',
				},
			);
			expect(answer.status).toBe(200);
			expect(answer.headers.get('x-fm-data-access-token')).toMatch(/^[0-9a-f]{52}$/);
		});

		it('lets the sign-in request expire after requestTtlMs on the sandbox clock', async () => {
			const outcome = await signIn(pair.fm, ada);
			pair.clock.advance(DEFAULT_OAUTH_REQUEST_TTL_MS);
			const { answer } = await oauthLogin(pair.fm, outcome.requestId, outcome.identifier!);
			expect(errorOf(answer)).toMatchObject({ status: 401, code: '212' });

			// A request that expired before the person came back ends with an error, no identifier.
			const started = await getOAuthUrl(pair.fm, { trackingId: 'slow' });
			const url = providerUrlOf(started.body);
			const page = await openSignInPage(url);
			pair.clock.advance(DEFAULT_OAUTH_REQUEST_TTL_MS);
			const submitted = await submitSignIn(url, page.text, ada);
			const back = await follow(submitted.location!);
			expect(back.status).toBe(302);
			expect(returnParams(back.location!)).toEqual({
				trackingID: 'slow',
				identifier: null,
				error: '1',
			});
		});

		it('refuses a person who signed in at the provider but is no account of the file (212)', async () => {
			const outcome = await signIn(pair.fm, stranger);
			expect(outcome.error).toBe('0');
			const { answer } = await oauthLogin(pair.fm, outcome.requestId, outcome.identifier!);
			expect(errorOf(answer)).toMatchObject({ status: 401, code: '212' });
		});

		it('never lets a Basic login open an OAuth account', async () => {
			const api = new DataApi(pair.fm);
			for (const password of ['', ada.password, 'undefined']) {
				expect(errorOf(await api.login(basicAuth(ada.email, password)))).toMatchObject({
					status: 401,
					code: '212',
				});
			}
		});
	});

	describe('failed sign-ins and the return URL', () => {
		it('sends the browser back with error≠0 and no identifier when the person cancels', async () => {
			const outcome = await signIn(pair.fm, 'cancel');
			expect(outcome.error).not.toBe('0');
			expect(outcome.identifier).toBeNull();
			expect(outcome.trackingIdBack).toBe(outcome.trackingId);
			expect(pair.fm.counters.oauthIdentifiers).toBe(0);
		});

		it('does the same when the provider refuses the sign-in (denyNext)', async () => {
			pair.identity.faults.denyNext({ error: 'server_error' });
			const outcome = await signIn(pair.fm, ada);
			expect(outcome.error).toBe('1');
			expect(outcome.identifier).toBeNull();
			expect(pair.identity.counters.tokenRequests).toBe(0);
		});

		it('does the same when redeeming the code fails at the provider', async () => {
			pair.identity.faults.failNext({ status: 500, endpoint: 'token' });
			const outcome = await signIn(pair.fm, ada);
			expect(outcome.error).toBe('1');
			expect(outcome.identifier).toBeNull();
		});

		it('keeps the person at the provider after a wrong password', async () => {
			const started = await getOAuthUrl(pair.fm);
			const url = providerUrlOf(started.body);
			const page = await openSignInPage(url);
			const wrong = await submitSignIn(url, page.text, { email: ada.email, password: 'nope' });
			expect(wrong.status).toBe(200);
			expect(wrong.text).toContain('Wrong email or password.');
			const right = await submitSignIn(url, wrong.text, ada);
			const back = await follow(right.location!);
			expect(returnParams(back.location!).error).toBe('0');
		});

		it('answers an unknown or reused state with a 400 page, not a redirect', async () => {
			const unknown = await follow(`${pair.fm.url}/oauth/redirect?code=abc&state=nope`);
			expect(unknown.status).toBe(400);
			expect(unknown.location).toBeNull();

			const started = await getOAuthUrl(pair.fm);
			const url = providerUrlOf(started.body);
			const page = await openSignInPage(url);
			const submitted = await submitSignIn(url, page.text, ada);
			expect((await follow(submitted.location!)).status).toBe(302);
			const reloaded = await follow(submitted.location!);
			expect(reloaded.status).toBe(400);
		});

		it('joins the parameters with & to a return URL that has a query ("append")', async () => {
			const outcome = await signIn(pair.fm, ada, {
				trackingId: 'track-append',
				returnUrl: RETURN_URL,
			});
			expect(RETURN_URL).toContain('?signature=abc');
			expect(outcome.location).toBe(
				`${RETURN_URL}&trackingID=track-append&identifier=${outcome.identifier}&error=0`,
			);
			const plain = await signIn(pair.fm, ada, {
				trackingId: 'track-plain',
				returnUrl: 'http://127.0.0.1:5678/callback',
			});
			expect(plain.location).toBe(
				`http://127.0.0.1:5678/callback?trackingID=track-plain&identifier=${plain.identifier}&error=0`,
			);
		});

		it('always joins with ? in "question-mark" style, as a careless server would', async () => {
			pair.fm.oauth.returnQueryStyle = 'question-mark';
			const outcome = await signIn(pair.fm, ada, {
				trackingId: 'track-careless',
				returnUrl: RETURN_URL,
			});
			expect(outcome.location).toBe(
				`${RETURN_URL}?trackingID=track-careless&identifier=${outcome.identifier}&error=0`,
			);
			// A naive reader of the query sees the signature swallow the tracking id.
			expect(new URL(outcome.location).searchParams.get('signature')).toBe(
				'abc?trackingID=track-careless',
			);
			expect(
				(await oauthLogin(pair.fm, outcome.requestId, outcome.identifier!)).answer.status,
			).toBe(200);
			const failed = await signIn(pair.fm, 'cancel', {
				trackingId: 'track-careless-cancel',
				returnUrl: RETURN_URL,
			});
			expect(failed.location).toBe(`${RETURN_URL}?trackingID=track-careless-cancel&error=1`);
		});
	});
});
