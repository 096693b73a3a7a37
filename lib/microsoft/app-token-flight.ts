import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { HttpRequest } from '../http/request-rules';
import { SessionCoalescer } from '../shared/session-coalescer';
import { readAppCredential } from './app-credential';
import { acquireAppToken } from './app-token';
import type { StoredAppToken } from './token-binding';
import { boundAccessToken, tokenBinding } from './token-binding';

/** A token is renewed this long before it expires, so no request meets an expired one. */
export const RENEW_TOKEN_BEFORE_MS = 5 * 60_000;

interface FlightToken {
	token: string;
	expiresAt: number;
}

/** One token request at a time per app and secret in this process (see SessionCoalescer). */
const flights = new SessionCoalescer<FlightToken>();

/**
 * The credential's preAuthentication: a new app-only token, unless another execution of this
 * process obtained one for the same settings a moment ago (the one the caller holds was then
 * already replaced). n8n stores what this returns in the credential, for every process.
 */
export async function renewAppToken(
	http: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<StoredAppToken> {
	const settings = readAppCredential(credentials);
	const binding = tokenBinding(settings);
	const held = boundAccessToken(credentials, settings)?.token ?? '';
	const obtained = await flights.obtain(
		binding,
		held,
		async () => {
			const token = await acquireAppToken(http, settings);
			return { token: token.accessToken, expiresAt: token.expiresAt };
		},
		async (candidate) => candidate.expiresAt - Date.now() > RENEW_TOKEN_BEFORE_MS,
	);
	return {
		accessToken: obtained.token,
		accessTokenExpiresAt: obtained.expiresAt,
		tokenOpenedWith: binding,
	};
}
