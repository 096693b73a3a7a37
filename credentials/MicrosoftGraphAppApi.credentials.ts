import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { transportProperties } from '../lib/http/transport-settings';
import { readAppCredential } from '../lib/microsoft/app-credential';
import { renewAppToken } from '../lib/microsoft/app-token-flight';
import { endpointProperties, nationalCloudProperty } from '../lib/microsoft/credential-properties';
import { boundAccessToken, graphOrigin } from '../lib/microsoft/token-binding';

/**
 * An Entra ID app registration with application permissions (Mail.Send, Mail.ReadWrite…), for
 * unattended work on any mailbox the administrator allows. The access token is a hidden,
 * expirable field: n8n fills it through preAuthentication (msal, client credentials with the
 * secret or the certificate), stores it encrypted and shares it with every execution and
 * worker for its hour; the Graph node renews it five minutes before it expires, and n8n once
 * more after a 401.
 *
 * Its test is the Microsoft Graph Mail node's `microsoftGraphAppToken` (`testedBy`): a real
 * token request, whose errors (an expired or wrong secret) a declarative test could not name.
 */
// eslint-disable-next-line @n8n/community-nodes/credential-test-required
export class MicrosoftGraphAppApi implements ICredentialType {
	name = 'microsoftGraphAppApi';

	displayName = 'Microsoft Graph App API';

	icon: Icon = { light: 'file:microsoft.svg', dark: 'file:microsoft.dark.svg' };

	documentationUrl =
		'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow';

	properties: INodeProperties[] = [
		{
			displayName: 'Tenant ID',
			name: 'tenantId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '00000000-0000-0000-0000-000000000000',
			description: "Directory (tenant) ID from the app registration's Overview page",
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '00000000-0000-0000-0000-000000000000',
			description: "Application (client) ID from the app registration's Overview page",
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Client Secret', value: 'secret' },
				{ name: 'Certificate', value: 'certificate' },
			],
			default: 'secret',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['secret'] } },
			description: "The secret's Value from Certificates & secrets (not its Secret ID)",
		},
		// A date, not a secret.
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field
		{
			displayName: 'Secret Expires On',
			name: 'secretExpiresOn',
			type: 'dateTime',
			default: '',
			displayOptions: { show: { authentication: ['secret'] } },
			description:
				'The Expires date shown next to the secret. Nodes using this credential warn from 14 days before it.',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			displayOptions: { show: { authentication: ['certificate'] } },
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description: 'PEM private key of the certificate uploaded to the app',
		},
		// The public certificate, the same one uploaded to the app: not a secret.
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field
		{
			displayName: 'Certificate',
			name: 'certificate',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			displayOptions: { show: { authentication: ['certificate'] } },
			placeholder: '-----BEGIN CERTIFICATE-----',
			description:
				'The public certificate (PEM) uploaded to the app. Or leave empty and enter its thumbprint.',
		},
		{
			displayName: 'Certificate Thumbprint',
			name: 'thumbprint',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['certificate'], certificate: [''] } },
			description: 'The thumbprint the Entra admin center shows for the certificate',
		},
		nationalCloudProperty,
		...transportProperties,
		...endpointProperties,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Expires At',
			name: 'accessTokenExpiresAt',
			type: 'hidden',
			typeOptions: { password: true },
			default: 0,
		},
		{
			displayName: 'Token Opened With',
			name: 'tokenOpenedWith',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await renewAppToken(this.helpers.httpRequest, credentials);
	}

	/**
	 * The token goes only to Graph (or its stand-in), and only if it was obtained with the
	 * current settings: never to an upload URL or any other host.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const settings = readAppCredential(credentials);
		const bound = boundAccessToken(credentials, settings);
		const url = new URL(requestOptions.url, requestOptions.baseURL);
		if (!bound || url.origin !== new URL(graphOrigin(settings)).origin) return requestOptions;
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${bound.token}` },
		};
	}
}
