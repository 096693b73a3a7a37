import {
	ConfidentialClientApplication,
	CryptoProvider,
	PublicClientApplication,
	type Configuration,
} from '@azure/msal-node';
import type { MicrosoftIdentitySandbox } from '../../sandbox/microsoft/identity';
import {
	CLIENT_ID,
	GRAPH_DEFAULT,
	GUID,
	LAPSED_SECRET,
	PUBLIC_CLIENT_ID,
	REDIRECT_URI,
	SECRET,
	TENANT_DOMAIN,
	TENANT_ID,
	USER,
	SandboxNetworkClient,
	decodeJwt,
	signInByHand,
	startFixture,
	testCertificates,
} from './microsoft-identity-helpers';

const AUTHORITY = `https://login.microsoftonline.com/${TENANT_ID}`;
const TOKEN_URL = new RegExp(
	`^https://login\\.microsoftonline\\.com/${TENANT_ID}/oauth2/v2\\.0/token\\?client-request-id=[0-9a-f-]{36}$`,
);

/** Unmodified msal-node, its network client pointed at the sandbox. */
function confidentialApp(
	network: SandboxNetworkClient,
	auth: Partial<Configuration['auth']>,
): ConfidentialClientApplication {
	return new ConfidentialClientApplication({
		auth: { clientId: CLIENT_ID, authority: AUTHORITY, ...auth },
		system: { networkClient: network },
	});
}

function formOf(body: string | undefined): URLSearchParams {
	return new URLSearchParams(body ?? '');
}

