import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { viaLegacyRequest } from '../../lib/http/legacy-request';
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
	try {
		const settings = readAppCredential(credential.data ?? {});
		const http = viaLegacyRequest(context.helpers.request);
		await acquireAppToken(async (options) => await http(options), settings);
		return { status: 'OK', message: 'The Microsoft identity platform issued a token for the app' };
	} catch (error) {
		const { message, hint } = error as Error & { hint?: string };
		return { status: 'Error', message: hint ? `${message}. ${hint}` : message };
	}
}
