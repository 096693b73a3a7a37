import { RequestCounters } from '../shared/counters';

/**
 * The calls the Cognito sandbox tells apart, for counters and fault switches. InitiateAuth is
 * split by flow and RespondToAuthChallenge by challenge, so that a test can fail a refresh or
 * an MFA step alone.
 */
export const COGNITO_ENDPOINT_NAMES = [
	/** InitiateAuth USER_SRP_AUTH (and flows the sandbox refuses). */
	'initiateAuth',
	/** InitiateAuth REFRESH_TOKEN_AUTH or REFRESH_TOKEN. */
	'refresh',
	/** RespondToAuthChallenge PASSWORD_VERIFIER. */
	'passwordVerifier',
	/** RespondToAuthChallenge SMS_MFA or SOFTWARE_TOKEN_MFA. */
	'mfa',
	'revokeToken',
	/** Any other X-Amz-Target. */
	'otherOperation',
	/** GET /endpoint/userpool/2.2.0.my.claris.com.json */
	'poolSettings',
	/** GET …/.well-known/jwks.json */
	'jwks',
] as const;

export type CognitoEndpointName = (typeof COGNITO_ENDPOINT_NAMES)[number];

export function isCognitoEndpointName(name: string): name is CognitoEndpointName {
	return (COGNITO_ENDPOINT_NAMES as readonly string[]).includes(name);
}

const EVENTS = [
	'srpAttempts',
	'srpLogins',
	'failedSrpLogins',
	'mfaChallenges',
	'failedMfa',
	'refreshes',
	'failedRefreshes',
] as const;

/** Request counts per endpoint, and how sign-ins and refreshes went. */
export class CognitoCounters extends RequestCounters<CognitoEndpointName> {
	constructor() {
		super(EVENTS);
	}

	/** USER_SRP_AUTH started (a PASSWORD_VERIFIER challenge sent, unknown names included). */
	get srpAttempts(): number {
		return this.event('srpAttempts');
	}

	/** SRP sign-ins that ended with tokens (after MFA, for MFA users). */
	get srpLogins(): number {
		return this.event('srpLogins');
	}

	/** PASSWORD_VERIFIER answers refused. */
	get failedSrpLogins(): number {
		return this.event('failedSrpLogins');
	}

	/** SMS_MFA and SOFTWARE_TOKEN_MFA challenges sent. */
	get mfaChallenges(): number {
		return this.event('mfaChallenges');
	}

	/** MFA answers refused (wrong code, bad or expired session). */
	get failedMfa(): number {
		return this.event('failedMfa');
	}

	get refreshes(): number {
		return this.event('refreshes');
	}

	get failedRefreshes(): number {
		return this.event('failedRefreshes');
	}
}
