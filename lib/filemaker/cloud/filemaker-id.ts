import type { CognitoUserSession, ICognitoStorage } from 'amazon-cognito-identity-js';
import {
	AuthenticationDetails,
	CognitoRefreshToken,
	CognitoUser,
	CognitoUserPool,
} from 'amazon-cognito-identity-js';

import type { CognitoClient } from './cognito-transport';
import type { CognitoPool } from './pool-settings';

/** What a FileMaker ID sign-in or refresh gives: the idToken for `FMID`, and how to renew it. */
export interface FileMakerIdTokens {
	idToken: string;
	/** Milliseconds since the epoch, from the token's `exp`. */
	idTokenExpiresAt: number;
	refreshToken: string;
}

/** The second factor an MFA account asks for after the password. */
export type MfaChallenge = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA';

/** Asks a person for the code of an MFA challenge (the `bin` command); undefined: no one to ask. */
export type MfaCodeSource = (challenge: MfaChallenge, destination?: string) => Promise<string>;

/** An MFA account signed in without anyone to type the code. */
export class MfaRequiredError extends Error {
	readonly name = 'MfaRequiredError';

	constructor(readonly challenge: MfaChallenge) {
		super(`FileMaker ID asks for a second factor (${challenge})`);
	}
}

/** Nothing the library keeps outlives the call: tokens live in the n8n credential. */
function memoryStorage(): ICognitoStorage {
	const items = new Map<string, string>();
	return {
		setItem: (key, value) => void items.set(key, value),
		getItem: (key) => items.get(key) ?? null,
		removeItem: (key) => void items.delete(key),
		clear: () => items.clear(),
	};
}

function user(pool: CognitoPool, client: CognitoClient, email: string): CognitoUser {
	const storage = memoryStorage();
	const userPool = new CognitoUserPool({
		UserPoolId: pool.userPoolId,
		ClientId: pool.clientId,
		endpoint: pool.endpoint,
		Storage: storage,
	});
	(userPool as unknown as { client: CognitoClient }).client = client;
	return new CognitoUser({ Username: email, Pool: userPool, Storage: storage });
}

function tokensOf(session: CognitoUserSession): FileMakerIdTokens {
	const idToken = session.getIdToken();
	return {
		idToken: idToken.getJwtToken(),
		idTokenExpiresAt: idToken.getExpiration() * 1000,
		refreshToken: session.getRefreshToken().getToken(),
	};
}

/**
 * Signs in with Cognito USER_SRP_AUTH: the password never leaves this process, only an SRP
 * proof does. It costs about 0.3 s of CPU, so it runs only when no refresh token works. An MFA
 * account needs `askCode`; without it the sign-in fails with `MfaRequiredError`.
 */
export async function signInWithPassword(
	pool: CognitoPool,
	client: CognitoClient,
	email: string,
	password: string,
	askCode?: MfaCodeSource,
): Promise<FileMakerIdTokens> {
	const cognitoUser = user(pool, client, email);
	return await new Promise<FileMakerIdTokens>((resolve, reject) => {
		const answerChallenge = (challenge: MfaChallenge, parameters: Record<string, string>) => {
			if (!askCode) return reject(new MfaRequiredError(challenge));
			askCode(challenge, parameters?.CODE_DELIVERY_DESTINATION).then(
				(code) => cognitoUser.sendMFACode(code.trim(), callbacks, challenge),
				reject,
			);
		};
		const callbacks = {
			onSuccess: (session: CognitoUserSession) => resolve(tokensOf(session)),
			onFailure: (error: unknown) => reject(error),
			mfaRequired: (_name: unknown, parameters: Record<string, string>) =>
				answerChallenge('SMS_MFA', parameters),
			totpRequired: (_name: unknown, parameters: Record<string, string>) =>
				answerChallenge('SOFTWARE_TOKEN_MFA', parameters),
			newPasswordRequired: () =>
				reject(new Error('FileMaker ID asks for a new password for this account')),
			selectMFAType: () =>
				reject(new Error('FileMaker ID asks to choose a second factor for this account')),
			mfaSetup: () => reject(new Error('FileMaker ID asks to set up a second factor')),
		};
		cognitoUser.authenticateUser(
			new AuthenticationDetails({ Username: email, Password: password }),
			callbacks,
		);
	});
}

/** Gets a new idToken with a refresh token (REFRESH_TOKEN_AUTH): no password, no MFA. */
export async function refreshIdToken(
	pool: CognitoPool,
	client: CognitoClient,
	email: string,
	refreshToken: string,
): Promise<FileMakerIdTokens> {
	const cognitoUser = user(pool, client, email);
	return await new Promise<FileMakerIdTokens>((resolve, reject) => {
		cognitoUser.refreshSession(
			new CognitoRefreshToken({ RefreshToken: refreshToken }),
			(error: unknown, session: CognitoUserSession) =>
				error ? reject(error) : resolve(tokensOf(session)),
		);
	});
}