describe('Microsoft identity sandbox with @azure/msal-node 7.2.3', () => {
	let sandbox: MicrosoftIdentitySandbox;

	beforeAll(async () => {
		sandbox = await startFixture();
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.counters.reset();
		sandbox.faults.reset();
	});

	it('gets an app token with a secret in one token request, then serves the second from its cache', async () => {
		const network = new SandboxNetworkClient(sandbox);
		const msal = confidentialApp(network, { clientSecret: SECRET });
		const before = Date.now();
		const result = await msal.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
		// App-only results carry no account: msal leaves tenantId empty.
		expect(result).toMatchObject({ tokenType: 'Bearer', tenantId: '', fromCache: false });
		expect(result!.expiresOn!.getTime()).toBeGreaterThanOrEqual(before + 3598_000);
		expect(result!.expiresOn!.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000);
		expect(decodeJwt(result!.accessToken).claims).toMatchObject({
			appid: CLIENT_ID,
			roles: ['Mail.ReadWrite', 'Mail.Send'],
		});

		const again = await msal.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
		expect(again).toMatchObject({ accessToken: result!.accessToken, fromCache: true });
		expect(sandbox.counters.snapshot()).toMatchObject({ requests: 1, clientCredentials: 1 });

		// What msal asked for: no discovery (it carries login.microsoftonline.com's metadata), one POST.
		expect(network.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
			expect.stringMatching(/^POST /),
		]);
		expect(network.requests[0].url).toMatch(TOKEN_URL);
		const sent = formOf(network.requests[0].body);
		expect(Object.fromEntries(sent)).toMatchObject({
			client_id: CLIENT_ID,
			scope: GRAPH_DEFAULT,
			grant_type: 'client_credentials',
			client_secret: SECRET,
			'x-client-SKU': 'msal.js.node',
			'x-client-VER': '7.2.3',
			'x-ms-lib-capability': 'retry-after, h429',
		});
		expect(sent.get('client-request-id')).toMatch(GUID);
	});

	it('gets an app token with a certificate: PS256 and x5t#S256 (thumbprintSha256), RS256 and x5t (thumbprint)', async () => {
		const [certificate] = await testCertificates();
		const cases = [
			{
				credential: { thumbprintSha256: certificate.thumbprintSha256Hex },
				alg: 'PS256',
				header: 'x5t#S256',
				hex: certificate.thumbprintSha256Hex,
			},
			{
				credential: { thumbprint: certificate.thumbprintSha1Hex },
				alg: 'RS256',
				header: 'x5t',
				hex: certificate.thumbprintSha1Hex,
			},
			{
				credential: {
					thumbprintSha256: certificate.thumbprintSha256Hex,
					x5c: certificate.certificatePem,
				},
				alg: 'PS256',
				header: 'x5t#S256',
				hex: certificate.thumbprintSha256Hex,
			},
		];
		for (const { credential, alg, header, hex } of cases) {
			const network = new SandboxNetworkClient(sandbox);
			const msal = confidentialApp(network, {
				clientCertificate: { ...credential, privateKey: certificate.privateKeyPem },
			});
			const result = await msal.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
			expect(decodeJwt(result!.accessToken).claims.roles).toEqual(['Mail.ReadWrite', 'Mail.Send']);
			const sent = formOf(network.requests[0].body);
			expect(sent.get('client_assertion_type')).toBe(
				'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
			);
			expect(sent.has('client_secret')).toBe(false);
			const assertion = decodeJwt(sent.get('client_assertion') ?? '');
			expect(assertion.header).toMatchObject({
				alg,
				typ: 'JWT',
				[header]: Buffer.from(hex, 'hex').toString('base64url'),
			});
			expect(assertion.claims).toMatchObject({
				aud: `${AUTHORITY}/oauth2/v2.0/token`,
				iss: CLIENT_ID,
				sub: CLIENT_ID,
				jti: expect.stringMatching(GUID),
			});
			expect((assertion.claims.exp as number) - (assertion.claims.nbf as number)).toBe(600);
			expect(network.requests).toHaveLength(1);
		}
		expect(sandbox.counters.clientCredentials).toBe(3);
	});

	it('takes the tenant by domain', async () => {
		const network = new SandboxNetworkClient(sandbox);
		const msal = confidentialApp(network, {
			authority: `https://login.microsoftonline.com/${TENANT_DOMAIN}`,
			clientSecret: SECRET,
		});
		const result = await msal.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
		expect(decodeJwt(result!.accessToken).claims.tid).toBe(TENANT_ID);
		expect(network.requests[0].url).toContain(`/${TENANT_DOMAIN}/oauth2/v2.0/token?`);
	});

	it.each([
		['a wrong secret', 'not-the-secret', 7000215, /AADSTS7000215: Invalid client secret provided/],
		[
			'a lapsed secret',
			LAPSED_SECRET,
			7000222,
			/AADSTS7000222: The provided client secret keys for app '.*' are expired/,
		],
	])(
		'surfaces %s as an msal ServerError naming the AADSTS code',
		async (_name, secret, code, text) => {
			const msal = confidentialApp(new SandboxNetworkClient(sandbox), { clientSecret: secret });
			const error = await msal.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] }).then(
				() => undefined,
				(reason: unknown) => reason as Record<string, unknown>,
			);
			expect(error).toMatchObject({
				name: 'ServerError',
				errorCode: 'invalid_client',
				errorNo: code,
				status: 401,
			});
			expect(error!.errorMessage).toMatch(
				new RegExp(`^Error\\(s\\): ${code} - Timestamp: .* - Description: `),
			);
			expect(error!.errorMessage).toMatch(text);
			expect(String(error!.message)).toMatch(text);
			expect(sandbox.counters.failedTokenRequests).toBe(1);
		},
	);

	it('signs a user in with PKCE (ConfidentialClientApplication): code, then cache, refresh and rotation', async () => {
		const network = new SandboxNetworkClient(sandbox);
		const msal = confidentialApp(network, { clientSecret: SECRET });
		const pkce = await new CryptoProvider().generatePkceCodes();
		const scopes = ['Mail.ReadWrite', 'Mail.Send'];
		const url = await msal.getAuthCodeUrl({
			scopes,
			redirectUri: REDIRECT_URI,
			codeChallenge: pkce.challenge,
			codeChallengeMethod: 'S256',
		});
		expect(url).toMatch(new RegExp(`^${AUTHORITY}/oauth2/v2\\.0/authorize\\?`));
		expect(network.requests).toEqual([]);
		const redirect = await signInByHand(
			sandbox,
			url.replace('https://login.microsoftonline.com', sandbox.url),
		);
		const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';

		const result = await msal.acquireTokenByCode({
			code,
			scopes,
			redirectUri: REDIRECT_URI,
			codeVerifier: pkce.verifier,
		});
		expect(result.account).toMatchObject({
			homeAccountId: `${USER.id}.${TENANT_ID}`,
			tenantId: TENANT_ID,
			localAccountId: USER.id,
			username: USER.userPrincipalName,
			name: USER.displayName,
		});
		expect(result.scopes).toEqual(['Mail.ReadWrite', 'Mail.Send', 'openid', 'profile']);
		expect(decodeJwt(result.accessToken).claims).toMatchObject({
			idtyp: 'user',
			upn: USER.userPrincipalName,
		});
		const sentCode = formOf(network.requests[0].body);
		expect(Object.fromEntries(sentCode)).toMatchObject({
			grant_type: 'authorization_code',
			code,
			code_verifier: pkce.verifier,
			redirect_uri: REDIRECT_URI,
			scope: 'Mail.ReadWrite Mail.Send openid profile offline_access',
			client_info: '1',
			client_secret: SECRET,
		});

		const silent = await msal.acquireTokenSilent({ account: result.account!, scopes });
		expect(silent).toMatchObject({ accessToken: result.accessToken, fromCache: true });
		expect(network.requests).toHaveLength(1);

		const refreshTokenOf = () =>
			Object.values(
				JSON.parse(msal.getTokenCache().serialize()).RefreshToken as Record<
					string,
					{ secret: string }
				>,
			)[0].secret;
		const firstRefreshToken = refreshTokenOf();
		const forced = await msal.acquireTokenSilent({
			account: result.account!,
			scopes,
			forceRefresh: true,
		});
		expect(forced.fromCache).toBe(false);
		expect(forced.accessToken).not.toBe(result.accessToken);
		expect(formOf(network.requests[1].body).get('grant_type')).toBe('refresh_token');
		expect(formOf(network.requests[1].body).get('refresh_token')).toBe(firstRefreshToken);
		// msal keeps the rotated refresh token; the old one still works at Entra.
		expect(refreshTokenOf()).not.toBe(firstRefreshToken);
		expect(sandbox.refreshTokens.isActive(firstRefreshToken)).toBe(true);

		const byRefreshToken = await msal.acquireTokenByRefreshToken({
			refreshToken: firstRefreshToken,
			scopes: ['Mail.Send'],
		});
		expect(byRefreshToken!.scopes).toEqual(['Mail.Send', 'openid', 'profile']);
		expect(decodeJwt(byRefreshToken!.accessToken).claims.scp).toBe('Mail.Send profile openid');
		expect(network.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
			expect.stringMatching(TOKEN_URL.source.replace('^', '^POST ')),
			expect.stringMatching(TOKEN_URL.source.replace('^', '^POST ')),
			expect.stringMatching(TOKEN_URL.source.replace('^', '^POST ')),
		]);
		expect(sandbox.counters.snapshot()).toMatchObject({
			authorizationCode: 1,
			refreshToken: 2,
			signIns: 1,
		});
	});

	it('signs a user in with PKCE (PublicClientApplication) and surfaces a revoked refresh token', async () => {
		const network = new SandboxNetworkClient(sandbox);
		const msal = new PublicClientApplication({
			auth: { clientId: PUBLIC_CLIENT_ID, authority: AUTHORITY },
			system: { networkClient: network },
		});
		const pkce = await new CryptoProvider().generatePkceCodes();
		const request = { scopes: ['Mail.Read'], redirectUri: 'http://localhost' };
		const url = await msal.getAuthCodeUrl({
			...request,
			codeChallenge: pkce.challenge,
			codeChallengeMethod: 'S256',
		});
		const redirect = await signInByHand(
			sandbox,
			url.replace('https://login.microsoftonline.com', sandbox.url),
		);
		const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
		const result = await msal.acquireTokenByCode({ ...request, code, codeVerifier: pkce.verifier });
		expect(result.account?.username).toBe(USER.userPrincipalName);
		expect(formOf(network.requests[0].body).has('client_secret')).toBe(false);

		sandbox.users.revokeSessions(USER.id);
		const error = await msal
			.acquireTokenSilent({ account: result.account!, scopes: ['Mail.Read'], forceRefresh: true })
			.then(
				() => undefined,
				(reason: unknown) => reason as Record<string, unknown>,
			);
		expect(error).toMatchObject({ errorCode: 'invalid_grant', errorNo: 50173 });
		expect(String(error!.message)).toContain('AADSTS50173');
	});

	it('fetches discovery documents only for an authority host it carries no metadata for', async () => {
		const host = 'login.contoso-gateway.example';
		const hosts = ['login.microsoftonline.com', host];
		const known = new SandboxNetworkClient(sandbox, hosts);
		const withKnownAuthority = confidentialApp(known, {
			authority: `https://${host}/${TENANT_ID}`,
			knownAuthorities: [host],
			clientSecret: SECRET,
		});
		await withKnownAuthority.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
		// knownAuthorities skips instance discovery; the OpenID configuration names the token endpoint.
		expect(known.requests.map(({ method, url }) => `${method} ${url.split('?')[0]}`)).toEqual([
			`GET https://${host}/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
			`POST https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`,
		]);

		const unknown = new SandboxNetworkClient(sandbox, hosts);
		const withoutKnownAuthority = confidentialApp(unknown, {
			authority: `https://${host}/${TENANT_ID}`,
			clientSecret: SECRET,
		});
		await expect(
			withoutKnownAuthority.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] }),
		).rejects.toMatchObject({ errorCode: 'endpoints_resolution_error' });
		expect(unknown.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
			`GET https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=https://${host}/${TENANT_ID}/oauth2/v2.0/authorize`,
		]);
		expect(sandbox.counters.requests('discovery')).toBe(2);
	});

	it('surfaces a 429 from the token endpoint with its Retry-After, in one request', async () => {
		const network = new SandboxNetworkClient(sandbox);
		const msal = confidentialApp(network, { clientSecret: SECRET });
		sandbox.faults.rateLimitNext({ endpoint: 'token', retryAfterSeconds: 30 });
		const error = await msal.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] }).then(
			() => undefined,
			(reason: unknown) => reason as Record<string, unknown>,
		);
		expect(error).toMatchObject({ errorCode: 'temporarily_unavailable', status: 429 });
		expect(network.requests).toHaveLength(1);
	});
});
