import { randomBytes } from 'node:crypto';

import type { TransportSettings } from '../../http/request-rules';
import { FileMakerError } from '../errors';
import type { HttpRequest } from '../exchange';
import { exchangeWithServer } from '../exchange';
import { openSession } from '../session';
import type { OAuthCredentialSettings } from './oauth-credential';
import { requireSealKey, sealContext } from './oauth-credential';
import { seal, unseal } from './sealing';

/** Which FileMaker API a sign-in logs in to; FileMaker Server spends the identifier on one login. */
export type SignInApi = 'dataApi' | 'odata';

/** What the node keeps between starting a sign-in and the browser coming back (in the return URL). */
export interface SignInState {
	requestId: string;
	trackingId: string;
	/** ms since the epoch. */
	startedAt: number;
}

/** A person's signed-in session, as downstream nodes receive it (sealed) in the item. */
export type SignedInSession =
	| { api: 'dataApi'; token: string; keep: boolean; signedInAt: number }
	| { api: 'odata'; requestId: string; identifier: string; signedInAt: number };

const STATE_PREFIX = 'fmstate1';
const SESSION_PREFIX = 'fmsession1';

/** Our id for one sign-in; FileMaker Server hands it back with the identifier. */
export function newTrackingId(): string {
	return randomBytes(16).toString('hex');
}
export function sealState(settings: OAuthCredentialSettings, state: SignInState): string {
	return seal(STATE_PREFIX, requireSealKey(settings), sealContext(settings), state);
}

/** The state sealed into the return URL, or undefined if it is not one of this credential's. */
export function openState(
	settings: OAuthCredentialSettings,
	sealed: string | undefined,
): SignInState | undefined {
	if (!sealed || !settings.sealKey) return undefined;
	const state = unseal(STATE_PREFIX, settings.sealKey, sealContext(settings), sealed) as
		| SignInState
		| undefined;
	return typeof state?.requestId === 'string' && typeof state.trackingId === 'string'
		? state
		: undefined;
}

export function sealSession(settings: OAuthCredentialSettings, session: SignedInSession): string {
	return seal(SESSION_PREFIX, requireSealKey(settings), sealContext(settings), session);
}

/**
 * The signed-in session a FileMaker Sign-In node put into an item. It opens only with the
 * credential that made it, unchanged; anything else is an error that says to sign in again.
 */
export function openSignedInSession(
	settings: OAuthCredentialSettings,
	sealed: unknown,
): SignedInSession {
	if (typeof sealed !== 'string' || sealed.trim() === '') {
		throw new FileMakerError(
			'This item has no signed-in FileMaker session',
			undefined,
			undefined,
			undefined,
			'Put a FileMaker Sign-In node before this one and keep its "fileMakerSession" field in the items (or point "Signed-In Session" to it). If the sign-in timed out or failed, its output has no session: check "signedIn" with an IF node.',
		);
	}
	const session = settings.sealKey
		? (unseal(SESSION_PREFIX, settings.sealKey, sealContext(settings), sealed.trim()) as
				| SignedInSession
				| undefined)
		: undefined;
	if (session?.api !== 'dataApi' && session?.api !== 'odata') {
		throw new FileMakerError(
			'The signed-in FileMaker session in this item does not belong to this credential',
			undefined,
			undefined,
			undefined,
			'Use the same FileMaker Server OAuth credential as the FileMaker Sign-In node. If the credential was changed since the sign-in, the person must sign in again.',
		);
	}
	return session;
}

/** The header pair FileMaker Server logs an OAuth sign-in in with (Data API and OData). */
export function oauthHeaders(requestId: string, identifier: string): Record<string, string> {
	return {
		'X-FM-Data-OAuth-Request-Id': requestId,
		'X-FM-Data-OAuth-Identifier': identifier,
	};
}

/**
 * Logs the person in with the request id and the identifier FileMaker Server handed back:
 * a Data API session (`POST …/sessions`, token in `X-FM-Data-Access-Token`), or OData
 * (`POST …/$metadata`, after which the pair authenticates every OData request).
 */
export async function logInSignedIn(
	http: HttpRequest,
	settings: OAuthCredentialSettings,
	api: SignInApi,
	pair: { requestId: string; identifier: string },
	keep: boolean,
	now: number,
): Promise<SignedInSession> {
	const headers = oauthHeaders(pair.requestId, pair.identifier);
	if (api === 'dataApi') {
		const token = await openSession(
			http,
			settings.target,
			{ headers, describe: `the person who signed in at "${settings.provider}"` },
			settings.transport,
		);
		return { api, token, keep, signedInAt: now };
	}
	await logInToOData(http, settings, headers, settings.transport);
	return { api, ...pair, signedInAt: now };
}

async function logInToOData(
	http: HttpRequest,
	settings: OAuthCredentialSettings,
	headers: Record<string, string>,
	transport: TransportSettings,
): Promise<void> {
	const { serverUrl, database } = settings.target;
	const answer = await exchangeWithServer(
		http,
		settings.target,
		transport,
		{
			method: 'POST',
			url: `${serverUrl}/fmi/odata/v4/${encodeURIComponent(database)}/$metadata`,
			headers: { ...headers, 'OData-Version': '4.0', Accept: 'application/xml' },
			json: false,
			encoding: 'text',
		},
		false,
	);
	if (answer.statusCode === 200) return;
	throw new FileMakerError(
		`FileMaker Server refused the OData login of the person who signed in at "${settings.provider}" (HTTP ${answer.statusCode})`,
		undefined,
		undefined,
		answer.statusCode,
	);
}
