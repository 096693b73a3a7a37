import type { MicrosoftIdentitySandbox } from '../../sandbox/microsoft/identity';
import {
	CLIENT_ID,
	GRAPH,
	PUBLIC_CLIENT_ID,
	SECRET,
	TENANT_ID,
	USER,
	codeFor,
	decodeJwt,
	pkcePair,
	postToken,
	startFixture,
} from './microsoft-identity-helpers';

const DAY_MS = 24 * 3600 * 1000;

function refreshForm(refreshToken: string, form: Record<string, string | undefined> = {}) {
	return {
		grant_type: 'refresh_token',
		client_id: CLIENT_ID,
		client_secret: SECRET,
		refresh_token: refreshToken,
		scope: `${GRAPH}/Mail.ReadWrite openid profile offline_access`,
		...form,
	};
}

describe('Microsoft identity sandbox: refresh tokens', () => {
	let sandbox: MicrosoftIdentitySandbox;

	beforeAll(async () => {
		sandbox = await startFixture();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.counters.reset();
		sandbox.clock.reset();
	});

	async function refresh(refreshToken: string, form: Record<string, string | undefined> = {}) {
		return postToken(sandbox, TENANT_ID, refreshForm(refreshToken, form));
	}

	/** A refresh token from a sign-in by hand and a code redeemed over HTTP. */
	async function signedInRefreshToken(): Promise<string> {
		const { verifier, challenge } = pkcePair();
		const code = await codeFor(sandbox, { challenge });
		const answer = await postToken(sandbox, TENANT_ID, {
			grant_type: 'authorization_code',
			client_id: CLIENT_ID,
			client_secret: SECRET,
			code,
			code_verifier: verifier,
			redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback',
		});
		return answer.body.refresh_token as string;
	}

	it('rotates: a new refresh token on every use, and the old one stays valid (as Entra leaves it)', async () => {
		const first = await signedInRefreshToken();
		const a = await refresh(first);
		expect(a.status).toBe(200);
		expect(a.headers.get('cache-control')).toContain('no-store');
		expect(a.body).toMatchObject({
			token_type: 'Bearer',
			scope: 'Mail.ReadWrite openid profile',
			expires_in: 3599,
		});
		expect(a.body.id_token).toEqual(expect.any(String));
		const second = a.body.refresh_token as string;
		expect(second).not.toBe(first);

		const b = await refresh(second);
		const third = b.body.refresh_token as string;
		expect(new Set([first, second, third]).size).toBe(3);
		// The old ones still work.
		expect((await refresh(first)).status).toBe(200);
		expect((await refresh(second)).status).toBe(200);
		expect(sandbox.refreshTokens.isActive(first)).toBe(true);
		expect(sandbox.counters.snapshot()).toMatchObject({
			refreshToken: 4,
			authorizationCode: 1,
			failedTokenRequests: 0,
		});
	});

	it('serves any consented permission, and refuses others with AADSTS65001', async () => {
		const token = sandbox.tokens.signIn(
			CLIENT_ID,
			USER.userPrincipalName,
			`openid offline_access ${GRAPH}/Mail.ReadWrite`,
		).refresh_token!;
		const send = await refresh(token, { scope: `${GRAPH}/Mail.Send offline_access` });
		expect(send.status).toBe(200);
		expect(send.body.scope).toBe('Mail.Send openid');
		expect(decodeJwt(send.body.access_token as string).claims).toMatchObject({
			scp: 'Mail.Send openid',
			upn: USER.userPrincipalName,
		});
		const none = await refresh(token, { scope: undefined });
		expect(decodeJwt(none.body.access_token as string).claims.scp).toBe('Mail.ReadWrite openid');
		const refused = await refresh(token, { scope: 'Calendars.Read' });
		expect(refused.status).toBe(400);
		expect(refused.body).toMatchObject({ error: 'invalid_grant', error_codes: [65001] });
	});

	it('lets a refresh token lapse 90 days after it was issued (AADSTS700082); each new one starts again', async () => {
		const before = sandbox.clock.now();
		const first = sandbox.tokens.signIn(CLIENT_ID, USER.id).refresh_token!;
		const expiresAt = sandbox.refreshTokens.expiresAt(first)!;
		expect(expiresAt - 90 * DAY_MS).toBeGreaterThanOrEqual(before);
		expect(expiresAt - 90 * DAY_MS).toBeLessThanOrEqual(sandbox.clock.now());
		sandbox.clock.advance(89 * DAY_MS);
		const renewed = (await refresh(first)).body.refresh_token as string;
		sandbox.clock.advance(2 * DAY_MS);
		const lapsed = await refresh(first);
		expect(lapsed.status).toBe(400);
		expect(lapsed.body).toMatchObject({ error: 'invalid_grant', error_codes: [700082] });
		expect(lapsed.body.error_description).toMatch(
			/^AADSTS700082: The refresh token has expired due to inactivity\. The token was issued on \d{4}-\d\d-\d\dT[\d:.]+Z and was inactive for 90\.00:00:00\./,
		);
		expect((await refresh(renewed)).status).toBe(200);
	});

	it("refuses revoked (AADSTS50173), made-up (AADSTS9002313) and other apps' refresh tokens (AADSTS70000)", async () => {
		const token = sandbox.tokens.signIn(CLIENT_ID, USER.userPrincipalName).refresh_token!;
		const other = await postToken(sandbox, TENANT_ID, {
			grant_type: 'refresh_token',
			client_id: PUBLIC_CLIENT_ID,
			refresh_token: token,
		});
		expect(other.body).toMatchObject({ error: 'invalid_grant', error_codes: [70000] });
		expect((await refresh('1.AAAAmadeup')).body).toMatchObject({
			error: 'invalid_grant',
			error_codes: [9002313],
		});
		expect((await refresh(token, { client_secret: 'wrong' })).body.error_codes).toEqual([7000215]);

		expect(sandbox.users.revokeSessions(USER.userPrincipalName)).toBeGreaterThanOrEqual(1);
		const revoked = await refresh(token);
		expect(revoked.status).toBe(400);
		expect(revoked.body).toMatchObject({ error: 'invalid_grant', error_codes: [50173] });
		expect(revoked.body.error_description).toMatch(
			/^AADSTS50173: The provided grant has expired due to it being revoked/,
		);
		expect(sandbox.counters.failedTokenRequests).toBe(4);
	});

	it("revokes public clients' refresh tokens on a password change, not confidential clients' ones", async () => {
		const confidential = sandbox.tokens.signIn(CLIENT_ID, USER.userPrincipalName).refresh_token!;
		const publicToken = sandbox.tokens.signIn(
			PUBLIC_CLIENT_ID,
			USER.userPrincipalName,
			'openid offline_access Mail.Read',
		).refresh_token!;
		expect(sandbox.users.setPassword(USER.userPrincipalName, 'a new password')).toBe(1);
		sandbox.users.setPassword(USER.userPrincipalName, USER.password);
		expect(sandbox.refreshTokens.isActive(publicToken)).toBe(false);
		expect((await refresh(confidential)).status).toBe(200);
		const publicAnswer = await postToken(sandbox, TENANT_ID, {
			grant_type: 'refresh_token',
			client_id: PUBLIC_CLIENT_ID,
			refresh_token: publicToken,
		});
		expect(publicAnswer.body.error_codes).toEqual([50173]);
	});

	it('revokes the used refresh token with revokeRotatedRefreshTokens (stricter than Entra)', async () => {
		const strict = await startFixture({ revokeRotatedRefreshTokens: true });
		try {
			const first = strict.tokens.signIn(CLIENT_ID, USER.userPrincipalName).refresh_token!;
			const a = await postToken(strict, TENANT_ID, refreshForm(first));
			expect(a.status).toBe(200);
			const old = await postToken(strict, TENANT_ID, refreshForm(first));
			expect(old.status).toBe(400);
			expect(old.body).toMatchObject({ error: 'invalid_grant', error_codes: [50173] });
			expect(
				(await postToken(strict, TENANT_ID, refreshForm(a.body.refresh_token as string))).status,
			).toBe(200);
		} finally {
			await strict.close();
		}
	});
});
