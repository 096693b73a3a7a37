import {
	AuthenticationDetails,
	CognitoRefreshToken,
	CognitoUser,
	CognitoUserPool,
	type CognitoUserSession,
	type ICognitoStorage,
} from 'amazon-cognito-identity-js';
import type { CognitoSandbox } from '../../sandbox/cognito';

/** Keeps the library's cache in memory, away from any global storage. */
export class MemoryStorage implements ICognitoStorage {
	private readonly items = new Map<string, string>();

	setItem(key: string, value: string): void {
		this.items.set(key, value);
	}

	getItem(key: string): string | null {
		return this.items.get(key) ?? null;
	}

	removeItem(key: string): void {
		this.items.delete(key);
	}

	clear(): void {
		this.items.clear();
	}
}

/** What a call to the library failed with: its `code` is Cognito's error type. */
export interface CognitoFailure {
	code: string;
	name: string;
	message: string;
}

/** How `authenticateUser` ended. */
export type SignInOutcome =
	| { kind: 'success'; session: CognitoUserSession }
	| { kind: 'failure'; error: CognitoFailure }
	| {
			kind: 'mfa';
			challengeName: string;
			parameters: Record<string, string>;
			/** Answers the challenge as `sendMFACode` does. */
			answer(code: string): Promise<SignInOutcome>;
	  };

/** amazon-cognito-identity-js, unmodified, pointed at the sandbox. */
export class LibraryClient {
	readonly pool: CognitoUserPool;
	readonly storage = new MemoryStorage();

	constructor(cognito: Pick<CognitoSandbox, 'url' | 'userPoolId' | 'clientId'>, clientId?: string) {
		this.pool = new CognitoUserPool({
			UserPoolId: cognito.userPoolId,
			ClientId: clientId ?? cognito.clientId,
			endpoint: `${cognito.url}/`,
			Storage: this.storage,
		});
	}

	user(username: string): CognitoUser {
		return new CognitoUser({ Username: username, Pool: this.pool, Storage: this.storage });
	}

	signIn(username: string, password: string): Promise<SignInOutcome> {
		const user = this.user(username);
		return new Promise((resolve) => {
			user.authenticateUser(
				new AuthenticationDetails({ Username: username, Password: password }),
				this.callbacks(user, resolve),
			);
		});
	}

	/** `refreshSession`, with the library's own retries on failure. */
	refresh(username: string, refreshToken: string): Promise<CognitoUserSession> {
		const user = this.user(username);
		return new Promise((resolve, reject) => {
			user.refreshSession(
				new CognitoRefreshToken({ RefreshToken: refreshToken }),
				(error: unknown, session: CognitoUserSession | null) => {
					if (error || !session) reject(failureOf(error));
					else resolve(session);
				},
			);
		});
	}

	private callbacks(user: CognitoUser, resolve: (outcome: SignInOutcome) => void) {
		const mfa = (challengeName: string, parameters: Record<string, string>) =>
			resolve({
				kind: 'mfa',
				challengeName,
				parameters,
				answer: (code) =>
					new Promise((next) => {
						user.sendMFACode(code, this.callbacks(user, next), challengeName);
					}),
			});
		return {
			onSuccess: (session: CognitoUserSession) => resolve({ kind: 'success', session }),
			onFailure: (error: unknown) => resolve({ kind: 'failure', error: failureOf(error) }),
			mfaRequired: mfa,
			totpRequired: mfa,
		};
	}
}

function failureOf(error: unknown): CognitoFailure {
	const value = (error ?? {}) as Partial<CognitoFailure>;
	return {
		code: String(value.code),
		name: String(value.name),
		message: String(value.message),
	};
}

export function expectSuccess(outcome: SignInOutcome): CognitoUserSession {
	if (outcome.kind !== 'success') {
		throw new Error(`expected a session, got ${JSON.stringify(outcome)}`);
	}
	return outcome.session;
}

export function expectMfa(outcome: SignInOutcome): Extract<SignInOutcome, { kind: 'mfa' }> {
	if (outcome.kind !== 'mfa') throw new Error(`expected an MFA challenge, got ${outcome.kind}`);
	return outcome;
}

export function expectFailure(outcome: SignInOutcome): CognitoFailure {
	if (outcome.kind !== 'failure') throw new Error(`expected a failure, got ${outcome.kind}`);
	return outcome.error;
}
