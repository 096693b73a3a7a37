import type { Request, Response, Router } from 'express';
import { addSecret, describeApp, revokeSessions, setPassword, setSecretExpiry } from './controls';
import type { MicrosoftIdentityServices } from './services';

type Body = Record<string, unknown>;

function bodyOf(req: Request): Body {
	return typeof req.body === 'object' && req.body !== null ? (req.body as Body) : {};
}

/**
 * The sandbox's own `/__sandbox` routes, next to the shared ones (counters, clock, faults):
 * the directory, secret expiry, new secrets, password changes and refresh token revocation.
 */
export function microsoftIdentityAdminRoutes(
	router: Router,
	services: MicrosoftIdentityServices,
): void {
	const { directory, refreshTokens, clock } = services;
	const answer = (res: Response, action: () => unknown) => {
		try {
			res.json(action());
		} catch (error) {
			if (!(error instanceof RangeError)) throw error;
			res.status(/^no /.test(error.message) ? 404 : 400).json({ ok: false, error: error.message });
		}
	};
	const optionalNumber = (body: Body, key: string): number | undefined => {
		const value = body[key];
		if (value !== undefined && typeof value !== 'number')
			throw new RangeError(`"${key}" must be a number`);
		return value;
	};
	const text = (body: Body, key: string): string => {
		const value = body[key];
		if (typeof value !== 'string') throw new RangeError(`"${key}" must be a string`);
		return value;
	};

	router.get('/tenants', (_req, res) => answer(res, () => directory.listTenants()));
	router.get('/apps', (_req, res) => answer(res, () => directory.listApps().map(describeApp)));
	router.get('/users', (_req, res) =>
		answer(res, () =>
			directory.listUsers().map(({ id, tenantId, userPrincipalName, displayName }) => ({
				id,
				tenantId,
				userPrincipalName,
				displayName,
			})),
		),
	);
	// { index } or { value }; expiresAt (ms, sandbox clock) defaults to now: the secret lapses.
	router.post('/apps/:clientId/secrets/expiry', (req, res) =>
		answer(res, () => {
			const body = bodyOf(req);
			const value = body.value;
			if (value !== undefined && typeof value !== 'string')
				throw new RangeError('"value" must be a string');
			const index = optionalNumber(body, 'index');
			if (index === undefined && value === undefined)
				throw new RangeError('give "index" or "value"');
			const expiresAt = optionalNumber(body, 'expiresAt') ?? clock.now();
			setSecretExpiry(directory, String(req.params.clientId), { index, value }, expiresAt);
			return { ok: true, expiresAt };
		}),
	);
	router.post('/apps/:clientId/secrets', (req, res) =>
		answer(res, () => {
			const body = bodyOf(req);
			const expiresAt = optionalNumber(body, 'expiresAt');
			if (expiresAt === undefined) throw new RangeError('"expiresAt" must be a number');
			const index = addSecret(directory, String(req.params.clientId), {
				value: text(body, 'value'),
				expiresAt,
			});
			return { ok: true, index };
		}),
	);
	router.post('/users/:user/password', (req, res) =>
		answer(res, () => ({
			revoked: setPassword(
				directory,
				refreshTokens,
				String(req.params.user),
				text(bodyOf(req), 'password'),
			),
		})),
	);
	router.post('/users/:user/revoke-sessions', (req, res) =>
		answer(res, () => ({
			revoked: revokeSessions(directory, refreshTokens, String(req.params.user)),
		})),
	);
	router.post('/refresh-tokens/revoke', (req, res) =>
		answer(res, () => ({ revoked: refreshTokens.revoke(text(bodyOf(req), 'refreshToken')) })),
	);
}
