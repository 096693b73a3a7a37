import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import type { OAuthCredentialSettings } from '../../lib/filemaker/oauth/oauth-credential';
import { readOAuthCredential } from '../../lib/filemaker/oauth/oauth-credential';
import type { OAuthProvider } from '../../lib/filemaker/oauth/providers';
import {
	PROVIDER_INFO_PATH,
	pickProvider,
	providerList,
} from '../../lib/filemaker/oauth/providers';
import { asServerFailure } from '../../lib/filemaker/exchange';
import { serverName } from '../../lib/filemaker/target';
import { sendWithRules } from '../../lib/http/request-rules';

export const OAUTH_CREDENTIAL = 'fileMakerServerOAuthApi';

/**
 * The credential's settings, with its seal key made if it had none, and the provider checked
 * against the server's list. The provider list is read through n8n's credential lifecycle:
 * that request runs the credential's preAuthentication, which makes the key once, and n8n
 * stores it with the credential for every process.
 */
export async function readSignInCredential(
	context: IExecuteFunctions,
): Promise<{ settings: OAuthCredentialSettings; provider: OAuthProvider }> {
	const data: ICredentialDataDecryptedObject = await context.getCredentials(OAUTH_CREDENTIAL);
	const initial = readOAuthCredential(data);
	const { id, name } = context.getNode().credentials?.[OAUTH_CREDENTIAL] ?? {};
	let answer: IN8nHttpFullResponse;
	try {
		answer = await sendWithRules(
			async (options) =>
				(await context.helpers.httpRequestWithAuthentication.call(
					context,
					OAUTH_CREDENTIAL,
					{ ...options, ignoreHttpStatusErrors: true },
					{
						credentialsDecrypted: { id: id ?? '', name: name ?? '', type: OAUTH_CREDENTIAL, data },
					},
				)) as IN8nHttpFullResponse,
			{
				options: {
					method: 'GET',
					url: `${initial.target.serverUrl}${PROVIDER_INFO_PATH}`,
					json: true,
					skipSslCertificateValidation: initial.target.allowSelfSigned,
				},
				idempotent: true,
				serverName: serverName(initial.target),
			},
			initial.transport,
		);
	} catch (error) {
		throw asServerFailure(error, initial.target.serverUrl);
	}
	const providers = providerList(answer.statusCode, answer.body, initial.target.serverUrl);
	const settings = readOAuthCredential(data);
	return { settings, provider: pickProvider(providers, settings.provider) };
}
