import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { TransportSettings } from '../../http/request-rules';
import type { HttpRequest } from '../session';
import { SessionCoalescer, coalescingKey } from '../../shared/session-coalescer';
import { CredentialSettingsError } from '../settings-error';
import { cognitoClient } from './cognito-transport';
import type { FileMakerIdTokens } from './filemaker-id';
import { refreshIdToken, signInWithPassword } from './filemaker-id';
import type { CognitoPool } from './pool-settings';
import { isRefusedRefreshToken, refreshRefusedError, signInError } from './sign-in-errors';

import { RENEW_GRANT_BEFORE_MS as RENEW_BEFORE_MS } from '../session-credential';

/** Hidden fields of the FileMaker Cloud credential that hold the FileMaker ID tokens. */
export interface StoredIdTokens extends ICredentialDataDecryptedObject {
	idToken: string;
	idTokenExpiresAt: number;
	fileMakerIdRefreshToken: string;
	/** A hash of pool, email and the Refresh Token field: tokens from other settings are not used. */
	fileMakerIdOpenedWith: string;
}

export interface FileMakerIdAccount {
	email: string;
	password: string;
	/** The Refresh Token field, as the builder pasted it (may be empty). */
	refreshToken: string;
}

type IdTokenRecord = FileMakerIdTokens & { token: string };

const flights = new SessionCoalescer<IdTokenRecord>();

/**
 * The newest tokens this process obtained per account: a request path that cannot persist into
 * the credential (OData has no preAuthentication) still refreshes once per hour, not once per
 * execution. Only a cache: the credential's own fields stay the record.
 */
const newest = new Map<string, FileMakerIdTokens>();

function scopeOf(pool: CognitoPool, account: FileMakerIdAccount): string {
	return coalescingKey(
		pool.userPoolId,
		pool.clientId,
		pool.endpoint,
		account.email,
		coalescingKey(account.refreshToken),
	);
}

function held(
	credentials: ICredentialDataDecryptedObject,
	scope: string,
): FileMakerIdTokens | undefined {
	if (credentials.fileMakerIdOpenedWith !== scope) return undefined;
	const idToken = String(credentials.idToken ?? '');
	const refreshToken = String(credentials.fileMakerIdRefreshToken ?? '');
	const idTokenExpiresAt = Number(credentials.idTokenExpiresAt ?? 0);
	if (!idToken && !refreshToken) return undefined;
	return { idToken, refreshToken, idTokenExpiresAt };
}

const fresh = (tokens: FileMakerIdTokens, now = Date.now()) =>
	tokens.idToken !== '' && tokens.idTokenExpiresAt - now > RENEW_BEFORE_MS;

async function acquire(
	http: HttpRequest,
	pool: CognitoPool,
	account: FileMakerIdAccount,
	stored: FileMakerIdTokens | undefined,
	transport: TransportSettings,
): Promise<FileMakerIdTokens> {
	const client = cognitoClient(http, pool.endpoint, transport);
	const refreshToken = stored?.refreshToken || account.refreshToken;
	if (refreshToken) {
		try {
			return await refreshIdToken(pool, client, account.email, refreshToken);
		} catch (error) {
			if (!isRefusedRefreshToken(error)) throw signInError(error, account.email);
			if (!account.password) throw refreshRefusedError();
		}
	}
	if (!account.password) {
		throw new CredentialSettingsError(
			'The FileMaker Cloud credential needs the FileMaker ID password or a refresh token. Enter one and save.',
		);
	}
	try {
		return await signInWithPassword(pool, client, account.email, account.password);
	} catch (error) {
		throw signInError(error, account.email);
	}
}

/**
 * An idToken for `Authorization: FMID`: the stored one while it has more than 5 minutes left
 * (unless FileMaker refused it), else a refresh with the refresh token (one cheap request),
 * else, with a password, an SRP sign-in (about 0.3 s of CPU, once per refresh-token lifetime).
 * Concurrent callers for the same account share one refresh or sign-in.
 */
export async function obtainIdToken(
	http: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
	pool: CognitoPool,
	account: FileMakerIdAccount,
	transport: TransportSettings,
	refused = false,
): Promise<StoredIdTokens> {
	const scope = scopeOf(pool, account);
	const key = coalescingKey(scope, account.password);
	const fromCredential = held(credentials, scope);
	const cached = newest.get(key);
	const stored =
		cached && (!fromCredential || cached.idTokenExpiresAt > fromCredential.idTokenExpiresAt)
			? cached
			: fromCredential;
	const tokens =
		stored && !refused && fresh(stored)
			? stored
			: await flights.obtain(
					key,
					stored?.idToken ?? '',
					async () => {
						const acquired = await acquire(http, pool, account, stored, transport);
						newest.set(key, acquired);
						return { ...acquired, token: acquired.idToken };
					},
					async (record) => fresh(record),
				);
	return {
		idToken: tokens.idToken,
		idTokenExpiresAt: tokens.idTokenExpiresAt,
		fileMakerIdRefreshToken: tokens.refreshToken,
		fileMakerIdOpenedWith: scope,
	};
}
