import type { Directory, RegisteredApp, SecretSpec } from './directory';
import type { RefreshTokens } from './refresh-tokens';

/** Which of an app's secrets: by position in its list, or by value. */
export interface SecretSelector {
	index?: number;
	value?: string;
}

/** What the admin API and the helpers show of an app registration: never a secret's value. */
export interface AppDescription {
	tenantId: string;
	clientId: string;
	displayName: string;
	publicClient: boolean;
	servicePrincipalId: string;
	redirectUris: string[];
	applicationPermissions: string[];
	delegatedScopes: string[];
	/** `hint`: the first three characters, as the portal shows them. */
	secrets: Array<{ index: number; hint: string; expiresAt: number }>;
	certificates: Array<{ thumbprintSha1Hex: string; thumbprintSha256Hex: string }>;
}

export function describeApp(app: RegisteredApp): AppDescription {
	return {
		tenantId: app.tenantId,
		clientId: app.clientId,
		displayName: app.displayName,
		publicClient: app.publicClient,
		servicePrincipalId: app.servicePrincipalId,
		redirectUris: [...app.redirectUris],
		applicationPermissions: [...app.applicationPermissions],
		delegatedScopes: [...app.delegatedScopes],
		secrets: app.secrets.map(({ index, value, expiresAt }) => ({
			index,
			hint: value.slice(0, 3),
			expiresAt,
		})),
		certificates: app.certificates.map(({ thumbprintSha1Hex, thumbprintSha256Hex }) => ({
			thumbprintSha1Hex,
			thumbprintSha256Hex,
		})),
	};
}

/** Moves a secret's expiry (ms, sandbox clock): to the past to make it lapse. */
export function setSecretExpiry(
	directory: Directory,
	clientId: string,
	which: SecretSelector,
	expiresAt: number,
): void {
	if (!Number.isFinite(expiresAt)) throw new RangeError('expiresAt must be a number of ms');
	const app = directory.existingApp(clientId);
	const secret = app.secrets.find((candidate) =>
		which.index !== undefined ? candidate.index === which.index : candidate.value === which.value,
	);
	if (!secret) throw new RangeError(`app ${clientId} has no such secret`);
	secret.expiresAt = expiresAt;
}

/** "New client secret": one more secret on the app; its index. */
export function addSecret(directory: Directory, clientId: string, secret: SecretSpec): number {
	const app = directory.existingApp(clientId);
	const index = app.secrets.length;
	app.secrets.push({ ...secret, index });
	return index;
}

/**
 * A new password. Like a password change in Entra, it revokes the refresh tokens of public
 * clients and leaves confidential clients' ones alive (refresh-tokens#token-revocation).
 */
export function setPassword(
	directory: Directory,
	refreshTokens: RefreshTokens,
	user: string,
	password: string,
): number {
	const found = directory.existingUser(user);
	found.password = password;
	return refreshTokens.revokeUser(found.id, (grant) => grant.publicClient);
}

/** `revokeSignInSessions`: every refresh token of the user is revoked; how many. */
export function revokeSessions(
	directory: Directory,
	refreshTokens: RefreshTokens,
	user: string,
): number {
	return refreshTokens.revokeUser(directory.existingUser(user).id);
}
