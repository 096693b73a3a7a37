import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { readOAuthCredential } from '../../lib/filemaker/oauth/oauth-credential';
import { listOAuthProviders, pickProvider } from '../../lib/filemaker/oauth/providers';

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

/**
 * A credential test only gets n8n's legacy `request` helper; this speaks to it in the options
 * our transport rules use (the full answer whatever its status, no redirects, a timeout).
 */
function viaLegacyRequest(request: ICredentialTestFunctions['helpers']['request']) {
	return async (options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> => {
		const answer = (await request({
			method: options.method ?? 'GET',
			uri: options.url,
			qs: options.qs,
			headers: options.headers,
			json: options.json !== false,
			timeout: options.timeout,
			rejectUnauthorized: options.skipSslCertificateValidation !== true,
			followRedirect: false,
			followAllRedirects: false,
			resolveWithFullResponse: true,
			simple: false,
		})) as IN8nHttpFullResponse;
		return { statusCode: answer.statusCode, headers: answer.headers, body: answer.body };
	};
}
