import {
	createHash,
	createPrivateKey,
	randomBytes,
	randomUUID,
	sign,
	constants,
} from 'node:crypto';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import {
	createTestCertificate,
	startMicrosoftIdentitySandbox,
	type MicrosoftIdentitySandbox,
	type MicrosoftIdentitySandboxOptions,
	type TestCertificate,
} from '../../sandbox/microsoft/identity';

export const TENANT_ID = '8a3c1f0e-5b2d-4c6e-9f71-2d4b6a8c0e13';
export const TENANT_DOMAIN = 'contoso.onmicrosoft.com';
export const OTHER_TENANT_ID = '0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b';
/** A confidential app (web): a secret and a certificate, application and delegated permissions. */
export const CLIENT_ID = '3f2a6c1e-9b7d-4e5f-8a0b-1c2d3e4f5a6b';
/** A second secret of CLIENT_ID that lapsed a day before the sandbox started. */
export const SECRET = 'Zx8Q~sandbox.secret-value_0123456789abcdef';
export const LAPSED_SECRET = 'Ab1Q~lapsed.secret-value_0123456789abcdef';
/** A public client (desktop app): no credential. */
export const PUBLIC_CLIENT_ID = '7c6b5a49-3827-4165-9f0e-dcba98765432';
/** An app of the other tenant. */
export const OTHER_CLIENT_ID = '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170';
export const REDIRECT_URI = 'http://localhost:5678/rest/oauth2-credential/callback';
export const OTHER_REDIRECT_URI = 'http://localhost:3000/callback';
export const USER = {
	tenantId: TENANT_ID,
	id: '6d1f2e3a-4b5c-4d6e-8f70-8192a3b4c5d6',
	userPrincipalName: 'adele.vance@contoso.onmicrosoft.com',
	password: 'Correct horse battery staple!',
	displayName: 'Adele Vance',
};
export const OTHER_USER = {
	tenantId: OTHER_TENANT_ID,
	id: '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901',
	userPrincipalName: 'megan@fabrikam.onmicrosoft.com',
	password: 'another password',
	displayName: 'Megan Bowen',
};
export const GRAPH = 'https://graph.microsoft.com';
export const GRAPH_DEFAULT = `${GRAPH}/.default`;
export const DELEGATED_SCOPE = `openid profile offline_access ${GRAPH}/Mail.ReadWrite ${GRAPH}/Mail.Send`;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let certificates: Promise<[TestCertificate, TestCertificate]> | undefined;

/** Two test certificates per process: the registered one and a stranger's. */
export function testCertificates(): Promise<[TestCertificate, TestCertificate]> {
	certificates ??= Promise.all([createTestCertificate(), createTestCertificate('stranger')]);
	return certificates;
}

/** The sandbox with the apps and users above; `options` replace the defaults. */
export async function startFixture(
	options: Partial<MicrosoftIdentitySandboxOptions> = {},
): Promise<MicrosoftIdentitySandbox> {
	const [certificate] = await testCertificates();
	const now = Date.now();
	return startMicrosoftIdentitySandbox({
		tenants: [
			{ tenantId: TENANT_ID, domain: TENANT_DOMAIN, displayName: 'Contoso' },
			{ tenantId: OTHER_TENANT_ID, domain: 'fabrikam.onmicrosoft.com' },
		],
		apps: [
			{
				tenantId: TENANT_ID,
				clientId: CLIENT_ID,
				displayName: 'n8n mail automation',
				secrets: [
					{ value: SECRET, expiresAt: now + 180 * 24 * 3600 * 1000 },
					{ value: LAPSED_SECRET, expiresAt: now - 24 * 3600 * 1000 },
				],
				certificates: [{ pem: certificate.certificatePem }],
				redirectUris: [REDIRECT_URI, OTHER_REDIRECT_URI],
				applicationPermissions: ['Mail.ReadWrite', 'Mail.Send'],
				delegatedScopes: ['Mail.ReadWrite', 'Mail.Send', 'User.Read', 'offline_access'],
			},
			{
				tenantId: TENANT_ID,
				clientId: PUBLIC_CLIENT_ID,
				displayName: 'Desktop mail tool',
				redirectUris: ['http://localhost'],
				delegatedScopes: ['Mail.Read', 'User.Read'],
			},
			{
				tenantId: OTHER_TENANT_ID,
				clientId: OTHER_CLIENT_ID,
				displayName: 'Fabrikam app',
				secrets: [{ value: 'fabrikam-secret', expiresAt: now + 3600 * 1000 * 24 }],
				redirectUris: [REDIRECT_URI],
				applicationPermissions: ['Mail.Read'],
			},
		],
		users: [USER, OTHER_USER],
		...options,
	});
}

