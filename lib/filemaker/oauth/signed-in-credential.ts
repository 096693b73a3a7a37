import { FileMakerError } from '../errors';
import type { SessionCredentialSettings } from '../session-credential';
import type { OAuthCredentialSettings } from './oauth-credential';
import type { SignedInSession } from './signed-in-session';
import { oauthHeaders } from './signed-in-session';

/** FileMaker error 952 for a signed-in session: only the person can open a new one. */
export function signedInSessionEnded(): FileMakerError {
	return new FileMakerError(
		'The signed-in FileMaker session has ended (FileMaker error 952)',
		'952',
		'Invalid FileMaker Data API token',
		401,
		'FileMaker Server ends a session after 15 minutes without use, or when it is logged out. A signed-in session cannot be renewed without the person: they must sign in again.',
	);
}

/** OData refused a sign-in's header pair: it has expired, and only the person can sign in again. */
export function signedInODataEnded(): FileMakerError {
	return new FileMakerError(
		'FileMaker Server no longer accepts this sign-in for OData (HTTP 401)',
		undefined,
		undefined,
		401,
		'A sign-in stays valid while it is used; after a pause FileMaker Server ends it. The person must sign in again.',
	);
}

/**
 * The OAuth credential as the FileMaker nodes read a credential, acting in a person's signed-in
 * session. OData sends the sign-in's header pair with every request; the Data API uses the
 * session token it opened. Neither can log in again: that needs the person.
 */
export function signedInSettings(
	settings: OAuthCredentialSettings,
	session: SignedInSession,
): SessionCredentialSettings {
	return {
		target: settings.target,
		identity: `oauth:${settings.provider}`,
		transport: settings.transport,
		secretFingerprint: '',
		renewable: false,
		authorize: async () => {
			if (session.api !== 'odata') throw signedInSessionEnded();
			return {
				authorization: {
					headers: oauthHeaders(session.requestId, session.identifier),
					describe: `the person who signed in at "${settings.provider}"`,
				},
				keep: {},
			};
		},
	};
}
