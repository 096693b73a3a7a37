import { X509Certificate } from 'node:crypto';

import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { MICROSOFT_DEMO } from '../../../sandbox/microsoft';
import { MicrosoftGraphMail } from '../../../nodes/MicrosoftGraphMail/MicrosoftGraphMail.node';
import type { GraphBed } from '../../helpers/microsoft';
import {
	folderById,
	graphCredentialData,
	invoices,
	jsonOf,
	startGraphBed,
} from '../../helpers/microsoft';

const DAY = 24 * 60 * 60_000;

const listOne = {
	resource: 'message',
	operation: 'getMany',
	folder: folderById('inbox'),
	returnAll: false,
	limit: 1,
};

const EXPIRED = {
	message: 'The client secret of the app has expired (AADSTS7000222)',
	hint: 'Create a new client secret under the app\'s Certificates & secrets in the Entra admin center, paste its Value into the credential, and set "Secret Expires On" so n8n warns before the next one lapses.',
};
const WRONG = {
	message: 'The client secret is not valid for this app (AADSTS7000215)',
	hint: "Paste the secret's Value (not its Secret ID) from the app's Certificates & secrets, for the app whose Client ID is in the credential.",
};

describe('Microsoft Graph App credential: secrets that lapse or are wrong', () => {
	let bed: GraphBed;
	beforeEach(async () => {
		bed = await startGraphBed();
		bed.sandboxes.graph.mail.deliver({ subject: 'ping', to: [invoices.address] });
	});
	afterEach(async () => await bed.close());

	const credentialTest = async (overrides: ICredentialDataDecryptedObject = {}) =>
		await new MicrosoftGraphMail().methods.credentialTest.microsoftGraphAppToken.call(
			new CredentialTestContext(),
			{
				id: 'graph-app',
				name: 'Graph',
				type: 'microsoftGraphAppApi',
				data: graphCredentialData(bed.sandboxes, overrides),
			},
		);

	it('an expired secret: the AADSTS7000222 message and what to do', async () => {
		bed.sandboxes.identity.apps.expireSecret(MICROSOFT_DEMO.clientId, { index: 0 });
		const execution = await bed.run(listOne);
		expect(execution.error?.message).toBe(EXPIRED.message);
		expect(execution.error?.description).toBe(EXPIRED.hint);
		expect(bed.sandboxes.graph.counters.requests()).toBe(0);

		const item = await bed.run(listOne, { extra: { continueOnFail: true } });
		expect(jsonOf(item)).toEqual([
			{ error: EXPIRED.message, hint: EXPIRED.hint, aadsts: '7000222' },
		]);

		expect(await credentialTest()).toEqual({
			status: 'Error',
			message: `${EXPIRED.message}. ${EXPIRED.hint}`,
		});
	});

	it('a wrong secret: the AADSTS7000215 message, in executions and in the credential test', async () => {
		await bed.editCredential({ clientSecret: 'not-the-secret-value' });
		const execution = await bed.run(listOne);
		expect(execution.error?.message).toBe(WRONG.message);
		expect(execution.error?.description).toBe(WRONG.hint);
		expect(await credentialTest({ clientSecret: 'not-the-secret-value' })).toEqual({
			status: 'Error',
			message: `${WRONG.message}. ${WRONG.hint}`,
		});
		expect(bed.sandboxes.identity.counters.failedTokenRequests).toBe(2);
	});

	it('the credential test requests a real token and says OK', async () => {
		expect(await credentialTest()).toEqual({
			status: 'OK',
			message: 'The Microsoft identity platform issued a token for the app',
		});
		expect(bed.sandboxes.identity.counters.clientCredentials).toBe(1);
		const badTenant = await credentialTest({ tenantId: 'not a tenant' });
		expect(badTenant.status).toBe('Error');
		expect(badTenant.message).toMatch(/^The Tenant ID "not a tenant" is not a directory ID/);
		expect(bed.sandboxes.identity.counters.tokenRequests).toBe(1);
	});
});

describe('Microsoft Graph App credential: a warning before the secret lapses', () => {
	let bed: GraphBed;
	afterEach(async () => await bed.close());

	const hintsOf = async (secretExpiresOn: string) => {
		await bed.editCredential({ secretExpiresOn });
		const execution = await bed.run(listOne);
		expect(execution.error).toBeUndefined();
		return execution.run.data.resultData.runData.Mail[0].hints;
	};

	it('warns on the output pane from 14 days before, and after; not before that', async () => {
		bed = await startGraphBed();
		const inTenDays = new Date(Date.now() + 10 * DAY + 60_000).toISOString();
		expect(await hintsOf(inTenDays)).toEqual([
			{
				message: `The client secret of the Microsoft Graph credential expires on ${inTenDays.slice(0, 10)} (in 10 days). Create a new secret for the app in the Entra admin center and update the credential before then.`,
				type: 'warning',
				location: 'outputPane',
			},
		]);
		const lapsed = new Date(Date.now() - 2 * DAY).toISOString();
		expect(await hintsOf(lapsed)).toEqual([
			expect.objectContaining({
				message: expect.stringContaining(`expired on ${lapsed.slice(0, 10)}`),
				type: 'warning',
			}),
		]);
		expect(await hintsOf(new Date(Date.now() + 15 * DAY).toISOString())).toEqual([]);
		expect(await hintsOf('')).toEqual([]);
	});
});

describe('Microsoft Graph App credential: certificate authentication', () => {
	let bed: GraphBed;
	beforeEach(async () => {
		bed = await startGraphBed();
		bed.sandboxes.graph.mail.deliver({ subject: 'ping', to: [invoices.address] });
	});
	afterEach(async () => await bed.close());

	const withCertificate = async (fields: ICredentialDataDecryptedObject) => {
		await bed.editCredential({
			authentication: 'certificate',
			clientSecret: '',
			privateKey: bed.sandboxes.certificate.privateKeyPem,
			...fields,
		});
		return await bed.run(listOne);
	};

	it('signs in with the private key and the certificate (PEM)', async () => {
		const execution = await withCertificate({
			certificate: bed.sandboxes.certificate.certificatePem,
		});
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)).toHaveLength(1);
		expect(bed.sandboxes.identity.counters.clientCredentials).toBe(1);
	});

	it('signs in with the private key and the SHA-256 thumbprint (hex)', async () => {
		const execution = await withCertificate({
			thumbprint: bed.sandboxes.certificate.thumbprintSha256Hex.toLowerCase(),
		});
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)).toHaveLength(1);
	});

	it('signs in with the private key and the SHA-1 thumbprint as the portal shows it (RS256)', async () => {
		const sha1 = new X509Certificate(bed.sandboxes.certificate.certificatePem).fingerprint;
		const execution = await withCertificate({ thumbprint: sha1 });
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)).toHaveLength(1);
	});

	it('a key pasted on one line (with \\n) works too; a thumbprint of another certificate is refused', async () => {
		const oneLine = bed.sandboxes.certificate.privateKeyPem.trim().replace(/\n/g, '\\n');
		const pasted = await withCertificate({
			privateKey: oneLine,
			certificate: bed.sandboxes.certificate.certificatePem,
		});
		expect(pasted.error).toBeUndefined();
		const other = await withCertificate({ certificate: '', thumbprint: 'ab'.repeat(32) });
		expect(other.error?.message).toMatch(/AADSTS700027/);
		expect(other.error?.description).toMatch(/Upload the certificate/);
	});
});
