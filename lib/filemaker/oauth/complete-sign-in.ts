import type { IDataObject } from 'n8n-workflow';

import { FileMakerError } from '../errors';
import type { HttpRequest } from '../exchange';
import type { OAuthCredentialSettings } from './oauth-credential';
import type { ReturnQuery } from './return-query';
import type { SignedInSession, SignInApi } from './signed-in-session';
import { logInSignedIn, openState } from './signed-in-session';

/** Why a sign-in did not complete, as the output item names it. */
export type SignInFailureReason =
	| 'identityProvider'
	| 'notThisSignIn'
	| 'loginRefused'
	| 'serverUnreachable';

/** A failed sign-in, told to the person (title, message, what to do) and to the workflow. */
export interface SignInFailure {
	reason: SignInFailureReason;
	title: string;
	message: string;
	whatToDo: string;
	details: IDataObject;
}

export type SignInResult =
	| { ok: true; session: SignedInSession }
	| { ok: false; failure: SignInFailure };

const START_AGAIN = 'Open the link you started from again to sign in once more.';

export interface CompleteSignIn {
	settings: OAuthCredentialSettings;
	/** The state sealed when the sign-in started, from the execution. */
	sealedState: string | undefined;
	/** What FileMaker Server added to the return URL. */
	query: ReturnQuery;
	api: SignInApi;
	keep: boolean;
	now: number;
}

/**
 * The end of a sign-in (Claris' steps 6–7): check that the browser came back from this sign-in
 * with an identifier, and log in with it and the request id. Never throws: every failure is a
 * result that says what happened and what the person can do.
 */
export async function completeSignIn(
	http: HttpRequest,
	{ settings, sealedState, query, api, keep, now }: CompleteSignIn,
): Promise<SignInResult> {
	if (query.error !== undefined && query.error !== '0') {
		return failed(
			'identityProvider',
			'Sign-in did not complete',
			`FileMaker Server reported that the sign-in with "${settings.provider}" did not complete (error ${query.error}): it was cancelled or refused there, or it took too long.`,
			START_AGAIN,
			{ providerError: query.error },
		);
	}
	const state = openState(settings, sealedState);
	if (!state || !query.identifier || (query.trackingId && query.trackingId !== state.trackingId)) {
		return failed(
			'notThisSignIn',
			'This sign-in link is not valid',
			'The address you came back on does not belong to the sign-in that was started here.',
			START_AGAIN,
		);
	}
	try {
		const pair = { requestId: state.requestId, identifier: query.identifier };
		return { ok: true, session: await logInSignedIn(http, settings, api, pair, keep, now) };
	} catch (error) {
		return refused(error, settings);
	}
}

function refused(error: unknown, settings: OAuthCredentialSettings): SignInResult {
	if (error instanceof FileMakerError && error.httpStatus !== undefined && error.httpStatus < 500) {
		const code = error.fileMakerCode;
		return failed(
			'loginRefused',
			'FileMaker did not accept the sign-in',
			`FileMaker Server did not let this sign-in into "${settings.target.database}"${code ? ` (FileMaker error ${code})` : ''}.`,
			'A sign-in works once and only for a few minutes: open the link you started from again. If it keeps failing, the account you signed in with is not an OAuth account of this FileMaker file: ask its administrator.',
			{ fileMakerCode: code ?? null, httpStatus: error.httpStatus },
		);
	}
	return failed(
		'serverUnreachable',
		'Sign-in did not complete',
		`FileMaker Server could not finish the sign-in: ${(error as Error).message}`,
		'Try again in a moment from the link you started from. If it keeps failing, tell the person who runs this workflow.',
	);
}

function failed(
	reason: SignInFailureReason,
	title: string,
	message: string,
	whatToDo: string,
	details: IDataObject = {},
): SignInResult {
	return { ok: false, failure: { reason, title, message, whatToDo, details } };
}
