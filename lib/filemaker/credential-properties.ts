import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { CREDENTIAL_TEST_LOGOUT_PATH } from './session-credential';

/** Credential fields every FileMaker credential shares; their names are part of saved credentials. */
export const serverUrlProperty: INodeProperties = {
	displayName: 'Server URL',
	name: 'serverUrl',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'https://fms.example.com',
	description:
		'Address of FileMaker Server, with https:// (or http://) and a port if not the default',
};

export const allowSelfSignedProperty: INodeProperties = {
	displayName: 'Allow Self-Signed Certificates (Insecure)',
	name: 'allowSelfSigned',
	type: 'boolean',
	default: false,
	description:
		'Whether to connect even if the server certificate is not trusted. Only for in-house servers you control: it turns off protection against impostor servers.',
};

export const databaseProperty: INodeProperties = {
	displayName: 'Database',
	name: 'database',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Contacts',
	description: 'Name of the hosted FileMaker file, without .fmp12',
};

export const apiVersionProperty: INodeProperties = {
	displayName: 'Data API Version',
	name: 'apiVersion',
	type: 'options',
	options: [
		{ name: 'Latest (vLatest)', value: 'vLatest' },
		{ name: 'V2', value: 'v2' },
		{ name: 'V1', value: 'v1' },
	],
	default: 'vLatest',
};

/**
 * The Data API session: the token (hidden, expirable, so n8n runs preAuthentication when it is
 * empty or refused) and the settings that opened it (see session-binding.ts).
 */
export const sessionProperties: INodeProperties[] = [
	{
		displayName: 'Session Token',
		name: 'sessionToken',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	{
		displayName: 'Session Opened With',
		name: 'sessionOpenedWith',
		type: 'hidden',
		default: '',
	},
];

/**
 * The test of a session credential: n8n runs preAuthentication (a real login), then this request
 * logs that session out (`authenticate` puts the bound token into the path), so a test leaves no
 * session behind; the next execution logs in again. Redirects are not followed.
 */
export const sessionCredentialTest: ICredentialTestRequest = {
	request: {
		method: 'DELETE',
		// The same clean-up as normalizeServerUrl: trailing slashes and a pasted Data API path go.
		baseURL:
			'={{$credentials.serverUrl.trim().replace(/\\/fmi\\/.*$/, "").replace(/\\/+$/, "")}}/fmi/data/{{$credentials.apiVersion}}',
		url: `=/databases/{{encodeURIComponent($credentials.database.trim())}}${CREDENTIAL_TEST_LOGOUT_PATH}`,
		skipSslCertificateValidation: '={{$credentials.allowSelfSigned === true}}',
		disableFollowRedirect: true,
		timeout: 30_000,
	},
};
