import { addSecret, describeApp, revokeSessions, setPassword, setSecretExpiry } from './controls';
import type { MicrosoftIdentitySandbox } from './index';
import type { MicrosoftIdentityServices } from './services';

/** The helpers a test holds to change the directory while the sandbox runs. */
export function sandboxControls(
	services: MicrosoftIdentityServices,
): Pick<MicrosoftIdentitySandbox, 'tenants' | 'apps' | 'users' | 'refreshTokens'> {
	const { directory, refreshTokens, clock } = services;
	return {
		tenants: {
			add: (spec) => directory.addTenant(spec),
			get: (idOrDomain) => {
				const segment = directory.resolveTenant(idOrDomain);
				return segment?.kind === 'tenant' ? { ...segment.tenant } : undefined;
			},
		},
		apps: {
			add: (spec) => describeApp(directory.addApp(spec)),
			get: (clientId) => {
				const app = directory.app(clientId);
				return app && describeApp(app);
			},
			setSecretExpiry: (clientId, which, expiresAt) =>
				setSecretExpiry(directory, clientId, which, expiresAt),
			expireSecret: (clientId, which) => setSecretExpiry(directory, clientId, which, clock.now()),
			addSecret: (clientId, secret) => addSecret(directory, clientId, secret),
			addRedirectUri: (clientId, uri) => {
				const app = directory.existingApp(clientId);
				if (!app.redirectUris.includes(uri)) app.redirectUris.push(uri);
			},
		},
		users: {
			add: (spec) => {
				directory.addUser(spec);
			},
			get: (idOrName) => {
				const user = directory.user(idOrName);
				if (!user) return undefined;
				const { id, tenantId, userPrincipalName, displayName } = user;
				return { id, tenantId, userPrincipalName, displayName };
			},
			setPassword: (idOrName, password) =>
				setPassword(directory, refreshTokens, idOrName, password),
			revokeSessions: (idOrName) => revokeSessions(directory, refreshTokens, idOrName),
		},
		refreshTokens: {
			isActive: (token) => refreshTokens.isActive(token),
			revoke: (token) => refreshTokens.revoke(token),
			expiresAt: (token) => refreshTokens.expiresAt(token),
		},
	};
}
