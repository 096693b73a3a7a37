import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import type { TransportSettings } from '../http/request-rules';
import type { SessionScope } from './session-binding';
import { boundToken, sessionScope, storedScope } from './session-binding';
import type { HttpRequest, SessionAuthorization } from './session';
import { closeSession, isSessionValid, openSession } from './session';
import type { SessionCoalescer } from './session-coalescer';
import { coalescingKey } from './session-coalescer';
import type { FileMakerTarget } from './target';

/**
 * What every FileMaker credential that opens Data API sessions reads from its fields: the
 * target, one authentication kind, the transport settings, and a fingerprint of its secrets
 * (hashed into the single-flight key, never stored).
 */
export interface SessionCredentialSettings {
	target: FileMakerTarget;
	authorization: SessionAuthorization;
	transport: TransportSettings;
	secretFingerprint: string;
}

export type ReadSessionCredential = (
	credentials: ICredentialDataDecryptedObject,
) => SessionCredentialSettings;

/** The hidden fields a session credential keeps; both are persisted by n8n. */
export interface StoredSession extends ICredentialDataDecryptedObject {
	sessionToken: string;
	sessionOpenedWith: string;
}

export function scopeOf(settings: SessionCredentialSettings): SessionScope {
	return sessionScope(settings.target, settings.authorization.identity);
}

/**
 * When the stored token was opened with other settings (the credential was edited), logs it
 * out on the server that opened it, with the certificate setting it was opened with; it is
 * never sent anywhere else. Returns whether the stored token is one to drop.
 */
export async function retireSupersededSession(
	http: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
	scope: SessionScope,
	transport: TransportSettings,
): Promise<boolean> {
	const token = String(credentials.sessionToken ?? '');
	if (!token || boundToken(credentials, scope.binding)) return false;
	const previous = storedScope(credentials);
	if (previous) {
		await closeSession(http, previous, token, {
			...transport,
			timeoutMs: Math.min(transport.timeoutMs, 5_000),
			busyRetries: 0,
		});
	}
	return true;
}

/**
 * The body of a session credential's `preAuthentication`: drops (and logs out) a token from
 * other settings, then obtains a session through the single flight and returns the hidden
 * fields for n8n to persist.
 */
export async function renewSession(
	http: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
	settings: SessionCredentialSettings,
	sessions: SessionCoalescer,
): Promise<StoredSession> {
	const scope = scopeOf(settings);
	const { target, authorization, transport } = settings;
	await retireSupersededSession(http, credentials, scope, transport);
	const session = await sessions.obtain(
		coalescingKey(scope.binding, settings.secretFingerprint),
		boundToken(credentials, scope.binding),
		async () => ({ token: await openSession(http, target, authorization, transport) }),
		async ({ token }) => await isSessionValid(http, target, token, transport),
	);
	return { sessionToken: session.token, sessionOpenedWith: JSON.stringify(scope) };
}

/**
 * The credential test's request: `DELETE …/sessions/current`, the logout. `authenticate` puts
 * the session token into the path, only a token bound to the current settings, and again when
 * n8n retries after a new login (it passes the options it already authenticated once).
 */
export const CREDENTIAL_TEST_LOGOUT_PATH = '/sessions/current';
const LOGOUT_PATH = /\/sessions\/[^/]*$/;

/**
 * A session credential's `authenticate`: the Bearer token, only if it was opened with the
 * current settings. Otherwise nothing is sent, FileMaker answers 401 (code 952), and n8n runs
 * `preAuthentication`, which logs in with the current settings and retries once.
 */
export function authenticateWithSession(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	read: ReadSessionCredential,
): IHttpRequestOptions {
	let token = '';
	try {
		token = boundToken(credentials, scopeOf(read(credentials)).binding);
	} catch {
		// Unreadable settings: send no token; the login reports what to fix.
	}
	const options = { ...requestOptions };
	if (options.method === 'DELETE' && LOGOUT_PATH.test(options.url)) {
		options.url = options.url.replace(
			LOGOUT_PATH,
			`/sessions/${encodeURIComponent(token || 'none')}`,
		);
	}
	if (!token) return options;
	return {
		...options,
		headers: { ...(options.headers as IDataObject), Authorization: `Bearer ${token}` },
	};
}
