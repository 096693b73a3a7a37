import { randomUUID } from 'node:crypto';
import { verifyAccessToken } from '../../sandbox/microsoft/access-tokens';
import { JWT_BEARER, type MicrosoftIdentitySandbox } from '../../sandbox/microsoft/identity';
import {
	CLIENT_ID,
	GRAPH,
	GRAPH_DEFAULT,
	GUID,
	LAPSED_SECRET,
	OTHER_CLIENT_ID,
	SECRET,
	TENANT_DOMAIN,
	TENANT_ID,
	clientAssertion,
	decodeJwt,
	postToken,
	startFixture,
	testCertificates,
} from './microsoft-identity-helpers';

const HOUR_MS = 3600 * 1000;

function secretForm(secret = SECRET, clientId = CLIENT_ID): Record<string, string> {
	return {
		grant_type: 'client_credentials',
		client_id: clientId,
		client_secret: secret,
		scope: GRAPH_DEFAULT,
	};
}

describe('Microsoft identity sandbox: client credentials', () => {
	let sandbox: MicrosoftIdentitySandbox;
	const realTokenEndpoint = `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`;

	beforeAll(async () => {
		sandbox = await startFixture();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.counters.reset();
		sandbox.clock.reset();
		sandbox.faults.reset();
	});

	it('answers a secret with an app-only Graph token, never cached, valid 3599 s on the sandbox clock', async () => {
		const answer = await postToken(sandbox, TENANT_ID, secretForm());
		expect(answer.status).toBe(200);
		expect(answer.headers.get('cache-control')).toContain('no-store');
		expect(answer.headers.get('pragma')).toBe('no-cache');
		expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
		expect(answer.headers.get('x-ms-request-id')).toMatch(GUID);
		expect(Object.keys(answer.body).sort()).toEqual([
			'access_token',
			'expires_in',
			'ext_expires_in',
			'token_type',
		]);
		expect(answer.body).toMatchObject({
			token_type: 'Bearer',
			expires_in: 3599,
			ext_expires_in: 3599,
		});

		const token = answer.body.access_token as string;
		const { claims } = decodeJwt(token);
		const app = sandbox.apps.get(CLIENT_ID)!;
		expect(claims).toMatchObject({
			aud: GRAPH,
			iss: `https://sts.windows.net/${TENANT_ID}/`,
			tid: TENANT_ID,
			appid: CLIENT_ID,
			idtyp: 'app',
			oid: app.servicePrincipalId,
			roles: ['Mail.ReadWrite', 'Mail.Send'],
		});
		expect(claims).not.toHaveProperty('scp');
		expect((claims.exp as number) - (claims.iat as number)).toBe(3599);
		expect(Math.abs((claims.iat as number) - Date.now() / 1000)).toBeLessThan(5);

		const trust = sandbox.accessTokenTrust();
		expect(verifyAccessToken(token, trust, GRAPH, sandbox.clock.now())).toMatchObject({
			appid: CLIENT_ID,
		});
		sandbox.clock.advance(3598 * 1000);
		expect(verifyAccessToken(token, trust, GRAPH, sandbox.clock.now())).toMatchObject({
			idtyp: 'app',
		});
		sandbox.clock.advance(2000);
		expect(verifyAccessToken(token, trust, GRAPH, sandbox.clock.now())).toBe('expired');
		expect(sandbox.counters.snapshot()).toMatchObject({
			'requests.token': 1,
			tokenRequests: 1,
			clientCredentials: 1,
			failedTokenRequests: 0,
		});
	});

	it('takes the tenant by domain, the secret in Authorization: Basic, and Graph by its app id', async () => {
		const byDomain = await postToken(sandbox, TENANT_DOMAIN, secretForm());
		expect(byDomain.status).toBe(200);
		const basic = Buffer.from(`${CLIENT_ID}:${encodeURIComponent(SECRET)}`).toString('base64');
		const answer = await postToken(
			sandbox,
			TENANT_ID,
			{ grant_type: 'client_credentials', scope: '00000003-0000-0000-c000-000000000000/.default' },
			{ Authorization: `Basic ${basic}` },
		);
		expect(answer.status).toBe(200);
		expect(decodeJwt(answer.body.access_token as string).claims.appid).toBe(CLIENT_ID);
	});

	it('accepts a certificate assertion: RS256 with x5t and PS256 with x5t#S256, aud Microsoft or the sandbox', async () => {
		const [certificate] = await testCertificates();
		const form = (assertion: string) => ({
			grant_type: 'client_credentials',
			client_id: CLIENT_ID,
			scope: GRAPH_DEFAULT,
			client_assertion_type: JWT_BEARER,
			client_assertion: assertion,
		});
		const rs256 = clientAssertion(realTokenEndpoint, {
			privateKeyPem: certificate.privateKeyPem,
			certificate,
		});
		const ps256 = clientAssertion(
			`https://login.microsoftonline.com/${TENANT_DOMAIN}/oauth2/v2.0/token`,
			{
				privateKeyPem: certificate.privateKeyPem,
				certificate,
				alg: 'PS256',
			},
		);
		const own = clientAssertion(sandbox.tokenUrl(TENANT_ID), {
			privateKeyPem: certificate.privateKeyPem,
			certificate,
		});
		for (const assertion of [rs256, ps256, own]) {
			const answer = await postToken(sandbox, TENANT_ID, form(assertion));
			expect(answer.status).toBe(200);
			expect(decodeJwt(answer.body.access_token as string).claims.roles).toEqual([
				'Mail.ReadWrite',
				'Mail.Send',
			]);
		}
		// msal-node sends one assertion for up to ten minutes: a jti may come again.
		expect((await postToken(sandbox, TENANT_ID, form(rs256))).status).toBe(200);
	});

	it('refuses assertions that are not the registered certificate, or not for this endpoint, or expired', async () => {
		const [certificate, stranger] = await testCertificates();
		const send = async (assertion: string, type = JWT_BEARER) =>
			postToken(sandbox, TENANT_ID, {
				grant_type: 'client_credentials',
				client_id: CLIENT_ID,
				scope: GRAPH_DEFAULT,
				client_assertion_type: type,
				client_assertion: assertion,
			});
		const expectRefusal = (
			answer: { status: number; body: Record<string, unknown> },
			code: number,
			text: RegExp,
		) => {
			expect(answer.status).toBe(401);
			expect(answer.body.error).toBe('invalid_client');
			expect(answer.body.error_codes).toEqual([code]);
			expect(answer.body.error_description).toMatch(text);
		};
		const key = { privateKeyPem: certificate.privateKeyPem, certificate };

		expectRefusal(
			await send(
				clientAssertion(realTokenEndpoint, {
					privateKeyPem: stranger.privateKeyPem,
					certificate: stranger,
				}),
			),
			700027,
			new RegExp(
				`not registered on application.*Thumbprint of key used by client: '${stranger.thumbprintSha1Hex}'`,
			),
		);
		// The registered certificate's thumbprint, someone else's key.
		expectRefusal(
			await send(
				clientAssertion(realTokenEndpoint, { privateKeyPem: stranger.privateKeyPem, certificate }),
			),
			700027,
			/^AADSTS700027: Client assertion contains an invalid signature/,
		);
		expectRefusal(
			await send(
				clientAssertion('https://login.microsoftonline.com/common/oauth2/v2.0/token', key),
			),
			700027,
			/'aud' claim/,
		);
		expectRefusal(
			await send(clientAssertion(realTokenEndpoint, { ...key, claims: { iss: OTHER_CLIENT_ID } })),
			700027,
			/'iss' claim/,
		);
		expectRefusal(
			await send(clientAssertion(realTokenEndpoint, { ...key, claims: { jti: undefined } })),
			700027,
			/'jti'/,
		);
		expectRefusal(
			await send(clientAssertion(realTokenEndpoint, { ...key, header: { x5t: undefined } })),
			700027,
			/No certificate thumbprint/,
		);
		expectRefusal(
			await send(clientAssertion(realTokenEndpoint, key), 'urn:other'),
			700027,
			/client_assertion_type/,
		);
		const past = Math.floor(Date.now() / 1000) - 3600;
		expectRefusal(
			await send(
				clientAssertion(realTokenEndpoint, { ...key, claims: { nbf: past - 600, exp: past } }),
			),
			700024,
			/^AADSTS700024: Client assertion is not within its valid time range/,
		);
		// The sandbox clock is Entra's clock: an hour later, a fresh assertion has lapsed too.
		sandbox.clock.advance(HOUR_MS);
		expectRefusal(await send(clientAssertion(realTokenEndpoint, key)), 700024, /valid time range/);
		expect(sandbox.counters.failedTokenRequests).toBe(9);
	});

	it('answers errors in Entra shape: AADSTS text, trace and correlation ids, timestamp, error_uri', async () => {
		const correlationId = randomUUID();
		const answer = await postToken(sandbox, TENANT_ID, secretForm('not the secret'), {
			'client-request-id': correlationId,
		});
		expect(answer.status).toBe(401);
		expect(answer.headers.get('cache-control')).toContain('no-store');
		const body = answer.body as Record<string, string>;
		expect(Object.keys(body).sort()).toEqual([
			'correlation_id',
			'error',
			'error_codes',
			'error_description',
			'error_uri',
			'timestamp',
			'trace_id',
		]);
		expect(body.error).toBe('invalid_client');
		expect(body.error_codes).toEqual([7000215]);
		expect(body.correlation_id).toBe(correlationId);
		expect(body.trace_id).toMatch(GUID);
		expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
		expect(body.error_uri).toBe('https://login.microsoftonline.com/error?code=7000215');
		expect(body.error_description).toBe(
			`AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${CLIENT_ID}'.\r\nTrace ID: ${body.trace_id}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${body.timestamp}`,
		);
	});

	it.each([
		[
			'an unknown tenant',
			'11111111-2222-4333-8444-555555555555',
			secretForm(),
			400,
			'invalid_request',
			90002,
			/Tenant '11111111-.*' not found/,
		],
		[
			'an unknown client',
			TENANT_ID,
			secretForm(SECRET, randomUUID()),
			400,
			'unauthorized_client',
			700016,
			/was not found in the directory 'Contoso'/,
		],
		[
			"another tenant's client",
			TENANT_ID,
			secretForm('fabrikam-secret', OTHER_CLIENT_ID),
			400,
			'unauthorized_client',
			700016,
			/Application with identifier/,
		],
		[
			'a wrong secret',
			TENANT_ID,
			secretForm('wrong'),
			401,
			'invalid_client',
			7000215,
			/Invalid client secret provided/,
		],
		[
			'a lapsed secret',
			TENANT_ID,
			secretForm(LAPSED_SECRET),
			401,
			'invalid_client',
			7000222,
			new RegExp(`client secret keys for app '${CLIENT_ID}' are expired`),
		],
		[
			'no credential',
			TENANT_ID,
			{ grant_type: 'client_credentials', client_id: CLIENT_ID, scope: GRAPH_DEFAULT },
			401,
			'invalid_client',
			7000218,
			/'client_assertion' or 'client_secret'/,
		],
		[
			'a scope without /.default',
			TENANT_ID,
			{ ...secretForm(), scope: `${GRAPH}/Mail.Read` },
			400,
			'invalid_scope',
			1002012,
			/must have a scope value with \/.default suffixed/,
		],
		[
			'another resource',
			TENANT_ID,
			{ ...secretForm(), scope: 'https://outlook.office365.com/.default' },
			400,
			'invalid_resource',
			500011,
			/resource principal named https:\/\/outlook.office365.com/,
		],
		[
			'no scope',
			TENANT_ID,
			{ ...secretForm(), scope: '' },
			400,
			'invalid_request',
			900144,
			/parameter: 'scope'/,
		],
		[
			'no grant type',
			TENANT_ID,
			{ client_id: CLIENT_ID, client_secret: SECRET },
			400,
			'invalid_request',
			900144,
			/parameter: 'grant_type'/,
		],
		[
			'an unknown grant type',
			TENANT_ID,
			{ ...secretForm(), grant_type: 'password' },
			400,
			'unsupported_grant_type',
			70003,
			/unsupported grant type 'password'/,
		],
		[
			'the /common endpoint',
			'common',
			secretForm(),
			400,
			'invalid_request',
			9001023,
			/\/common or \/consumers/,
		],
	])('refuses %s', async (_name, tenant, form, status, error, code, text) => {
		const answer = await postToken(sandbox, tenant, form);
		expect(answer.status).toBe(status);
		expect(answer.body).toMatchObject({ error, error_codes: [code] });
		expect(answer.body.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
		expect(answer.body.error_description).toMatch(text);
		expect(sandbox.counters.failedTokenRequests).toBe(1);
	});

	it('lets a secret lapse on the sandbox clock, by the helper and by the control API', async () => {
		expect((await postToken(sandbox, TENANT_ID, secretForm())).status).toBe(200);
		const app = sandbox.apps.get(CLIENT_ID)!;
		expect(app.secrets.map(({ hint }) => hint)).toEqual([
			SECRET.slice(0, 3),
			LAPSED_SECRET.slice(0, 3),
		]);
		expect(JSON.stringify(app)).not.toContain(SECRET);

		sandbox.clock.advance(app.secrets[0].expiresAt - sandbox.clock.now());
		expect((await postToken(sandbox, TENANT_ID, secretForm())).body.error_codes).toEqual([7000222]);
		sandbox.clock.reset();

		const index = sandbox.apps.addSecret(CLIENT_ID, {
			value: 'rotated-secret',
			expiresAt: Date.now() + HOUR_MS,
		});
		expect((await postToken(sandbox, TENANT_ID, secretForm('rotated-secret'))).status).toBe(200);
		const admin = await fetch(`${sandbox.url}/__sandbox/apps/${CLIENT_ID}/secrets/expiry`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ index }),
		});
		expect(admin.status).toBe(200);
		expect(
			(await postToken(sandbox, TENANT_ID, secretForm('rotated-secret'))).body.error_codes,
		).toEqual([7000222]);
		sandbox.apps.setSecretExpiry(CLIENT_ID, { value: 'rotated-secret' }, Date.now() + HOUR_MS);
		expect((await postToken(sandbox, TENANT_ID, secretForm('rotated-secret'))).status).toBe(200);
	});
});
