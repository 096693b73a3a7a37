import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { readOAuthCredential } from '../../lib/filemaker/oauth/oauth-credential';
import { listOAuthProviders, pickProvider } from '../../lib/filemaker/oauth/providers';
import { viaLegacyRequest } from '../../lib/http/legacy-request';

/**
 * The credential test: the server lists its identity providers and the credential names one of
 * them. Nobody signs in here; that needs a person at a browser.
 */
export async function testProviderCredential(
	context: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const settings = readOAuthCredential(credential.data ?? {});
		const providers = await listOAuthProviders(
			viaLegacyRequest(context.helpers.request) as never,
			settings.target,
			settings.transport,
		);
		pickProvider(providers, settings.provider);
		return { status: 'OK', message: `FileMaker Server offers "${settings.provider}"` };
	} catch (error) {
		const { message, hint } = error as Error & { hint?: string };
		return { status: 'Error', message: hint ? `${message}. ${hint}` : message };
	}
}
