import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { readCloudCredential } from '../lib/filemaker/cloud/cloud-credential';
import { TOKEN_COMMAND } from '../lib/filemaker/cloud/sign-in-errors';
import {
	apiVersionProperty,
	databaseProperty,
	sessionCredentialTest,
	sessionProperties,
} from '../lib/filemaker/credential-properties';
import {
	authenticateWithSession,
	renewSession,
	sessionFlight,
} from '../lib/filemaker/session-credential';
import { transportProperties } from '../lib/http/transport-settings';

const sessions = sessionFlight();

/**
 * FileMaker Cloud with a FileMaker ID (Claris ID). FileMaker ID is an Amazon Cognito user pool:
 * the credential signs in with SRP (the password never leaves n8n), keeps the idToken (1 hour)
 * and the refresh token (about a year) in hidden fields, refreshes the idToken by itself, and
 * opens Data API sessions with `Authorization: FMID <idToken>`. SRP runs about once per
 * refresh-token lifetime; a refresh token pasted in is enough for accounts with two factors.
 */
export class FileMakerCloudApi implements ICredentialType {
	name = 'fileMakerCloudApi';

	displayName = 'FileMaker Cloud API';

	icon: Icon = { light: 'file:filemaker.svg', dark: 'file:filemaker.dark.svg' };

	documentationUrl =
		'https://help.claris.com/en/customer-console-help/content/create-fmid-token.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Host',
			name: 'serverUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://yourteam.account.filemaker-cloud.com',
			description: 'Address of your FileMaker Cloud team, with https://',
		},
		databaseProperty,
		{
			displayName: 'FileMaker ID Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@example.com',
			default: '',
			required: true,
			description: 'The email you sign in to FileMaker Cloud with (your Claris ID)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Lets the credential sign in again by itself when the refresh token ends. Leave empty if you give a refresh token and would rather not store the password.',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `Needed for a FileMaker ID with two-factor authentication; optional otherwise. Get one with \`${TOKEN_COMMAND}\`.`,
		},
		apiVersionProperty,
		...transportProperties,
		{
			displayName:
				'Advanced: the Amazon Cognito pool behind FileMaker ID. Leave these empty: the credential reads them from Claris.',
			name: 'advancedNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Cognito Region',
			name: 'cognitoRegion',
			type: 'string',
			default: '',
			placeholder: 'us-west-2',
		},
		{
			displayName: 'Cognito User Pool ID',
			name: 'cognitoUserPoolId',
			type: 'string',
			default: '',
			placeholder: 'us-west-2_NqkuZcXQY',
		},
		{
			displayName: 'Cognito Client ID',
			name: 'cognitoClientId',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Cognito Endpoint URL',
			name: 'cognitoEndpoint',
			type: 'string',
			default: '',
			placeholder: 'https://cognito-idp.us-west-2.amazonaws.com/',
		},
		{
			displayName: 'Pool Settings URL',
			name: 'poolSettingsUrl',
			type: 'string',
			default: '',
			placeholder: 'https://www.ifmcloud.com/endpoint/userpool/2.2.0.my.claris.com.json',
		},
		...sessionProperties,
		{
			displayName: 'ID Token',
			name: 'idToken',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'ID Token Expires At', name: 'idTokenExpiresAt', type: 'hidden', default: 0 },
		{
			displayName: 'FileMaker ID Refresh Token',
			name: 'fileMakerIdRefreshToken',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{
			displayName: 'FileMaker ID Opened With',
			name: 'fileMakerIdOpenedWith',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await renewSession(
			this.helpers.httpRequest,
			credentials,
			readCloudCredential(credentials),
			sessions,
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateWithSession(credentials, requestOptions, readCloudCredential);
	}

	test: ICredentialTestRequest = sessionCredentialTest;
}
