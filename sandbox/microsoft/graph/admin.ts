import type { Request, Response, Router } from 'express';
import type { GraphContext } from './context';
import { isGraphEndpointName } from './endpoints';
import { GraphError } from './errors';
import type { GraphFaults } from './faults';
import { GraphMail, type DeliverOptions, type SeedMessage } from './mail-api';

/**
 * Graph's own control routes, next to the shared ones under `/__sandbox`: `GET mailboxes`,
 * `GET mailboxes/:mailbox/messages?folder=`, `GET mailboxes/:mailbox/folders`,
 * `POST deliver {message, mailbox?, folder?, receivedAt?, visibleAt?}`, `GET submissions`,
 * `POST expire-delta-tokens`, `POST throttle-next {count?, status?, retryAfterSeconds?,
 * endpoint?}`, `POST throttle-every {every, status?, retryAfterSeconds?, endpoint?}`,
 * `POST stop-throttling`.
 */
export function graphAdminRoutes(router: Router, context: GraphContext, faults: GraphFaults): void {
	const mail = new GraphMail(context);
	const guard = (action: (req: Request) => unknown) => (req: Request, res: Response) => {
		try {
			res.json(action(req) ?? { ok: true });
		} catch (error) {
			if (!(error instanceof RangeError || error instanceof GraphError)) throw error;
			res.status(400).json({ ok: false, error: error.message });
		}
	};
	const endpoint = (value: unknown) => {
		if (value === undefined) return undefined;
		if (typeof value === 'string' && isGraphEndpointName(value)) return value;
		throw new RangeError(`unknown endpoint: ${String(value)}`);
	};
	const body = (req: Request): Record<string, unknown> =>
		typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};

	router.get(
		'/mailboxes',
		guard(() => mail.mailboxes()),
	);
	router.get(
		'/mailboxes/:mailbox/messages',
		guard((req) =>
			mail.messages(
				String(req.params.mailbox),
				typeof req.query.folder === 'string' ? req.query.folder : 'inbox',
				{ includeInvisible: req.query.includeInvisible === 'true' },
			),
		),
	);
	router.get(
		'/mailboxes/:mailbox/folders',
		guard((req) => mail.folders(String(req.params.mailbox))),
	);
	router.post(
		'/deliver',
		guard((req) => {
			const { message, ...options } = body(req);
			return mail.deliver((message ?? {}) as SeedMessage, options as DeliverOptions);
		}),
	);
	router.get(
		'/submissions',
		guard(() => mail.submissions()),
	);
	router.post(
		'/expire-delta-tokens',
		guard(() => faults.expireDeltaTokens()),
	);
	router.post(
		'/throttle-next',
		guard((req) => {
			const { count, status, retryAfterSeconds } = body(req);
			faults.throttleNext({
				count: count as number | undefined,
				status: status as 429 | 503 | undefined,
				retryAfterSeconds: retryAfterSeconds as number | undefined,
				endpoint: endpoint(body(req).endpoint),
			});
		}),
	);
	router.post(
		'/throttle-every',
		guard((req) => {
			const { every, status, retryAfterSeconds } = body(req);
			faults.throttleEvery(Number(every), {
				status: status as 429 | 503 | undefined,
				retryAfterSeconds: retryAfterSeconds as number | undefined,
				endpoint: endpoint(body(req).endpoint),
			});
		}),
	);
	router.post(
		'/stop-throttling',
		guard(() => faults.stopThrottling()),
	);
}
