import { ConfidentialClientApplication } from '@azure/msal-node';
import type { Configuration } from '@azure/msal-node';

import type { HttpRequest } from '../http/request-rules';
import type { AppCredentialSettings } from './app-credential';
import { authErrorFrom } from './auth-errors';
import { n8nNetworkClient } from './msal-network';

export interface AppToken {
	accessToken: string;
	/** ms since the epoch. */
	expiresAt: number;
}

/** `https://graph.microsoft.com/.default`: the app's granted application permissions on Graph. */
export function graphScope(settings: Pick<AppCredentialSettings, 'graphHost'>): string {
	return `${settings.graphHost}/.default`;
}

function msalConfiguration(
	http: HttpRequest,
	settings: AppCredentialSettings,
	onNetworkFailure: (error: unknown) => void,
): Configuration {
	const { authentication } = settings;
	return {
		auth: {
			clientId: settings.clientId,
			authority: `${settings.authorityHost}/${settings.tenantId}`,
			...(authentication.kind === 'secret'
				? { clientSecret: authentication.secret }
				: {
						clientCertificate: {
							privateKey: authentication.privateKey,
							thumbprintSha256: authentication.thumbprintSha256,
							thumbprint: authentication.thumbprintSha1,
							x5c: authentication.certificatePem,
						},
					}),
		},
		system: {
			networkClient: n8nNetworkClient(http, settings, onNetworkFailure),
			loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => {} },
		},
	};
}

/**
 * A new app-only token from the Microsoft identity platform (client credentials, with the
 * secret or the certificate), through `@azure/msal-node`. msal's own cache is not used: the
 * token lives in the n8n credential, which every process and worker shares, so each call here
 * is one token request.
 */
export async function acquireAppToken(
	http: HttpRequest,
	settings: AppCredentialSettings,
): Promise<AppToken> {
	let networkFailure: unknown;
	const client = new ConfidentialClientApplication(
		msalConfiguration(http, settings, (error) => (networkFailure = error)),
	);
	let result;
	try {
		result = await client.acquireTokenByClientCredential({
			scopes: [graphScope(settings)],
			skipCache: true,
		});
	} catch (error) {
		// msal turns whatever its network client threw into a bare "network_error".
		throw authErrorFrom(networkFailure ?? error);
	}
	if (!result?.accessToken || !result.expiresOn) {
		throw authErrorFrom(new Error('The token answer held no access token'));
	}
	return { accessToken: result.accessToken, expiresAt: result.expiresOn.getTime() };
}
