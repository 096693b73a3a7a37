import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { readAccountCredential } from '../lib/filemaker/account-credential';
import {
	allowSelfSignedProperty,
	apiVersionProperty,
	databaseProperty,
	sessionCredentialTest,
	serverUrlProperty,
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
 * A FileMaker Server account for the Data API. The Data API session token is a hidden,
 * expirable field: n8n fills it through `preAuthentication` when it is empty or FileMaker
 * answers 401 (code 952), stores it encrypted with the credential, and every execution and
 * dropdown reuses it until FileMaker rejects it. One login serves them all. The token is
 * bound to the settings that opened it: after an edit it is logged out and never sent again.
 */
export class FileMakerServerApi implements ICredentialType {
	name = 'fileMakerServerApi';

	displayName = 'FileMaker Server API';

	icon: Icon = { light: 'file:filemaker.svg', dark: 'file:filemaker.dark.svg' };

	documentationUrl =
		'https://help.claris.com/en/data-api-guide/content/log-in-database-session.html';

	properties: INodeProperties[] = [
		serverUrlProperty,
		databaseProperty,
		{
			displayName: 'Account Name',
			name: 'account',
			type: 'string',
			default: '',
			required: true,
			description:
				'FileMaker account with the "fmrest" extended privilege (Access via FileMaker Data API)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		apiVersionProperty,
		allowSelfSignedProperty,
		...transportProperties,
		...sessionProperties,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await renewSession(
			this.helpers.httpRequest,
			credentials,
			readAccountCredential(credentials),
			sessions,
		);
	}

	/**
	 * A function rather than the generic `{headers: {Authorization: '=Bearer {{...}}'}}` form: the
	 * token is sent only if it was opened with the current settings, and n8n evaluates the
	 * generic form as an expression on every request, which made paging a fifth slower.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateWithSession(credentials, requestOptions, readAccountCredential);
	}

	test: ICredentialTestRequest = sessionCredentialTest;
}
