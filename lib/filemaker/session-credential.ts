import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import type { TransportSettings } from '../http/request-rules';
import { FileMakerError } from './errors';
import type { SessionScope } from './session-binding';
import { boundToken, sessionScope, storedScope } from './session-binding';
import type { HttpRequest, SessionAuthorization } from './session';
import { closeSession, isSessionValid, openSession } from './session';
import { SessionCoalescer, coalescingKey } from '../shared/session-coalescer';
import type { FileMakerTarget } from './target';

/**
 * What one authentication kind hands `openSession`: the headers of `POST …/sessions`, and the
 * hidden fields the credential keeps from getting them (FileMaker ID: the idToken, its expiry
 * and the refresh token; an account: nothing).
 */
export interface SessionGrant {
	authorization: SessionAuthorization;
	keep: ICredentialDataDecryptedObject;
}

/**
 * What every FileMaker credential that opens Data API sessions reads from its fields: the
 * target, who signs in (`identity`, stable and free of secrets, part of the session binding),
 * the transport settings, a fingerprint of its secrets (hashed into the single-flight key,
 * never stored), and its authentication kind (`authorize`).
 */
export interface SessionCredentialSettings {
	target: FileMakerTarget;
	identity: string;
	transport: TransportSettings;
	secretFingerprint: string;
	/**
	 * `refused`: FileMaker refused the last grant's headers (an idToken it considers expired):
	 * renew them instead of reusing what the credential holds.
	 */
	authorize(http: HttpRequest, refused?: boolean): Promise<SessionGrant>;
	/** Whether a refused grant can be renewed (a token can; an account's password cannot). */
	renewable: boolean;
	/** When the grant the session was opened with ends, if it does (an idToken's `exp`), in ms. */
	grantExpiresAt?: number;
}

/** A session whose grant ends within this margin is renewed before use. */
export const RENEW_GRANT_BEFORE_MS = 5 * 60_000;

export type ReadSessionCredential = (
	credentials: ICredentialDataDecryptedObject,
) => SessionCredentialSettings;

/** The hidden fields a session credential keeps; n8n persists them. */
export interface StoredSession extends ICredentialDataDecryptedObject {
	sessionToken: string;
	sessionOpenedWith: string;
}

interface OpenedSession {
	token: string;
	keep: ICredentialDataDecryptedObject;
}

export function scopeOf(settings: Pick<SessionCredentialSettings, 'target' | 'identity'>) {
	return sessionScope(settings.target, settings.identity);
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
	sessions: SessionCoalescer<OpenedSession>,
): Promise<StoredSession> {
	const scope = scopeOf(settings);
	const { target, transport } = settings;
	await retireSupersededSession(http, credentials, scope, transport);
	const session = await sessions.obtain(
		coalescingKey(scope.binding, settings.secretFingerprint),
		boundToken(credentials, scope.binding),
		async () => await openGrantedSession(http, settings),
		async ({ token }) => await isSessionValid(http, target, token, transport),
	);
	return {
		...session.keep,
		sessionToken: session.token,
		sessionOpenedWith: JSON.stringify(scope),
	};
}

/**
 * Opens a session with the grant of the credential's authentication kind. A token FileMaker
 * refuses (HTTP 401: FileMaker Cloud's answer to an expired idToken, whatever the clocks say)
 * is renewed once and the login tried again.
 */
async function openGrantedSession(
	http: HttpRequest,
	settings: SessionCredentialSettings,
): Promise<OpenedSession> {
	const { target, transport } = settings;
	const grant = await settings.authorize(http);
	try {
		return {
			token: await openSession(http, target, grant.authorization, transport),
			keep: grant.keep,
		};
	} catch (error) {
		const refused = error instanceof FileMakerError && error.httpStatus === 401;
		if (!refused || !settings.renewable) throw error;
		const renewed = await settings.authorize(http, true);
		return {
			token: await openSession(http, target, renewed.authorization, transport),
			keep: renewed.keep,
		};
	}
}

/** The single flight of one session credential type, shared by its executions in a process. */
export function sessionFlight(): SessionCoalescer<OpenedSession> {
	return new SessionCoalescer<OpenedSession>();
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
