import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { viaLegacyRequest } from '../../lib/http/legacy-request';
import { credentialTestResult } from '../shared/credential-test-result';
import { readAppCredential } from '../../lib/microsoft/app-credential';
import { acquireAppToken } from '../../lib/microsoft/app-token';

/**
 * The credential test: a real token request to the Microsoft identity platform. It says why a
 * token was refused (an expired or wrong secret, an unknown app) in the words of the error.
 */
export async function testAppCredential(
	context: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return await credentialTestResult(async () => {
		const settings = readAppCredential(credential.data ?? {});
		await acquireAppToken(viaLegacyRequest(context.helpers.request), settings);
		return 'The Microsoft identity platform issued a token for the app';
	});
}

/**
 * The nodes' `credentialTest` methods: every node that names `testedBy: 'microsoftGraphAppToken'`
 * must have it, as n8n may pick any of them to test the credential.
 */
export const graphCredentialTest = {
	async microsoftGraphAppToken(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		return await testAppCredential(this, credential);
	},
};
