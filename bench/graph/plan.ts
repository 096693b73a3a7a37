/** What the Microsoft Graph Mail benchmark measures: the mailbox, the sides and the rounds. */
import { MICROSOFT_DEMO } from '../../sandbox/microsoft';

/** The mailbox whose inbox "Get Many, limit 1" reads: the shared invoices mailbox. */
export const INBOX_MAILBOX = MICROSOFT_DEMO.mailboxes.invoices.address;

/**
 * The mailbox with the folder Return All reads: Ada's (the demo app may reach both). Apart from
 * the inbox's, because the sandbox looks at every message of a mailbox for a list: with the
 * 10,000 there, a list of the 5-message inbox would cost the sandbox about 8 ms.
 */
export const LIST_MAILBOX = MICROSOFT_DEMO.mailboxes.ada.address;

/** Executions of "Get Many, limit 1" per side, per target and run. */
export const EXECUTIONS = 1000;

/** They run in blocks, ours and the baseline taking turns, so both see the same machine noise. */
export const BLOCK = 100;

/** Untimed executions of each side before the counted ones (the first connections, the JIT). */
export const WARM_UP_EXECUTIONS = 20;

/** Messages in the inbox that "Get Many, limit 1" reads the newest of. */
export const INBOX_MESSAGES = 5;

/** Messages in the folder Return All reads, and the folder's name. */
export const MESSAGES = 10_000;
export const LIST_FOLDER = 'Bench archive';

/** Graph's largest page of messages: both sides ask for it ($top). */
export const PAGE_SIZE = 1000;

/** Timed Return All operations per side, in turns, after one untimed warm-up of each. */
export const RETURN_ALL_ROUNDS = 7;

export const SIDES = ['ours', 'baseline'] as const;
export type Side = (typeof SIDES)[number];

/** The two services, each reached through its own proxy listener per side and target. */
export const SERVICES = ['identity', 'graph'] as const;
export type Service = (typeof SERVICES)[number];

export type GraphMeasurementName = 'executions' | 'returnAll';

/**
 * How Graph is reached: http, or https with the sandbox's self-signed certificate (every new
 * connection pays a TLS handshake). The identity platform is reached over http in both: the
 * Microsoft sandboxes serve it so, and the baseline's token requests share one kept-alive
 * connection, where TLS would add little.
 */
export const TRANSPORTS = ['http', 'https'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** A target: one transport's sandboxes seen through one added round-trip time. */
export interface GraphTarget {
	transport: Transport;
	rttMs: number;
	/** Per side and service: the proxy listener's URL (no trailing slash). */
	urls: Record<Side, Record<Service, string>>;
}

export const targetKey = (target: Pick<GraphTarget, 'transport' | 'rttMs'>) =>
	`graph/${target.transport}/${target.rttMs}`;

export const listenerName = (
	target: Pick<GraphTarget, 'transport' | 'rttMs'>,
	side: Side,
	service: Service,
) => `${targetKey(target)}/${side}/${service}`;

export const SIDE_LABELS: Record<GraphMeasurementName, Record<Side, string>> = {
	executions: {
		ours: 'Message → Get Many, limit 1, with the Microsoft Graph App credential',
		baseline:
			'a node that POSTs client credentials to the token endpoint with fetch, then GETs the same page with fetch',
	},
	returnAll: {
		ours: 'Message → Get Many, Return All (every option at its default)',
		baseline: 'a fetch loop, token obtained once, following @odata.nextLink, JSON parsed',
	},
};
