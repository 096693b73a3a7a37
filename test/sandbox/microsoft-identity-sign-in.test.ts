import {
	MICROSOFT_SIGN_IN_TITLE,
	UNKNOWN_ACCOUNT,
	WRONG_PASSWORD,
	type MicrosoftIdentitySandbox,
} from '../../sandbox/microsoft/identity';
import {
	CLIENT_ID,
	DELEGATED_SCOPE,
	GUID,
	OTHER_CLIENT_ID,
	OTHER_USER,
	REDIRECT_URI,
	TENANT_ID,
	USER,
	authorizeUrl,
	formOf,
	pkcePair,
	signInByHand,
	startFixture,
} from './microsoft-identity-helpers';

describe('Microsoft identity sandbox: the sign-in page at /authorize', () => {
	let sandbox: MicrosoftIdentitySandbox;

	beforeAll(async () => {
		sandbox = await startFixture();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.counters.reset();
		sandbox.faults.reset();
	});

	it('shows "Sign in to your account" with loginfmt, passwd and the request in hidden fields', async () => {
		const { challenge } = pkcePair();
		const response = await fetch(
			authorizeUrl(sandbox, {
				challenge,
				extra: { login_hint: USER.userPrincipalName, nonce: 'n-1' },
			}),
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await response.text();
		expect(html).toContain(`<title>${MICROSOFT_SIGN_IN_TITLE}</title>`);
		expect(MICROSOFT_SIGN_IN_TITLE).toBe('Sign in to your account');
		expect(html).toMatch(
			/<label for="i0116">Email, phone, or Skype<\/label>\s*<input type="email" name="loginfmt" id="i0116"/,
		);
		expect(html).toMatch(
			/<label for="i0118">Password<\/label>\s*<input type="password" name="passwd" id="i0118"/,
		);
		expect(html).toContain('<input type="submit" id="idSIButton9" value="Sign in">');
		expect(html).toContain(`value="${USER.userPrincipalName}"`);
		const { action, fields } = formOf(html);
		expect(action).toBe(`/${TENANT_ID}/oauth2/v2.0/authorize`);
		expect(fields).toEqual({
			client_id: CLIENT_ID,
			response_type: 'code',
			redirect_uri: REDIRECT_URI,
			response_mode: 'query',
			scope: DELEGATED_SCOPE,
			state: 'state-1',
			nonce: 'n-1',
			code_challenge: challenge,
			code_challenge_method: 'S256',
			login_hint: USER.userPrincipalName,
		});
		expect(sandbox.counters.snapshot()).toMatchObject({ 'requests.authorize': 1, signInPages: 1 });
	});

	it('shows the page again after a wrong password or an unknown account, and redirects nothing', async () => {
		const wrong = await signInByHand(sandbox, authorizeUrl(sandbox), {
			loginfmt: USER.userPrincipalName,
			passwd: 'not it',
		});
		expect(wrong.status).toBe(200);
		expect(wrong.headers.get('location')).toBeNull();
		const html = await wrong.text();
		expect(html).toContain('Your account or password is incorrect.');
		expect(html).toContain(WRONG_PASSWORD.replace("'", '&#39;'));
		expect(formOf(html).fields.state).toBe('state-1');
		expect(html).toContain(
			`name="loginfmt" id="i0116" autocomplete="username" value="${USER.userPrincipalName}"`,
		);

		const unknown = await signInByHand(sandbox, authorizeUrl(sandbox), {
			loginfmt: 'nobody@contoso.onmicrosoft.com',
			passwd: USER.password,
		});
		expect(unknown.status).toBe(200);
		expect(await unknown.text()).toContain(UNKNOWN_ACCOUNT);
		expect(sandbox.counters.snapshot()).toMatchObject({ failedSignIns: 2, signIns: 0 });
	});

	it('redirects with code, state and session_state after the right password (client_info when asked)', async () => {
		const answer = await signInByHand(
			sandbox,
			authorizeUrl(sandbox, { extra: { client_info: '1' } }),
			{
				loginfmt: USER.userPrincipalName.toUpperCase(),
				passwd: USER.password,
			},
		);
		expect(answer.status).toBe(302);
		const location = new URL(answer.headers.get('location') ?? '');
		expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
		expect([...location.searchParams.keys()]).toEqual([
			'code',
			'client_info',
			'state',
			'session_state',
		]);
		expect(location.searchParams.get('code')).toMatch(/^1\.A[\w-]{40,}$/);
		expect(location.searchParams.get('state')).toBe('state-1');
		expect(location.searchParams.get('session_state')).toMatch(GUID);
		expect(
			JSON.parse(
				Buffer.from(location.searchParams.get('client_info') ?? '', 'base64url').toString(),
			),
		).toEqual({
			uid: USER.id,
			utid: TENANT_ID,
		});
		expect(sandbox.counters.snapshot()).toMatchObject({ signIns: 1, failedSignIns: 0 });
	});

	it('answers form_post with a self-posting form and fragment in the fragment', async () => {
		const posted = await signInByHand(
			sandbox,
			authorizeUrl(sandbox, { extra: { response_mode: 'form_post' } }),
		);
		expect(posted.status).toBe(200);
		const html = await posted.text();
		expect(html).toContain(`<form method="POST" name="hiddenform" action="${REDIRECT_URI}">`);
		expect(html).toMatch(/<input type="hidden" name="code" value="1\.A[\w-]+">/);
		expect(html).toContain('<input type="hidden" name="state" value="state-1">');

		const fragment = await signInByHand(
			sandbox,
			authorizeUrl(sandbox, { extra: { response_mode: 'fragment' } }),
		);
		expect(fragment.status).toBe(302);
		expect(fragment.headers.get('location')).toMatch(
			new RegExp(`^${REDIRECT_URI}#code=1\\.A[\\w-]+&state=state-1&session_state=`),
		);
	});

	it('takes the authorization request by POST as well', async () => {
		const url = new URL(authorizeUrl(sandbox));
		const response = await fetch(`${url.origin}${url.pathname}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: url.searchParams.toString(),
		});
		expect(response.status).toBe(200);
		expect(formOf(await response.text()).fields.client_id).toBe(CLIENT_ID);
	});

	it.each([
		['an unknown tenant', { tenant: '11111111-2222-4333-8444-555555555555' }, 90002],
		['an unknown app', { clientId: '99999999-2222-4333-8444-555555555555' }, 700016],
		["another tenant's app", { clientId: OTHER_CLIENT_ID }, 700016],
		['an unregistered redirect URI', { redirectUri: 'https://evil.example/callback' }, 50011],
		['no client id', { extra: { client_id: '' } }, 700016],
	])('shows an error page for %s and redirects nowhere', async (_name, query, code) => {
		const response = await fetch(authorizeUrl(sandbox, query), { redirect: 'manual' });
		expect(response.status).toBe(400);
		expect(response.headers.get('location')).toBeNull();
		const html = await response.text();
		expect(html).toContain("Sorry, but we're having trouble signing you in.");
		expect(html).toContain(`AADSTS${code}: `);
		expect(sandbox.counters.signInPages).toBe(0);
	});

	it('shows an error page when the form comes back with another redirect URI', async () => {
		const page = await fetch(authorizeUrl(sandbox));
		const { action, fields } = formOf(await page.text());
		const response = await fetch(new URL(action, sandbox.url), {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				...fields,
				redirect_uri: 'https://evil.example/callback',
				loginfmt: USER.userPrincipalName,
				passwd: USER.password,
			}).toString(),
			redirect: 'manual',
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain(
			'AADSTS50011: The redirect URI &#39;https://evil.example/callback&#39;',
		);
		expect(sandbox.counters.signIns).toBe(0);
	});

	it('refuses a user of another tenant with AADSTS50020', async () => {
		const response = await signInByHand(sandbox, authorizeUrl(sandbox), {
			loginfmt: OTHER_USER.userPrincipalName,
			passwd: OTHER_USER.password,
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain(
			`AADSTS50020: User account &#39;${OTHER_USER.userPrincipalName}&#39;`,
		);
	});

	it.each([
		['response_type=token', { response_type: 'token' }, 'unsupported_response_type', 70005],
		[
			'a scope the tenant did not consent to',
			{ scope: 'openid Calendars.Read' },
			'consent_required',
			65001,
		],
		['prompt=none without a session', { prompt: 'none' }, 'login_required', 50058],
		[
			'an unknown PKCE method',
			{ code_challenge: 'a'.repeat(43), code_challenge_method: 'S512' },
			'invalid_request',
			50149,
		],
		[
			'a PKCE challenge too short',
			{ code_challenge: 'short', code_challenge_method: 'S256' },
			'invalid_request',
			501491,
		],
		['no scope', { scope: '' }, 'invalid_request', 900144],
	])('sends %s back to the app as an error', async (_name, extra, error, code) => {
		const response = await fetch(authorizeUrl(sandbox, { extra }), { redirect: 'manual' });
		expect(response.status).toBe(302);
		const location = new URL(response.headers.get('location') ?? '');
		expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
		expect(location.searchParams.get('error')).toBe(error);
		expect(location.searchParams.get('error_description')).toMatch(
			new RegExp(`^AADSTS${code}: .*\r\nTrace ID: `, 's'),
		);
		expect(location.searchParams.get('state')).toBe('state-1');
		expect(location.searchParams.get('code')).toBeNull();
	});
});
