import { randomInt, timingSafeEqual } from 'node:crypto';
import type { MfaChallenge, MfaChallengeName } from './auth-sessions';
import { CognitoError, MESSAGES } from './errors';
import {
	mapParameter,
	requireClient,
	requireString,
	type CognitoServices,
	type RequestBody,
} from './services';
import { claimSignature, passwordAuthenticationKey } from './srp';
import { isCanonicalTimestamp } from './srp-timestamp';
import { totpMatches } from './totp';
import type { PoolUser } from './users';

/** RespondToAuthChallenge: PASSWORD_VERIFIER, then SMS_MFA or SOFTWARE_TOKEN_MFA. */
export function respondToAuthChallenge(services: CognitoServices, body: RequestBody): unknown {
	const clientId = requireClient(services, body);
	const responses = mapParameter(body, 'ChallengeResponses');
	const name = body.ChallengeName;
	if (name === 'PASSWORD_VERIFIER') return passwordVerifier(services, clientId, responses);
	if (name === 'SMS_MFA' || name === 'SOFTWARE_TOKEN_MFA') {
		return mfaAnswer(services, clientId, name, body.Session, responses);
	}
	if (name === undefined)
		throw new CognitoError('InvalidParameterException', 'Missing required parameter ChallengeName');
	throw new CognitoError('InvalidParameterException', `Invalid challenge name: ${String(name)}`);
}

/**
 * Checks PASSWORD_CLAIM_SIGNATURE for real. A wrong password, an unknown user, a SECRET_BLOCK
 * that is wrong, spent or too old, another USERNAME and a TIMESTAMP not in Cognito's form all
 * get the same NotAuthorizedException.
 */
function passwordVerifier(
	services: CognitoServices,
	clientId: string,
	responses: Record<string, unknown>,
): unknown {
	const username = requireString(responses, 'USERNAME');
	const secretBlock = requireString(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
	const signature = requireString(responses, 'PASSWORD_CLAIM_SIGNATURE');
	const timestamp = requireString(responses, 'TIMESTAMP');
	const refuse = () => {
		services.counters.countEvent('failedSrpLogins');
		return new CognitoError('NotAuthorizedException', MESSAGES.incorrectPassword);
	};

	const challenge = services.sessions.takeSrp(secretBlock);
	if (!challenge || challenge === 'expired' || challenge.clientId !== clientId) throw refuse();
	const { user } = challenge;
	const named = services.users.find(username);
	if (!user || (username !== challenge.userId && named !== user)) throw refuse();
	if (!isCanonicalTimestamp(timestamp)) throw refuse();
	const key = passwordAuthenticationKey(challenge.A, challenge.B, challenge.b, challenge.verifier);
	if (!key) throw refuse();
	const expected = claimSignature(key, services.poolName, challenge.userId, secretBlock, timestamp);
	const given = Buffer.from(signature, 'base64');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse();
	if (!user.enabled) {
		services.counters.countEvent('failedSrpLogins');
		throw new CognitoError('NotAuthorizedException', MESSAGES.userDisabled);
	}
	return afterPassword(services, user, clientId);
}

/** The MFA challenge for users with a second factor; tokens for the others. */
function afterPassword(services: CognitoServices, user: PoolUser, clientId: string): unknown {
	const { mfa } = user;
	if (!mfa) return signedIn(services, user, clientId);
	services.counters.countEvent('mfaChallenges');
	if (mfa.type === 'totp') {
		const session = services.sessions.openMfa({
			clientId,
			user,
			challengeName: 'SOFTWARE_TOKEN_MFA',
		});
		return { ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {}, Session: session };
	}
	const smsCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
	user.sms.push({ phoneNumber: mfa.phoneNumber, code: smsCode, at: services.clock.now() });
	const session = services.sessions.openMfa({ clientId, user, challengeName: 'SMS_MFA', smsCode });
	return {
		ChallengeName: 'SMS_MFA',
		ChallengeParameters: {
			CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
			CODE_DELIVERY_DESTINATION: maskPhoneNumber(mfa.phoneNumber),
		},
		Session: session,
	};
}

/**
 * The code for an MFA challenge. A wrong code, or a code answered as the other kind of MFA,
 * is CodeMismatchException "Invalid code or auth state for the user." (aws-amplify/amplify-js
 * #3066, #11069) and leaves the challenge open; an unknown or spent Session is
 * NotAuthorizedException, an old one "…, session is expired.".
 */
function mfaAnswer(
	services: CognitoServices,
	clientId: string,
	challengeName: MfaChallengeName,
	sessionValue: unknown,
	responses: Record<string, unknown>,
): unknown {
	if (typeof sessionValue !== 'string' || sessionValue === '') {
		throw new CognitoError('InvalidParameterException', 'Missing required parameter Session');
	}
	const username = requireString(responses, 'USERNAME');
	const codeName = challengeName === 'SMS_MFA' ? 'SMS_MFA_CODE' : 'SOFTWARE_TOKEN_MFA_CODE';
	const code = requireString(responses, codeName);
	const fail = (error: CognitoError) => {
		services.counters.countEvent('failedMfa');
		return error;
	};

	const challenge = services.sessions.mfaFor(sessionValue);
	if (challenge === 'expired') {
		throw fail(new CognitoError('NotAuthorizedException', MESSAGES.sessionExpired));
	}
	if (
		!challenge ||
		challenge.clientId !== clientId ||
		services.users.find(username) !== challenge.user
	) {
		throw fail(new CognitoError('NotAuthorizedException', MESSAGES.invalidSession));
	}
	const { user } = challenge;
	if (!codeMatches(challenge, challengeName, code, services.clock.now())) {
		throw fail(new CognitoError('CodeMismatchException', MESSAGES.codeMismatch));
	}
	services.sessions.closeMfa(sessionValue);
	return signedIn(services, user, clientId);
}

/** The right code for the challenge, answered as the kind of MFA it is. */
function codeMatches(
	challenge: MfaChallenge,
	answeredAs: MfaChallengeName,
	code: string,
	now: number,
): boolean {
	if (challenge.challengeName !== answeredAs) return false;
	if (answeredAs === 'SMS_MFA') return code === challenge.smsCode;
	const { mfa } = challenge.user;
	return mfa?.type === 'totp' && totpMatches(mfa.secret, code, now);
}

function signedIn(services: CognitoServices, user: PoolUser, clientId: string): unknown {
	services.counters.countEvent('srpLogins');
	return { AuthenticationResult: services.tokens.signIn(user, clientId), ChallengeParameters: {} };
}

/**
 * `+15555550008` → `+*******0008`, as CODE_DELIVERY_DESTINATION shows it
 * (amazon-cognito-identity-js#236).
 */
export function maskPhoneNumber(phoneNumber: string): string {
	const visible = phoneNumber.slice(-4);
	const hidden = Math.max(phoneNumber.length - 5, 0);
	return `${phoneNumber.startsWith('+') ? '+' : ''}${'*'.repeat(hidden)}${visible}`;
}
