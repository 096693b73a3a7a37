import { verifyRs256, type JsonWebKeySet } from '../../sandbox/shared/jwt';
import type { MicrosoftIdentitySandbox } from '../../sandbox/microsoft/identity';
import {
	CLIENT_ID,
	GRAPH_DEFAULT,
	SECRET,
	TENANT_DOMAIN,
	TENANT_ID,
	postToken,
	startFixture,
} from './microsoft-identity-helpers';

describe('Microsoft identity sandbox: discovery documents and keys', () => {
	let sandbox: MicrosoftIdentitySandbox;
	const real = 'https://login.microsoftonline.com';

	beforeAll(async () => {
		sandbox = await startFixture();
	});
	afterAll(() => sandbox.close());

	it('serves the OpenID configuration with endpoints on login.microsoftonline.com', async () => {
		for (const tenant of [TENANT_ID, TENANT_DOMAIN]) {
			const response = await fetch(
				`${sandbox.url}/${tenant}/v2.0/.well-known/openid-configuration`,
			);
			expect(response.status).toBe(200);
			expect(await response.json()).toMatchObject({
				issuer: `${real}/${TENANT_ID}/v2.0`,
				authorization_endpoint: `${real}/${TENANT_ID}/oauth2/v2.0/authorize`,
				token_endpoint: `${real}/${TENANT_ID}/oauth2/v2.0/token`,
				jwks_uri: `${real}/${TENANT_ID}/discovery/v2.0/keys`,
				end_session_endpoint: `${real}/${TENANT_ID}/oauth2/v2.0/logout`,
				token_endpoint_auth_methods_supported: [
					'client_secret_post',
					'private_key_jwt',
					'client_secret_basic',
				],
				response_modes_supported: ['query', 'fragment', 'form_post'],
				msgraph_host: 'graph.microsoft.com',
			});
		}
		const common = await (
			await fetch(`${sandbox.url}/common/v2.0/.well-known/openid-configuration`)
		).json();
		expect(common).toMatchObject({
			issuer: `${real}/{tenantid}/v2.0`,
			token_endpoint: `${real}/common/oauth2/v2.0/token`,
		});
		const unknown = await fetch(
			`${sandbox.url}/contoso.example/v2.0/.well-known/openid-configuration`,
		);
		expect(unknown.status).toBe(400);
		expect(await unknown.json()).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
		expect(sandbox.counters.requests('discovery')).toBe(4);
	});

	it('answers instance discovery for Microsoft clouds, and invalid_instance for other hosts', async () => {
		const authorize = `${real}/${TENANT_ID}/oauth2/v2.0/authorize`;
		const response = await fetch(
			`${sandbox.url}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(authorize)}`,
		);
		expect(response.status).toBe(200);
		const body = (await response.json()) as { metadata: Array<{ aliases: string[] }> };
		expect(body).toMatchObject({
			tenant_discovery_endpoint: `${real}/${TENANT_ID}/v2.0/.well-known/openid-configuration`,
			'api-version': '1.1',
		});
		expect(body.metadata[0]).toEqual({
			preferred_network: 'login.microsoftonline.com',
			preferred_cache: 'login.windows.net',
			aliases: [
				'login.microsoftonline.com',
				'login.windows.net',
				'login.microsoft.com',
				'sts.windows.net',
			],
		});
		const foreign = await fetch(
			`${sandbox.url}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent('https://login.example.com/x/oauth2/v2.0/authorize')}`,
		);
		expect(foreign.status).toBe(400);
		expect(await foreign.json()).toMatchObject({ error: 'invalid_instance', error_codes: [50049] });
	});

	it('publishes the keys that verify its access tokens', async () => {
		const jwks = (await (
			await fetch(`${sandbox.url}/${TENANT_ID}/discovery/v2.0/keys`)
		).json()) as JsonWebKeySet;
		expect(jwks).toEqual(sandbox.jwks());
		expect(jwks.keys).toHaveLength(2);
		const token = await postToken(sandbox, TENANT_ID, {
			grant_type: 'client_credentials',
			client_id: CLIENT_ID,
			client_secret: SECRET,
			scope: GRAPH_DEFAULT,
		});
		const verified = verifyRs256(token.body.access_token as string, jwks);
		expect(typeof verified).toBe('object');
	});

	it('answers a GET to the token endpoint with AADSTS900561, and unknown paths with 404', async () => {
		const get = await fetch(sandbox.tokenUrl(TENANT_ID));
		expect(get.status).toBe(400);
		expect(await get.json()).toMatchObject({ error: 'invalid_request', error_codes: [900561] });
		expect((await fetch(`${sandbox.url}/${TENANT_ID}/oauth2/token/nothing`)).status).toBe(404);
	});
});
