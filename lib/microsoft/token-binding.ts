import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { coalescingKey } from '../shared/session-coalescer';
import type { AppCredentialSettings } from './app-credential';

/** The hidden fields that hold an app-only token between executions and processes. */
export interface StoredAppToken extends ICredentialDataDecryptedObject {
	accessToken: string;
	/** ms since the epoch. */
	accessTokenExpiresAt: number;
	/** `tokenBinding` of the settings that obtained it. */
	tokenOpenedWith: string;
}

/**
 * What a token is bound to: tenant, app, cloud, endpoints and the secret or key that proved it
 * (hashed). After the credential is edited the stored token no longer matches and is never sent.
 */
export function tokenBinding(settings: AppCredentialSettings): string {
	const { authentication: auth } = settings;
	return coalescingKey(
		settings.tenantId.toLowerCase(),
		settings.clientId.toLowerCase(),
		settings.authorityHost,
		settings.graphHost,
		settings.identityEndpoint ?? '',
		settings.graphEndpoint ?? '',
		auth.kind,
		auth.kind === 'secret'
			? auth.secret
			: `${auth.privateKey}|${auth.thumbprintSha256 ?? ''}|${auth.thumbprintSha1 ?? ''}`,
	);
}

/** The stored token, if it was obtained with these settings; otherwise none. */
export function boundAccessToken(
	credentials: ICredentialDataDecryptedObject,
	settings: AppCredentialSettings,
): { token: string; expiresAt: number } | undefined {
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	if (!token || credentials.tokenOpenedWith !== tokenBinding(settings)) return undefined;
	return { token, expiresAt: Number(credentials.accessTokenExpiresAt) || 0 };
}

/** Where Graph requests go: the Graph host, or the endpoint that stands in for it. */
export function graphOrigin(settings: Pick<AppCredentialSettings, 'graphHost' | 'graphEndpoint'>) {
	return settings.graphEndpoint ?? settings.graphHost;
}
