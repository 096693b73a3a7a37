import { X509Certificate, createPrivateKey } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { TransportSettings } from '../http/request-rules';
import { readTransportSettings } from '../http/transport-settings';
import { CredentialSettingsError } from '../shared/settings-error';
import type { NationalCloud } from './clouds';
import { NATIONAL_CLOUDS, isNationalCloud } from './clouds';

export type AppAuthentication =
	| { kind: 'secret'; secret: string; expiresOn?: number }
	| {
			kind: 'certificate';
			privateKey: string;
			/** Hex SHA-256 thumbprint of the certificate, as msal sends it (`x5t#S256`). */
			thumbprintSha256?: string;
			/** Hex SHA-1 thumbprint, for registrations that only show that one. */
			thumbprintSha1?: string;
			/** The certificate itself (PEM), sent along as `x5c` when given. */
			certificatePem?: string;
	  };

/** What the Microsoft Graph App credential says: whose app, which cloud, how it proves itself. */
export interface AppCredentialSettings {
	tenantId: string;
	clientId: string;
	cloud: NationalCloud;
	/** `https://login.microsoftonline.com` or the national cloud's. */
	authorityHost: string;
	/** `https://graph.microsoft.com` or the national cloud's: the token's audience. */
	graphHost: string;
	/**
	 * Where requests for the authority host and the Graph host really go, when an
	 * administrator puts a gateway in front of them (or a test a stand-in); the hosts above
	 * stay what tokens are issued for.
	 */
	identityEndpoint?: string;
	graphEndpoint?: string;
	authentication: AppAuthentication;
	transport: TransportSettings;
}

const TENANT =
	/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;
const CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(credentials: ICredentialDataDecryptedObject, name: string): string {
	return String(credentials[name] ?? '').trim();
}

export function readAppCredential(
	credentials: ICredentialDataDecryptedObject,
): AppCredentialSettings {
	const tenantId = text(credentials, 'tenantId');
	if (!TENANT.test(tenantId)) {
		throw new CredentialSettingsError(
			`The Tenant ID "${tenantId}" is not a directory ID (a GUID) or domain. Copy the "Directory (tenant) ID" from the app's Overview page in the Entra admin center.`,
		);
	}
	const clientId = text(credentials, 'clientId');
	if (!CLIENT_ID.test(clientId)) {
		throw new CredentialSettingsError(
			`The Client ID "${clientId}" is not a GUID. Copy the "Application (client) ID" from the app's Overview page in the Entra admin center.`,
		);
	}
	const cloud = text(credentials, 'nationalCloud') || 'global';
	if (!isNationalCloud(cloud)) {
		throw new CredentialSettingsError(
			`The national cloud "${cloud}" is not one this credential knows`,
		);
	}
	return {
		tenantId,
		clientId,
		cloud,
		...NATIONAL_CLOUDS[cloud],
		identityEndpoint: endpoint(credentials, 'identityEndpoint', 'Identity Platform Endpoint'),
		graphEndpoint: endpoint(credentials, 'graphEndpoint', 'Graph Endpoint'),
		authentication: readAuthentication(credentials),
		transport: readTransportSettings(credentials),
	};
}

function endpoint(
	credentials: ICredentialDataDecryptedObject,
	name: string,
	label: string,
): string | undefined {
	const value = text(credentials, name).replace(/\/+$/, '');
	if (!value) return undefined;
	if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
		throw new CredentialSettingsError(`The ${label} "${value}" is not an http(s) URL`);
	}
	return new URL(value).origin;
}

function readAuthentication(credentials: ICredentialDataDecryptedObject): AppAuthentication {
	if (text(credentials, 'authentication') !== 'certificate') {
		const secret = text(credentials, 'clientSecret');
		if (!secret) {
			throw new CredentialSettingsError(
				"The credential has no client secret. Create one under the app's Certificates & secrets in the Entra admin center, and paste its Value (not its Secret ID).",
			);
		}
		const expiresOn = text(credentials, 'secretExpiresOn');
		const expiry = expiresOn ? Date.parse(expiresOn) : Number.NaN;
		return { kind: 'secret', secret, expiresOn: Number.isNaN(expiry) ? undefined : expiry };
	}
	const privateKey = text(credentials, 'privateKey').replace(/\\n/g, '\n');
	try {
		createPrivateKey(privateKey);
	} catch {
		throw new CredentialSettingsError(
			'The private key is not a PEM private key. Paste the whole key, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.',
		);
	}
	const certificatePem = text(credentials, 'certificate').replace(/\\n/g, '\n');
	if (certificatePem) {
		let certificate: X509Certificate;
		try {
			certificate = new X509Certificate(certificatePem);
		} catch {
			throw new CredentialSettingsError(
				'The certificate is not a PEM certificate. Paste the public certificate you uploaded to the app, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
			);
		}
		if (!certificate.checkPrivateKey(createPrivateKey(privateKey))) {
			throw new CredentialSettingsError('The private key does not belong to the certificate');
		}
		return {
			kind: 'certificate',
			privateKey,
			certificatePem,
			thumbprintSha256: certificate.fingerprint256.replace(/:/g, ''),
		};
	}
	const thumbprint = text(credentials, 'thumbprint').replace(/[\s:]/g, '');
	if (/^[0-9a-f]{64}$/i.test(thumbprint))
		return { kind: 'certificate', privateKey, thumbprintSha256: thumbprint };
	if (/^[0-9a-f]{40}$/i.test(thumbprint))
		return { kind: 'certificate', privateKey, thumbprintSha1: thumbprint };
	throw new CredentialSettingsError(
		'Enter the certificate (PEM), or its thumbprint as the Entra admin center shows it (40 or 64 hexadecimal characters).',
	);
}
