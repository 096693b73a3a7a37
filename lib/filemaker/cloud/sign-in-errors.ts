import { FileMakerError } from '../errors';
import { CognitoError } from './cognito-transport';
import type { MfaChallenge } from './filemaker-id';
import { MfaRequiredError } from './filemaker-id';

/** The command that gets a refresh token for an MFA account, as the README and errors name it. */
export const TOKEN_COMMAND = 'npx n8n-nodes-filemaker-graph filemaker-id-token';

function fileMakerIdError(message: string, hint: string): FileMakerError {
	return new FileMakerError(message, undefined, undefined, undefined, hint);
}

const SECOND_FACTOR: Record<MfaChallenge, string> = {
	SOFTWARE_TOKEN_MFA: 'a code from an authenticator app',
	SMS_MFA: 'a code sent by text message',
};

/** Wrong password and unknown user look the same at Cognito, and so they do here. */
export function signInError(error: unknown, email: string): Error {
	if (error instanceof MfaRequiredError) {
		return fileMakerIdError(
			`The FileMaker ID "${email}" signs in with a second factor (${SECOND_FACTOR[error.challenge]}), which a workflow cannot type`,
			`Get a refresh token once: run \`${TOKEN_COMMAND}\` on any computer with Node.js, sign in with the email, password and code, and paste the refresh token it prints into the credential's Refresh Token field. It lasts about a year.`,
		);
	}
	if (error instanceof CognitoError && error.code === 'NotAuthorizedException') {
		return fileMakerIdError(
			`FileMaker ID refused the sign-in of "${email}": the email or the password is wrong`,
			'Check the FileMaker ID (Claris ID) email and password in the credential: they are the ones you use to sign in to FileMaker Cloud.',
		);
	}
	if (error instanceof CognitoError && error.code === 'PasswordResetRequiredException') {
		return fileMakerIdError(
			`FileMaker ID asks "${email}" to reset the password before signing in`,
			'Reset the password at the Claris Customer Console, then enter the new one in the credential.',
		);
	}
	return cognitoFailure(error);
}

export function refreshRefusedError(): FileMakerError {
	return fileMakerIdError(
		'FileMaker ID no longer accepts the refresh token of this credential: it expired (after about a year) or was revoked',
		`Enter the FileMaker ID password in the credential so it can sign in again by itself, or get a new refresh token with \`${TOKEN_COMMAND}\` and paste it into Refresh Token.`,
	);
}

export function isRefusedRefreshToken(error: unknown): boolean {
	return error instanceof CognitoError && error.code === 'NotAuthorizedException';
}

/** Any other Cognito answer: its type and message (Cognito's messages carry no secrets). */
export function cognitoFailure(error: unknown): Error {
	if (error instanceof CognitoError) {
		return fileMakerIdError(
			`FileMaker ID sign-in failed: ${error.message} (${error.code})`,
			error.code === 'TooManyRequestsException'
				? 'Amazon Cognito is limiting requests; try again later.'
				: 'Check the FileMaker ID settings of the credential (the Advanced pool settings should normally stay empty).',
		);
	}
	return error instanceof Error ? error : new Error(String(error));
}
