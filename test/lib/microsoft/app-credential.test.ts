import { X509Certificate } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { readAppCredential } from '../../../lib/microsoft/app-credential';
import { CredentialSettingsError } from '../../../lib/shared/settings-error';
import type { TestCertificate } from '../../../sandbox/microsoft/identity';
import { createTestCertificate } from '../../../sandbox/microsoft/identity';

const TENANT = '5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const CLIENT = '0b6f4a2e-8c1d-4e3f-9a5b-7c6d5e4f3a2b';
const SECRET = 'a~secret.value-0123456789';

const secretCredential = (overrides: ICredentialDataDecryptedObject = {}) => ({
	tenantId: TENANT,
	clientId: CLIENT,
	authentication: 'secret',
	clientSecret: SECRET,
	...overrides,
});

function refusal(credentials: ICredentialDataDecryptedObject): string {
	try {
		readAppCredential(credentials);
	} catch (error) {
		expect(error).toBeInstanceOf(CredentialSettingsError);
		return (error as Error).message;
	}
	throw new Error('The credential was accepted');
}

describe('readAppCredential: tenant, app, cloud and endpoints', () => {
	it('reads a secret credential with the global cloud by default', () => {
		expect(
			readAppCredential(secretCredential({ secretExpiresOn: '2027-01-31T00:00:00Z' })),
		).toEqual({
			tenantId: TENANT,
			clientId: CLIENT,
			cloud: 'global',
			name: 'Global (microsoft.com)',
			authorityHost: 'https://login.microsoftonline.com',
			graphHost: 'https://graph.microsoft.com',
			identityEndpoint: undefined,
			graphEndpoint: undefined,
			authentication: {
				kind: 'secret',
				secret: SECRET,
				expiresOn: Date.parse('2027-01-31T00:00:00Z'),
			},
			transport: { timeoutMs: 60_000, busyRetries: 3, maxRetryWaitMs: 60_000 },
		});
	});

	it('trims what was pasted, and takes a tenant by its domain', () => {
		const settings = readAppCredential(
			secretCredential({
				tenantId: ' contoso.onmicrosoft.com ',
				clientId: ` ${CLIENT.toUpperCase()}\n`,
				clientSecret: ` ${SECRET} `,
			}),
		);
		expect([settings.tenantId, settings.clientId, settings.authentication]).toEqual([
			'contoso.onmicrosoft.com',
			CLIENT.toUpperCase(),
			{ kind: 'secret', secret: SECRET, expiresOn: undefined },
		]);
	});

	it.each([
		'',
		'not a tenant',
		'contoso',
		'5f1c2d3e-4a5b-4c6d-8e7f',
		'https://login.microsoftonline.com/x',
	])('refuses the tenant %p', (tenantId) => {
		expect(refusal(secretCredential({ tenantId }))).toBe(
			`The Tenant ID "${tenantId}" is not a directory ID (a GUID) or domain. Copy the "Directory (tenant) ID" from the app's Overview page in the Entra admin center.`,
		);
	});

	it.each(['', 'my-app', `${CLIENT}x`, '{0b6f4a2e-8c1d-4e3f-9a5b-7c6d5e4f3a2b}'])(
		'refuses the client id %p',
		(clientId) => {
			expect(refusal(secretCredential({ clientId }))).toBe(
				`The Client ID "${clientId}" is not a GUID. Copy the "Application (client) ID" from the app's Overview page in the Entra admin center.`,
			);
		},
	);

	it("takes the national cloud's hosts, and refuses a cloud it does not know", () => {
		expect(readAppCredential(secretCredential({ nationalCloud: 'usGovernment' }))).toMatchObject({
			authorityHost: 'https://login.microsoftonline.us',
			graphHost: 'https://graph.microsoft.us',
		});
		expect(refusal(secretCredential({ nationalCloud: 'moon' }))).toBe(
			'The national cloud "moon" is not one this credential knows',
		);
	});

	it('keeps only the origin of a gateway endpoint, and refuses one that is not http(s)', () => {
		expect(
			readAppCredential(
				secretCredential({
					identityEndpoint: 'https://login-gw.example.com/some/path/',
					graphEndpoint: 'http://127.0.0.1:8080//',
				}),
			),
		).toMatchObject({
			identityEndpoint: 'https://login-gw.example.com',
			graphEndpoint: 'http://127.0.0.1:8080',
		});
		expect(refusal(secretCredential({ graphEndpoint: 'ftp://graph.example.com' }))).toBe(
			'The Graph Endpoint "ftp://graph.example.com" is not an http(s) URL',
		);
		expect(refusal(secretCredential({ identityEndpoint: 'login gateway' }))).toBe(
			'The Identity Platform Endpoint "login gateway" is not an http(s) URL',
		);
	});
});

