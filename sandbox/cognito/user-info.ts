import type { MfaSetting, PoolUser, UserStatus } from './users';

/** What tests and the control API see of a user: no password, verifier or TOTP secret. */
export interface CognitoUserInfo {
	username: string;
	sub: string;
	email: string;
	status: UserStatus;
	enabled: boolean;
	mfa?: MfaSetting['type'];
}

export function describeUser(user: PoolUser): CognitoUserInfo {
	return {
		username: user.username,
		sub: user.sub,
		email: user.email,
		status: user.status,
		enabled: user.enabled,
		...(user.mfa ? { mfa: user.mfa.type } : {}),
	};
}