export interface Answer<T = Record<string, unknown>> {
	status: number;
	headers: Headers;
	body: T;
}

/** A form POST to the sandbox's token endpoint of `tenant`; fields left undefined are not sent. */
export async function postToken<T = Record<string, unknown>>(
	sandbox: MicrosoftIdentitySandbox,
	tenant: string,
	form: Record<string, string | undefined>,
	headers: Record<string, string> = {},
): Promise<Answer<T>> {
	const fields = Object.entries(form).filter(
		(entry): entry is [string, string] => entry[1] !== undefined,
	);
	const response = await fetch(sandbox.tokenUrl(tenant), {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString(),
	});
	return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

export function decodeJwt(token: string): {
	header: Record<string, unknown>;
	claims: Record<string, unknown>;
} {
	const [header, claims] = token
		.split('.')
		.slice(0, 2)
		.map(
			(part) =>
				JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>,
		);
	return { header, claims };
}

/** An RFC 7636 verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
	const verifier = randomBytes(32).toString('base64url');
	return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AssertionOptions {
	privateKeyPem: string;
	alg?: 'RS256' | 'PS256';
	/** Header fields; default the thumbprint the alg goes with. */
	header?: Record<string, unknown>;
	claims?: Record<string, unknown>;
	/** The certificate whose thumbprint names the key. */
	certificate: TestCertificate;
}

/** A client assertion signed as the certificate-credentials page describes. */
export function clientAssertion(aud: string, options: AssertionOptions): string {
	const alg = options.alg ?? 'RS256';
	const thumbprint =
		alg === 'PS256'
			? {
					'x5t#S256': Buffer.from(options.certificate.thumbprintSha256Hex, 'hex').toString(
						'base64url',
					),
				}
			: { x5t: Buffer.from(options.certificate.thumbprintSha1Hex, 'hex').toString('base64url') };
	const now = Math.floor(Date.now() / 1000);
	const header = { alg, typ: 'JWT', ...thumbprint, ...options.header };
	const claims = {
		aud,
		iss: CLIENT_ID,
		sub: CLIENT_ID,
		jti: randomUUID(),
		nbf: now,
		iat: now,
		exp: now + 600,
		...options.claims,
	};
	const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const signed = `${encode(header)}.${encode(claims)}`;
	const key = createPrivateKey(options.privateKeyPem);
	const signature =
		alg === 'PS256'
			? sign('sha256', Buffer.from(signed), {
					key,
					padding: constants.RSA_PKCS1_PSS_PADDING,
					saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
				})
			: sign('sha256', Buffer.from(signed), key);
	return `${signed}.${signature.toString('base64url')}`;
}

