import type { Request, Response, Router } from 'express';
import { isCognitoEndpointName } from './endpoints';
import type { CognitoFaults } from './faults';
import type { CognitoServices } from './services';
import { describeUser } from './user-info';

/**
 * The Cognito sandbox's own `/__sandbox` routes, next to the shared ones (counters, faults,
 * clock): users, their texted codes, refresh token revocation and throttling.
 */
export function cognitoAdminRoutes(
	router: Router,
	services: CognitoServices,
	faults: CognitoFaults,
): void {
	const { users, tokens } = services;
	const answer = (res: Response, action: () => unknown) => {
		try {
			res.json(action());
		} catch (error) {
			if (!(error instanceof RangeError)) throw error;
			res.status(404).json({ ok: false, error: error.message });
		}
	};
	const body = (req: Request): Record<string, unknown> =>
		typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};

	router.get('/users', (_req, res) => answer(res, () => users.all().map(describeUser)));
	router.get('/users/:name', (req, res) =>
		answer(res, () => describeUser(users.get(req.params.name))),
	);
	router.get('/users/:name/sms', (req, res) =>
		answer(res, () => ({ code: users.get(req.params.name).sms.at(-1)?.code ?? null })),
	);
	router.post('/users/:name/revoke-all', (req, res) =>
		answer(res, () => ({ revoked: tokens.revokeUser(users.get(req.params.name).username) })),
	);
	router.post('/users/:name/require-password-reset', (req, res) =>
		answer(res, () => {
			users.get(req.params.name).status = 'RESET_REQUIRED';
			return { ok: true };
		}),
	);
	router.post('/tokens/revoke', (req, res) => {
		const refreshToken = body(req).refreshToken;
		if (typeof refreshToken !== 'string') {
			res.status(400).json({ ok: false, error: '"refreshToken" must be a string' });
			return;
		}
		res.json({ revoked: tokens.revoke(refreshToken) });
	});
	router.post('/throttle-next', (req, res) => {
		const { count, endpoint } = body(req);
		if (
			(count !== undefined && typeof count !== 'number') ||
			(endpoint !== undefined && (typeof endpoint !== 'string' || !isCognitoEndpointName(endpoint)))
		) {
			res.status(400).json({ ok: false, error: 'throttle-next takes { count?, endpoint? }' });
			return;
		}
		try {
			faults.throttleNext({ count, endpoint });
			res.json({ ok: true });
		} catch (error) {
			if (!(error instanceof RangeError)) throw error;
			res.status(400).json({ ok: false, error: error.message });
		}
	});
}
