import { CognitoError, MESSAGES } from './errors';
import {
	mapParameter,
	requireClient,
	requireString,
	type CognitoServices,
	type RequestBody,
} from './services';
import { parseClientPublic, serverEphemeral } from './srp';

/** Flows Cognito knows that this pool's app client does not allow (Claris' allows SRP only). */
const DISABLED_FLOWS = new Set(['USER_PASSWORD_AUTH', 'CUSTOM_AUTH', 'USER_AUTH']);

/** InitiateAuth: USER_SRP_AUTH, and REFRESH_TOKEN_AUTH / REFRESH_TOKEN. */
export function initiateAuth(services: CognitoServices, body: RequestBody): unknown {
	const clientId = requireClient(services, body);
	const parameters = mapParameter(body, 'AuthParameters');
	const flow = body.AuthFlow;
	if (flow === 'USER_SRP_AUTH') return startSrp(services, clientId, parameters);
	if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
		return refresh(services, clientId, parameters);
	}
	if (typeof flow === 'string' && DISABLED_FLOWS.has(flow)) {
		throw new CognitoError('InvalidParameterException', `${flow} flow not enabled for this client`);
	}
	throw new CognitoError('InvalidParameterException', 'Initiate Auth method not supported.');
}

/**
 * The PASSWORD_VERIFIER challenge. An unknown name gets one too, with a stand-in salt and
 * verifier, and fails at the next step like a wrong password: Cognito's "prevent user
 * existence errors" (ministackorg/ministack#1576 describes the second step as where the
 * difference would show).
 */
function startSrp(
	services: CognitoServices,
	clientId: string,
	parameters: Record<string, unknown>,
): unknown {
	const name = requireString(parameters, 'USERNAME');
	const A = parseClientPublic(requireString(parameters, 'SRP_A'));
	if (A === undefined) throw new CognitoError('InvalidParameterException', 'Invalid SRP_A value.');

	const user = services.users.find(name);
	if (user?.status === 'RESET_REQUIRED') {
		throw new CognitoError('PasswordResetRequiredException', MESSAGES.passwordResetRequired);
	}
	const identity = user
		? { userId: user.username, salt: user.salt, verifier: user.verifier }
		: services.users.standIn(name);
	const { b, B } = serverEphemeral(identity.verifier);
	const secretBlock = services.sessions.openSrp({
		clientId,
		userId: identity.userId,
		user,
		A,
		B,
		b,
		verifier: identity.verifier,
	});
	services.counters.countEvent('srpAttempts');
	// No Session with this challenge: Cognito sends none (measured in ministack#1758).
	return {
		ChallengeName: 'PASSWORD_VERIFIER',
		ChallengeParameters: {
			SALT: identity.salt,
			SECRET_BLOCK: secretBlock,
			SRP_B: B.toString(16),
			USERNAME: identity.userId,
			USER_ID_FOR_SRP: identity.userId,
		},
	};
}

/** New ID and access tokens; no RefreshToken in the result (no rotation). */
function refresh(
	services: CognitoServices,
	clientId: string,
	parameters: Record<string, unknown>,
): unknown {
	const refreshToken = requireString(parameters, 'REFRESH_TOKEN');
	try {
		const result = services.tokens.refresh(refreshToken, clientId, (name) =>
			services.users.find(name),
		);
		services.counters.countEvent('refreshes');
		return { AuthenticationResult: result, ChallengeParameters: {} };
	} catch (error) {
		services.counters.countEvent('failedRefreshes');
		throw error;
	}
}
