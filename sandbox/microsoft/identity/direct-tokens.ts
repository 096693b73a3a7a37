import { randomUUID } from 'node:crypto';
import { readDelegatedScopes } from './scopes';
import type { MicrosoftIdentityServices } from './services';
import {
	appTokenResponse,
	delegatedTokenResponse,
	type AppTokenResponse,
	type DelegatedTokenResponse,
} from './token-responses';

export interface DirectTokens {
	/** What a client credentials request would answer for the app. */
	appToken(clientId: string): AppTokenResponse;
	/**
	 * What redeeming a sign-in's code would answer: the user signed in to the app and granted
	 * `scope` (default: `openid profile offline_access` and the app's delegated scopes).
	 */
	signIn(clientId: string, user: string, scope?: string): DelegatedTokenResponse;
}

/** Tokens issued without HTTP and without counting, for tests that start signed in. */
export function directTokens(services: MicrosoftIdentityServices): DirectTokens {
	const { directory } = services;
	return {
		appToken: (clientId) => appTokenResponse(services, directory.existingApp(clientId)),
		signIn: (clientId, userName, scope) => {
			const app = directory.existingApp(clientId);
			const user = directory.existingUser(userName);
			if (user.tenantId !== app.tenantId) {
				throw new RangeError(`${user.userPrincipalName} is not in the tenant of ${app.clientId}`);
			}
			const requested =
				scope ?? ['openid', 'profile', 'offline_access', ...app.delegatedScopes].join(' ');
			const { granted, notConsented } = readDelegatedScopes(requested, app, services.graphResource);
			if (notConsented.length > 0) throw new RangeError(`not consented: ${notConsented.join(' ')}`);
			const sessionId = randomUUID();
			const refreshToken = granted.oidc.includes('offline_access')
				? services.refreshTokens.issue({
						clientId: app.clientId,
						tenantId: app.tenantId,
						userId: user.id,
						scopes: granted,
						sessionId,
						authTime: services.clock.now(),
						publicClient: app.publicClient,
					})
				: undefined;
			return delegatedTokenResponse(services, {
				app,
				user,
				scopes: granted,
				sessionId,
				refreshToken,
				clientInfo: true,
			});
		},
	};
}
