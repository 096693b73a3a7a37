import { verifyAccessToken } from '../../sandbox/microsoft/access-tokens';
import { verifyRs256 } from '../../sandbox/shared/jwt';
import { JWT_BEARER, type MicrosoftIdentitySandbox } from '../../sandbox/microsoft/identity';
import {
	CLIENT_ID,
	GRAPH,
	OTHER_CLIENT_ID,
	OTHER_REDIRECT_URI,
	PUBLIC_CLIENT_ID,
	REDIRECT_URI,
	SECRET,
	TENANT_ID,
	USER,
	clientAssertion,
	codeFor,
	decodeJwt,
	pkcePair,
	postToken,
	startFixture,
	testCertificates,
	type AuthorizeQuery,
} from './microsoft-identity-helpers';

const MINUTE_MS = 60 * 1000;

describe('Microsoft identity sandbox: authorization code grant with PKCE', () => {
	let sandbox: MicrosoftIdentitySandbox;

	beforeAll(async () => {
		sandbox = await startFixture();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.counters.reset();
		sandbox.clock.reset();
	});

	/** Signs in by hand with a fresh PKCE pair; the code and its verifier. */
	async function signedIn(query: AuthorizeQuery = {}): Promise<{ code: string; verifier: string }> {
		const { verifier, challenge } = pkcePair();
		return { code: await codeFor(sandbox, { challenge, ...query }), verifier };
	}

	function redeem(code: string, form: Record<string, string | undefined> = {}) {
		return postToken(sandbox, TENANT_ID, {
			grant_type: 'authorization_code',
			client_id: CLIENT_ID,
			client_secret: SECRET,
			code,
			redirect_uri: REDIRECT_URI,
			scope: `${GRAPH}/Mail.ReadWrite openid profile offline_access`,
			...form,
		});
	}

	it('redeems a code for a user token, a refresh token and an ID token', async () => {
		const { code, verifier } = await signedIn({ extra: { nonce: 'nonce-42' } });
		const answer = await redeem(code, { code_verifier: verifier, client_info: '1' });
		expect(answer.status).toBe(200);
		expect(answer.headers.get('cache-control')).toContain('no-store');
		expect(answer.headers.get('pragma')).toBe('no-cache');
		expect(Object.keys(answer.body).sort()).toEqual([
			'access_token',
			'client_info',
			'expires_in',
			'ext_expires_in',
			'id_token',
			'refresh_token',
			'scope',
			'token_type',
		]);
		expect(answer.body).toMatchObject({
			token_type: 'Bearer',
			scope: 'Mail.ReadWrite openid profile',
			expires_in: 3599,
			ext_expires_in: 3599,
		});
		expect(answer.body.refresh_token).toMatch(/^1\.A[\w-]{100,}$/);

		const access = decodeJwt(answer.body.access_token as string).claims;
		expect(access).toMatchObject({
			aud: GRAPH,
			iss: `https://sts.windows.net/${TENANT_ID}/`,
			tid: TENANT_ID,
			appid: CLIENT_ID,
			idtyp: 'user',
			oid: USER.id,
			upn: USER.userPrincipalName,
			scp: 'Mail.ReadWrite profile openid',
		});
		expect(access).not.toHaveProperty('roles');
		expect(
			verifyAccessToken(
				answer.body.access_token as string,
				sandbox.accessTokenTrust(),
				GRAPH,
				sandbox.clock.now(),
			),
		).toMatchObject({ idtyp: 'user' });

		const id = verifyRs256(answer.body.id_token as string, sandbox.jwks());
		if (typeof id === 'string') throw new Error(id);
		expect(id.claims).toMatchObject({
			aud: CLIENT_ID,
			iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
			tid: TENANT_ID,
			oid: USER.id,
			preferred_username: USER.userPrincipalName,
			name: USER.displayName,
			nonce: 'nonce-42',
			ver: '2.0',
		});
		expect((id.claims.exp as number) - (id.claims.iat as number)).toBe(3600);
		expect(
			JSON.parse(Buffer.from(answer.body.client_info as string, 'base64url').toString()),
		).toEqual({
			uid: USER.id,
			utid: TENANT_ID,
		});
		expect(sandbox.counters.snapshot()).toMatchObject({
			authorizationCode: 1,
			failedTokenRequests: 0,
		});
	});

	it('gives no refresh token without offline_access and no ID token without openid', async () => {
		const { code, verifier } = await signedIn({ scope: `${GRAPH}/Mail.Send` });
		const answer = await redeem(code, { code_verifier: verifier, scope: `${GRAPH}/Mail.Send` });
		expect(answer.status).toBe(200);
		expect(answer.body.scope).toBe('Mail.Send');
		expect(answer.body).not.toHaveProperty('refresh_token');
		expect(answer.body).not.toHaveProperty('id_token');
		expect(decodeJwt(answer.body.access_token as string).claims.scp).toBe('Mail.Send');
	});

	it('redeems with a certificate assertion, and for a public client without any credential', async () => {
		const [certificate] = await testCertificates();
		const assertion = () =>
			clientAssertion(`https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`, {
				privateKeyPem: certificate.privateKeyPem,
				certificate,
			});
		const { code, verifier } = await signedIn();
		const both = await redeem(code, {
			code_verifier: verifier,
			client_assertion_type: JWT_BEARER,
			client_assertion: assertion(),
		});
		expect(both.body.error_codes).toEqual([90023]);
		const withCertificate = await redeem(code, {
			client_secret: undefined,
			code_verifier: verifier,
			client_assertion_type: JWT_BEARER,
			client_assertion: assertion(),
		});
		expect(withCertificate.status).toBe(200);

		const { verifier: publicVerifier, challenge } = pkcePair();
		const publicCode = await codeFor(sandbox, {
			clientId: PUBLIC_CLIENT_ID,
			redirectUri: 'http://localhost',
			scope: 'openid offline_access Mail.Read',
			challenge,
		});
		const publicForm = {
			grant_type: 'authorization_code',
			client_id: PUBLIC_CLIENT_ID,
			code: publicCode,
			code_verifier: publicVerifier,
			redirect_uri: 'http://localhost',
		};
		const refused = await postToken(sandbox, TENANT_ID, {
			...publicForm,
			client_secret: 'anything',
		});
		expect(refused.status).toBe(401);
		expect(refused.body).toMatchObject({ error: 'invalid_client', error_codes: [700025] });
		const publicAnswer = await postToken(sandbox, TENANT_ID, publicForm);
		expect(publicAnswer.status).toBe(200);
		expect(publicAnswer.body.scope).toBe('Mail.Read openid');
		expect(decodeJwt(publicAnswer.body.access_token as string).claims.appid).toBe(PUBLIC_CLIENT_ID);
	});

	it('spends a code on use: the second redemption is AADSTS54005', async () => {
		const { code, verifier } = await signedIn();
		expect((await redeem(code, { code_verifier: verifier })).status).toBe(200);
		const again = await redeem(code, { code_verifier: verifier });
		expect(again.status).toBe(400);
		expect(again.body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
		expect(again.body.error_description).toMatch(
			/^AADSTS54005: OAuth2 Authorization code was already redeemed/,
		);
	});

	it('lets a code lapse after ten minutes (AADSTS70008) and refuses a made-up one (AADSTS9002313)', async () => {
		const { code, verifier } = await signedIn();
		sandbox.clock.advance(10 * MINUTE_MS);
		const late = await redeem(code, { code_verifier: verifier });
		expect(late.body).toMatchObject({ error: 'invalid_grant', error_codes: [70008] });
		const madeUp = await redeem('1.AAAAmadeup', { code_verifier: verifier });
		expect(madeUp.status).toBe(400);
		expect(madeUp.body).toMatchObject({ error: 'invalid_grant', error_codes: [9002313] });
	});

	it('checks the PKCE verifier (AADSTS501481) and leaves the code redeemable with the right one', async () => {
		const { code, verifier } = await signedIn();
		const wrong = await redeem(code, { code_verifier: pkcePair().verifier });
		expect(wrong.status).toBe(400);
		expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
		expect(wrong.body.error_description).toMatch(
			/^AADSTS501481: The Code_Verifier does not match the code_challenge/,
		);
		expect((await redeem(code)).body.error_codes).toEqual([501481]);
		expect((await redeem(code, { code_verifier: verifier })).status).toBe(200);
	});

	it('binds the code to its redirect URI (AADSTS500112, AADSTS50011), app (AADSTS70000) and client', async () => {
		const { code, verifier } = await signedIn();
		const other = await redeem(code, { code_verifier: verifier, redirect_uri: OTHER_REDIRECT_URI });
		expect(other.body).toMatchObject({ error_codes: [500112] });
		expect(other.body.error_description).toContain(
			`The reply address '${OTHER_REDIRECT_URI}' does not match the reply address '${REDIRECT_URI}'`,
		);
		const unregistered = await redeem(code, {
			code_verifier: verifier,
			redirect_uri: 'https://evil.example/',
		});
		expect(unregistered.body).toMatchObject({ error_codes: [50011] });
		const otherApp = await postToken(sandbox, TENANT_ID, {
			grant_type: 'authorization_code',
			client_id: PUBLIC_CLIENT_ID,
			code,
			code_verifier: verifier,
			redirect_uri: REDIRECT_URI,
		});
		expect(otherApp.body).toMatchObject({ error: 'invalid_grant', error_codes: [70000] });
		const noSecret = await redeem(code, { code_verifier: verifier, client_secret: undefined });
		expect(noSecret.status).toBe(401);
		expect(noSecret.body).toMatchObject({ error: 'invalid_client', error_codes: [7000218] });
		const otherTenantApp = await postToken(sandbox, TENANT_ID, {
			grant_type: 'authorization_code',
			client_id: OTHER_CLIENT_ID,
			client_secret: 'fabrikam-secret',
			code,
			redirect_uri: REDIRECT_URI,
		});
		expect(otherTenantApp.body).toMatchObject({
			error: 'unauthorized_client',
			error_codes: [700016],
		});
		expect((await redeem(code, { code_verifier: verifier })).status).toBe(200);
	});

	it('refuses a scope at redemption that the tenant did not consent to (AADSTS65001)', async () => {
		const { code, verifier } = await signedIn();
		const answer = await redeem(code, {
			code_verifier: verifier,
			scope: 'Calendars.Read offline_access',
		});
		expect(answer.body).toMatchObject({ error: 'invalid_grant', error_codes: [65001] });
	});
});