/** The hidden inputs and the action of the sign-in page's form. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
	const unescape = (text: string) =>
		text
			.replace(/&quot;/g, '"')
			.replace(/&#39;/g, "'")
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&');
	const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1] ?? '';
	const fields: Record<string, string> = {};
	for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
		fields[unescape(match[1])] = unescape(match[2]);
	}
	return { action: unescape(action), fields };
}

export interface AuthorizeQuery {
	tenant?: string;
	clientId?: string;
	redirectUri?: string;
	scope?: string;
	state?: string;
	challenge?: string;
	extra?: Record<string, string>;
}

export function authorizeUrl(
	sandbox: MicrosoftIdentitySandbox,
	query: AuthorizeQuery = {},
): string {
	const params = new URLSearchParams({
		client_id: query.clientId ?? CLIENT_ID,
		response_type: 'code',
		redirect_uri: query.redirectUri ?? REDIRECT_URI,
		response_mode: 'query',
		scope: query.scope ?? DELEGATED_SCOPE,
		state: query.state ?? 'state-1',
		...(query.challenge ? { code_challenge: query.challenge, code_challenge_method: 'S256' } : {}),
		...query.extra,
	});
	return `${sandbox.authorizeUrl(query.tenant ?? TENANT_ID)}?${params.toString()}`;
}

/**
 * A person at the browser: opens the authorization URL, fills in the sign-in form and sends it.
 * Returns the sandbox's answer to the form, without following a redirect.
 */
export async function signInByHand(
	sandbox: MicrosoftIdentitySandbox,
	url: string,
	credentials: { loginfmt: string; passwd: string } = {
		loginfmt: USER.userPrincipalName,
		passwd: USER.password,
	},
): Promise<Response> {
	const page = await fetch(url);
	if (page.status !== 200) throw new Error(`sign-in page answered ${page.status}`);
	const { action, fields } = formOf(await page.text());
	return fetch(new URL(action, sandbox.url), {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ ...fields, ...credentials }).toString(),
		redirect: 'manual',
	});
}

/** Signs in by hand and returns the code the redirect carries. */
export async function codeFor(
	sandbox: MicrosoftIdentitySandbox,
	query: AuthorizeQuery = {},
): Promise<string> {
	const answer = await signInByHand(sandbox, authorizeUrl(sandbox, query));
	const location = answer.headers.get('location');
	const code = location ? new URL(location).searchParams.get('code') : null;
	if (!code) throw new Error(`no code: ${answer.status} ${location}`);
	return code;
}

/**
 * msal-node's network client, sending what msal addresses to login.microsoftonline.com (or the
 * other `hosts`) to the sandbox with fetch; `requests` records every URL msal asked for, as msal wrote it.
 */
export class SandboxNetworkClient implements INetworkModule {
	readonly requests: Array<{ method: 'GET' | 'POST'; url: string; body?: string }> = [];

	constructor(
		private readonly sandbox: MicrosoftIdentitySandbox,
		/** The hosts sent to the sandbox; anything else is refused. */
		private readonly hosts: string[] = ['login.microsoftonline.com'],
	) {}

	sendGetRequestAsync<T>(
		url: string,
		options?: NetworkRequestOptions,
	): Promise<NetworkResponse<T>> {
		this.requests.push({ method: 'GET', url });
		return this.send<T>('GET', url, options);
	}

	sendPostRequestAsync<T>(
		url: string,
		options?: NetworkRequestOptions,
	): Promise<NetworkResponse<T>> {
		this.requests.push({ method: 'POST', url, body: options?.body });
		return this.send<T>('POST', url, options);
	}

	private async send<T>(
		method: 'GET' | 'POST',
		url: string,
		options?: NetworkRequestOptions,
	): Promise<NetworkResponse<T>> {
		const parsed = new URL(url);
		if (parsed.protocol !== 'https:' || !this.hosts.includes(parsed.host)) {
			throw new Error(`not for the sandbox: ${url}`);
		}
		const target = `${this.sandbox.url}${parsed.pathname}${parsed.search}`;
		const response = await fetch(target, {
			method,
			headers: options?.headers,
			body: options?.body,
		});
		const headers: Record<string, string> = {};
		response.headers.forEach((value, name) => {
			headers[name] = value;
		});
		return { status: response.status, headers, body: (await response.json()) as T };
	}
}
