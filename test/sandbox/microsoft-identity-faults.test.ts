import type { MicrosoftIdentitySandbox } from '../../sandbox/microsoft/identity';
import {
	CLIENT_ID,
	GRAPH_DEFAULT,
	SECRET,
	TENANT_ID,
	USER,
	authorizeUrl,
	postToken,
	startFixture,
} from './microsoft-identity-helpers';

const form = {
	grant_type: 'client_credentials',
	client_id: CLIENT_ID,
	client_secret: SECRET,
	scope: GRAPH_DEFAULT,
};

describe('Microsoft identity sandbox: faults and the control API', () => {
	let sandbox: MicrosoftIdentitySandbox;

	beforeAll(async () => {
		sandbox = await startFixture();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.counters.reset();
		sandbox.faults.reset();
		sandbox.clock.reset();
	});

	const admin = (path: string, body?: unknown) =>
		fetch(`${sandbox.url}/__sandbox${path}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	it('rate-limits the token endpoint with 429 and Retry-After, in Entra error shape', async () => {
		sandbox.faults.rateLimitNext({ endpoint: 'token', retryAfterSeconds: 7 });
		const limited = await postToken(sandbox, TENANT_ID, form);
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('7');
		expect(limited.body).toMatchObject({ error: 'temporarily_unavailable', error_codes: [90055] });
		expect(limited.body.error_description).toMatch(
			/^AADSTS90055: .*\r\nTrace ID: .*\r\nCorrelation ID: .*\r\nTimestamp: /s,
		);
		expect((await postToken(sandbox, TENANT_ID, form)).status).toBe(200);
		// A fault answers before the endpoint: the request is counted, the grant is not.
		expect(sandbox.counters.snapshot()).toMatchObject({
			'requests.token': 2,
			clientCredentials: 1,
		});

		sandbox.faults.rateLimitNext({ endpoint: 'token', retryAfterSeconds: 1, status: 503 });
		const unavailable = await postToken(sandbox, TENANT_ID, form);
		expect(unavailable.status).toBe(503);
		expect(unavailable.body).toMatchObject({
			error: 'temporarily_unavailable',
			error_codes: [90006],
		});
	});

	it("fails the next request with an OAuth error or an AADSTS code of the test's choosing", async () => {
		sandbox.faults.failNext({
			endpoint: 'token',
			status: 400,
			code: 'invalid_grant',
			message: 'Made up by the test.',
		});
		sandbox.faults.failNext({ endpoint: 'token', status: 401, code: 'AADSTS7000222' });
		sandbox.faults.failNext({ endpoint: 'token' });
		const first = await postToken(sandbox, TENANT_ID, form);
		expect(first.status).toBe(400);
		expect(first.body).toMatchObject({ error: 'invalid_grant', error_codes: [90023] });
		expect(first.body.error_description).toMatch(/^AADSTS90023: Made up by the test\.\r\n/);
		const second = await postToken(sandbox, TENANT_ID, form);
		expect(second.status).toBe(401);
		expect(second.body).toMatchObject({ error: 'invalid_client', error_codes: [7000222] });
		const third = await postToken(sandbox, TENANT_ID, form);
		expect(third.status).toBe(500);
		expect(third.body).toMatchObject({ error: 'server_error', error_codes: [50000] });
	});

	it('hangs and drops token requests', async () => {
		sandbox.faults.hangNext({ endpoint: 'token' });
		await expect(
			fetch(sandbox.tokenUrl(TENANT_ID), {
				method: 'POST',
				body: new URLSearchParams(form),
				signal: AbortSignal.timeout(200),
			}),
		).rejects.toThrow();
		sandbox.faults.dropNext({ endpoint: 'token' });
		await expect(postToken(sandbox, TENANT_ID, form)).rejects.toThrow();
		expect((await postToken(sandbox, TENANT_ID, form)).status).toBe(200);
	});

	it("fails the sign-in page with Entra's error page", async () => {
		sandbox.faults.failNext({ endpoint: 'authorize', status: 503 });
		const response = await fetch(authorizeUrl(sandbox), { redirect: 'manual' });
		expect(response.status).toBe(503);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await response.text()).toContain('AADSTS90006: ExternalServerRetryableError');
		expect((await fetch(authorizeUrl(sandbox))).status).toBe(200);
	});

	it('is driven over HTTP: counters, clock, faults, secrets, sessions', async () => {
		await postToken(sandbox, TENANT_ID, form);
		expect(await (await admin('/counters')).json()).toMatchObject({
			'requests.token': 1,
			clientCredentials: 1,
		});
		expect((await admin('/fail-next', { endpoint: 'token', status: 503 })).status).toBe(200);
		expect((await admin('/fail-next', { endpoint: 'graph' })).status).toBe(400);
		expect((await postToken(sandbox, TENANT_ID, form)).status).toBe(503);

		const apps = (await (await admin('/apps')).json()) as Array<Record<string, unknown>>;
		expect(apps.map((app) => app.clientId)).toContain(CLIENT_ID);
		expect(JSON.stringify(apps)).not.toContain(SECRET);
		expect((await (await admin('/users')).json()) as unknown[]).toContainEqual({
			id: USER.id,
			tenantId: TENANT_ID,
			userPrincipalName: USER.userPrincipalName,
			displayName: USER.displayName,
		});

		expect(
			(
				await admin(`/apps/${CLIENT_ID}/secrets`, {
					value: 'second-secret',
					expiresAt: Date.now() + 60_000,
				})
			).status,
		).toBe(200);
		expect(
			(await postToken(sandbox, TENANT_ID, { ...form, client_secret: 'second-secret' })).status,
		).toBe(200);
		expect((await admin('/clock/advance', { ms: 61_000 })).status).toBe(200);
		expect(
			(await postToken(sandbox, TENANT_ID, { ...form, client_secret: 'second-secret' })).body
				.error_codes,
		).toEqual([7000222]);
		expect(
			(await admin('/apps/00000000-0000-4000-8000-000000000000/secrets/expiry', { index: 0 }))
				.status,
		).toBe(404);

		const refreshToken = sandbox.tokens.signIn(CLIENT_ID, USER.userPrincipalName).refresh_token!;
		expect(await (await admin('/refresh-tokens/revoke', { refreshToken })).json()).toEqual({
			revoked: true,
		});
		expect(sandbox.refreshTokens.isActive(refreshToken)).toBe(false);
		const another = sandbox.tokens.signIn(CLIENT_ID, USER.userPrincipalName).refresh_token!;
		const revoked = (await (
			await admin(`/users/${USER.userPrincipalName}/revoke-sessions`, {})
		).json()) as { revoked: number };
		expect(revoked.revoked).toBeGreaterThanOrEqual(1);
		expect(sandbox.refreshTokens.isActive(another)).toBe(false);
	});
});
