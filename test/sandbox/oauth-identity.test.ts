import {
	CODE_LIFETIME_MS,
	IDENTITY_PAGE_TITLE,
	startIdentitySandbox,
	type IdentitySandbox,
} from '../../sandbox/identity';
import { decodeJwtClaims, verifyRs256 } from '../../sandbox/shared/jwt';
import { hiddenInputsOf, openSignInPage, submitSignIn } from './oauth-dance';

const CLIENT = {
	clientId: 'fms-client',
	clientSecret: 'fms-secret',
	redirectUris: ['https://fms.example/oauth/redirect', 'https://fms.example/cb?tenant=7'],
};
const ADA = { email: 'ada@analytical.example', password: 'pw-ada', name: 'Ada Lovelace' };

describe('Identity sandbox: an OpenID provider with a sign-in page', () => {
	let idp: IdentitySandbox;

	beforeAll(async () => {
		idp = await startIdentitySandbox({ people: [ADA], clients: [CLIENT] });
	});
	afterAll(() => idp.close());
	beforeEach(() => {
		idp.faults.reset();
		idp.counters.reset();
		idp.clock.reset();
	});

	function authorizeUrl(query: Record<string, string> = {}): string {
		const params = new URLSearchParams({
			response_type: 'code',
			client_id: CLIENT.clientId,
			redirect_uri: CLIENT.redirectUris[0],
			scope: 'openid email profile',
			state: 'state-1',
			...query,
		});
		return `${idp.authorizeUrl}?${params.toString()}`;
	}

	async function signInFor(
		query: Record<string, string> = {},
		person: { email: string; password: string } = ADA,
	) {
		const url = authorizeUrl(query);
		const page = await openSignInPage(url);
		return submitSignIn(url, page.text, person);
	}

	async function redeem(form: Record<string, string>) {
		const response = await fetch(idp.tokenUrl, {
			method: 'POST',
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				redirect_uri: CLIENT.redirectUris[0],
				client_id: CLIENT.clientId,
				client_secret: CLIENT.clientSecret,
				...form,
			}),
		});
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	}

	function codeOf(location: string | null): string {
		return new URL(location ?? '').searchParams.get('code') ?? '';
	}

	it('shows a sign-in form that carries the request in hidden inputs', async () => {
		const page = await openSignInPage(authorizeUrl());
		expect(page.status).toBe(200);
		expect(page.text).toContain(`<title>${IDENTITY_PAGE_TITLE}</title>`);
		expect(IDENTITY_PAGE_TITLE).toBe('Sign in – Sandbox ID');
		expect(page.text).toContain('<form method="post" action="/authorize">');
		expect(page.text).toMatch(/<label for="email">Email<\/label>\s*<input id="email" name="email"/);
		expect(page.text).toMatch(
			/<label for="password">Password<\/label>\s*<input id="password" name="password"/,
		);
		expect(page.text).toMatch(/<button type="submit"[^>]*>Sign in<\/button>/);
		expect(page.text).toMatch(/<button type="submit" name="cancel"[^>]*>Cancel<\/button>/);
		expect(hiddenInputsOf(page.text)).toEqual({
			response_type: 'code',
			client_id: CLIENT.clientId,
			redirect_uri: CLIENT.redirectUris[0],
			scope: 'openid email profile',
			state: 'state-1',
		});
		expect(idp.counters.authorizePages).toBe(1);
	});

	it('never redirects for an unknown client or an unregistered redirect URI', async () => {
		const queries: Array<Record<string, string>> = [
			{ client_id: 'someone-else' },
			{ redirect_uri: 'https://evil.example/oauth/redirect' },
			{ redirect_uri: 'https://fms.example/oauth/redirect/' },
		];
		for (const query of queries) {
			const page = await openSignInPage(authorizeUrl(query));
			expect(page.status).toBe(400);
			expect(page.location).toBeNull();
			expect(page.text).toContain('<!DOCTYPE html>');
		}
		expect(idp.counters.authorizePages).toBe(0);
	});

	it('sends a request without the openid scope back with invalid_scope', async () => {
		const page = await openSignInPage(authorizeUrl({ scope: 'email profile' }));
		expect(page.status).toBe(302);
		const location = new URL(page.location ?? '');
		expect(location.origin + location.pathname).toBe(CLIENT.redirectUris[0]);
		expect(location.searchParams.get('error')).toBe('invalid_scope');
		expect(location.searchParams.get('state')).toBe('state-1');
	});

	it('redirects with a code and the state, keeping the redirect URI query as it is', async () => {
		const answer = await signInFor({ redirect_uri: CLIENT.redirectUris[1] });
		expect(answer.status).toBe(302);
		expect(answer.location).toMatch(
			/^https:\/\/fms\.example\/cb\?tenant=7&code=[\w-]{20,}&state=state-1$/,
		);
		expect(idp.counters.signIns).toBe(1);
	});

	it('shows the form again after a wrong password', async () => {
		const answer = await signInFor({}, { email: ADA.email, password: 'nope' });
		expect(answer.status).toBe(200);
		expect(answer.text).toContain('Wrong email or password.');
		expect(hiddenInputsOf(answer.text).state).toBe('state-1');
		const unknown = await signInFor({}, { email: 'nobody@example.com', password: 'pw-ada' });
		expect(unknown.text).toContain('Wrong email or password.');
		expect(idp.counters.failedSignIns).toBe(2);
		expect(idp.counters.signIns).toBe(0);
	});

	it('sends a cancelled sign-in back with access_denied', async () => {
		const url = authorizeUrl();
		const page = await openSignInPage(url);
		const answer = await submitSignIn(url, page.text, 'cancel');
		expect(answer.status).toBe(302);
		const location = new URL(answer.location ?? '');
		expect(location.searchParams.get('error')).toBe('access_denied');
		expect(location.searchParams.get('error_description')).toBeTruthy();
		expect(location.searchParams.get('state')).toBe('state-1');
		expect(location.searchParams.has('code')).toBe(false);
		expect(idp.counters.cancelledSignIns).toBe(1);
	});

	it('denies the next sign-in on demand, also over the control API', async () => {
		idp.faults.denyNext({ error: 'server_error' });
		const denied = new URL((await signInFor()).location ?? '');
		expect(denied.searchParams.get('error')).toBe('server_error');
		expect(denied.searchParams.has('code')).toBe(false);

		const armed = await fetch(`${idp.url}/__sandbox/deny-next`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ error: 'access_denied', description: 'Admin says no' }),
		});
		expect(armed.status).toBe(200);
		const second = new URL((await signInFor()).location ?? '');
		expect(second.searchParams.get('error')).toBe('access_denied');
		expect(second.searchParams.get('error_description')).toBe('Admin says no');

		expect(codeOf((await signInFor()).location)).not.toBe('');
		expect(idp.counters.deniedSignIns).toBe(2);
	});

	it('redeems a code once for an ID token that names the person', async () => {
		const code = codeOf((await signInFor({ nonce: 'n-1' })).location);
		const tokens = await redeem({ code });
		expect(tokens.status).toBe(200);
		expect(tokens.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
		expect(typeof tokens.body.access_token).toBe('string');
		const idToken = tokens.body.id_token as string;
		const verified = verifyRs256(idToken, idp.jwks());
		expect(typeof verified).toBe('object');
		const claims = decodeJwtClaims(idToken) ?? {};
		expect(claims).toMatchObject({
			iss: idp.url,
			aud: CLIENT.clientId,
			email: ADA.email,
			name: ADA.name,
			nonce: 'n-1',
		});
		expect(typeof claims.sub).toBe('string');
		expect(claims.exp).toBe((claims.iat as number) + 3600);

		const again = await redeem({ code });
		expect(again).toEqual({
			status: 400,
			body: expect.objectContaining({ error: 'invalid_grant' }),
		});
		expect(idp.counters.tokenRequests).toBe(2);
		expect(idp.counters.failedTokenRequests).toBe(1);
	});

	it('refuses a wrong client secret, another redirect URI, an expired or unknown code', async () => {
		const code = codeOf((await signInFor()).location);
		expect(await redeem({ code, client_secret: 'wrong' })).toEqual({
			status: 401,
			body: expect.objectContaining({ error: 'invalid_client' }),
		});
		// A refused client did not spend the code; a wrong redirect URI does.
		expect((await redeem({ code, redirect_uri: CLIENT.redirectUris[1] })).body.error).toBe(
			'invalid_grant',
		);
		expect((await redeem({ code })).body.error).toBe('invalid_grant');

		const late = codeOf((await signInFor()).location);
		idp.clock.advance(CODE_LIFETIME_MS);
		expect((await redeem({ code: late })).body.error).toBe('invalid_grant');
		expect((await redeem({ code: 'made-up' })).body.error).toBe('invalid_grant');
		expect((await redeem({ code: 'x', grant_type: 'password' })).body.error).toBe(
			'unsupported_grant_type',
		);
	});

	it('takes client_secret_basic too, and publishes its discovery document and keys', async () => {
		const code = codeOf((await signInFor()).location);
		const response = await fetch(idp.tokenUrl, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`,
			},
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: CLIENT.redirectUris[0],
			}),
		});
		expect(response.status).toBe(200);

		const discovery = (await (
			await fetch(`${idp.url}/.well-known/openid-configuration`)
		).json()) as Record<string, unknown>;
		expect(discovery).toMatchObject({
			issuer: idp.url,
			authorization_endpoint: idp.authorizeUrl,
			token_endpoint: idp.tokenUrl,
			jwks_uri: idp.jwksUrl,
		});
		expect(await (await fetch(idp.jwksUrl)).json()).toEqual(idp.jwks());
	});

	it('applies the shared fault switches in OAuth error shape', async () => {
		idp.faults.failNext({ status: 503, endpoint: 'token' });
		const failed = await redeem({ code: 'x' });
		expect(failed).toEqual({ status: 503, body: { error: 'temporarily_unavailable' } });
		expect(idp.counters.requests('token')).toBe(1);
		const counters = (await (await fetch(`${idp.url}/__sandbox/counters`)).json()) as Record<
			string,
			number
		>;
		expect(counters['requests.token']).toBe(1);
	});
});