describe('readAppCredential: the secret', () => {
	it('needs one, and says where to find it; an unreadable expiry date is left out', () => {
		expect(refusal(secretCredential({ clientSecret: '  ' }))).toBe(
			"The credential has no client secret. Create one under the app's Certificates & secrets in the Entra admin center, and paste its Value (not its Secret ID).",
		);
		expect(
			readAppCredential(secretCredential({ secretExpiresOn: 'next spring' })).authentication,
		).toEqual({ kind: 'secret', secret: SECRET, expiresOn: undefined });
	});

	it('never puts the secret into a refusal', () => {
		for (const overrides of [
			{ tenantId: 'x' },
			{ clientId: 'y' },
			{ nationalCloud: 'z' },
		] as ICredentialDataDecryptedObject[]) {
			expect(refusal(secretCredential(overrides))).not.toContain(SECRET);
		}
	});
});

describe('readAppCredential: the certificate', () => {
	let certificate: TestCertificate;
	let other: TestCertificate;
	beforeAll(async () => {
		[certificate, other] = await Promise.all([
			createTestCertificate(),
			createTestCertificate('other'),
		]);
	});

	const certificateCredential = (overrides: ICredentialDataDecryptedObject = {}) => ({
		tenantId: TENANT,
		clientId: CLIENT,
		authentication: 'certificate',
		privateKey: certificate.privateKeyPem,
		...overrides,
	});

	it('with the certificate PEM: its SHA-256 thumbprint, and the certificate for x5c', () => {
		expect(
			readAppCredential(certificateCredential({ certificate: certificate.certificatePem }))
				.authentication,
		).toEqual({
			kind: 'certificate',
			privateKey: certificate.privateKeyPem.trim(),
			certificatePem: certificate.certificatePem.trim(),
			thumbprintSha256: certificate.thumbprintSha256Hex,
		});
	});

	it('takes key and certificate pasted on one line with \\n', () => {
		const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');
		const { authentication } = readAppCredential(
			certificateCredential({
				privateKey: oneLine(certificate.privateKeyPem),
				certificate: oneLine(certificate.certificatePem),
			}),
		);
		expect(authentication).toMatchObject({ thumbprintSha256: certificate.thumbprintSha256Hex });
	});

	it.each([
		['SHA-256 hex', (c: TestCertificate) => c.thumbprintSha256Hex, 'thumbprintSha256'],
		[
			'SHA-256 lower case with colons',
			(c: TestCertificate) => new X509Certificate(c.certificatePem).fingerprint256.toLowerCase(),
			'thumbprintSha256',
		],
		['SHA-1 as the portal shows it', (c: TestCertificate) => c.thumbprintSha1Hex, 'thumbprintSha1'],
		[
			'SHA-1 with spaces',
			(c: TestCertificate) => c.thumbprintSha1Hex.replace(/(..)/g, '$1 '),
			'thumbprintSha1',
		],
	])('without the certificate, takes its thumbprint: %s', (_label, thumbprint, field) => {
		const { authentication } = readAppCredential(
			certificateCredential({ thumbprint: thumbprint(certificate) }),
		);
		expect(authentication).toEqual({
			kind: 'certificate',
			privateKey: certificate.privateKeyPem.trim(),
			[field]: thumbprint(certificate).replace(/[\s:]/g, ''),
		});
	});

	it.each(['', 'abc', 'g'.repeat(40), 'a'.repeat(41), 'a'.repeat(63)])(
		'refuses the thumbprint %p',
		(thumbprint) => {
			expect(refusal(certificateCredential({ thumbprint }))).toBe(
				'Enter the certificate (PEM), or its thumbprint as the Entra admin center shows it (40 or 64 hexadecimal characters).',
			);
		},
	);

	it('refuses a private key that is not PEM, without echoing it', () => {
		const pasted = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7';
		const message = refusal(
			certificateCredential({ privateKey: pasted, certificate: certificate.certificatePem }),
		);
		expect(message).toBe(
			'The private key is not a PEM private key. Paste the whole key, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.',
		);
		expect(refusal(certificateCredential({ privateKey: '' }))).toBe(message);
		expect(refusal(certificateCredential({ privateKey: certificate.certificatePem }))).toBe(
			message,
		);
	});

	it('refuses a certificate that is not PEM', () => {
		expect(
			refusal(
				certificateCredential({
					certificate: '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----',
				}),
			),
		).toBe(
			'The certificate is not a PEM certificate. Paste the public certificate you uploaded to the app, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
		);
	});

	it('refuses a private key that does not belong to the certificate', () => {
		const message = refusal(certificateCredential({ certificate: other.certificatePem }));
		expect(message).toBe('The private key does not belong to the certificate');
	});
});
