import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { readOAuthCredential } from '../../lib/filemaker/oauth/oauth-credential';
import { listOAuthProviders, pickProvider } from '../../lib/filemaker/oauth/providers';
import { viaLegacyRequest } from '../../lib/http/legacy-request';
import { credentialTestResult } from '../shared/credential-test-result';

/**
 * The credential test: the server lists its identity providers and the credential names one of
 * them. Nobody signs in here; that needs a person at a browser.
 */
export async function testProviderCredential(
	context: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	return await credentialTestResult(async () => {
		const settings = readOAuthCredential(credential.data ?? {});
		const providers = await listOAuthProviders(
			viaLegacyRequest(context.helpers.request),
			settings.target,
			settings.transport,
		);
		pickProvider(providers, settings.provider);
		return `FileMaker Server offers "${settings.provider}"`;
	});
}
