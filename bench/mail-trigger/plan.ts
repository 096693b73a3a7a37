/** What the Microsoft Graph Mail Trigger benchmark measures: the folder, the sides and the rounds. */
import { MICROSOFT_DEMO } from '../../sandbox/microsoft';
import { DELTA_PAGE_SIZE } from '../../nodes/MicrosoftGraphMailTrigger/settings';
import type { GraphTarget, Service, Side } from '../graph/plan';

export { SERVICES, SIDES, TRANSPORTS } from '../graph/plan';
export type { Service, Side, Transport } from '../graph/plan';

/** The watched folder: the shared invoices mailbox's inbox, as test/helpers/mail-trigger.ts. */
export const MAILBOX = MICROSOFT_DEMO.mailboxes.invoices.address;
export const FOLDER = 'inbox';

/** New messages delivered after the triggers were activated: the backlog each side reads. */
export const BACKLOG = 10_000;

/** The page size both sides ask Graph for (`Prefer: odata.maxpagesize`): the trigger's. */
export const PAGE_SIZE = DELTA_PAGE_SIZE;

/**
 * "Max Messages per Poll" of the two backlog rows: the default (left unset, as a builder gets
 * it), and the whole backlog in one poll.
 */
export const MAX_PER_POLL = [500, BACKLOG] as const;
export type MaxPerPoll = (typeof MAX_PER_POLL)[number];
export const DEFAULT_MAX_PER_POLL: MaxPerPoll = 500;

/** Untimed backlog reads of each side per target and run, before the timed ones. */
export const WARM_UPS = 1;

/** Timed backlog reads of each side per target and run, the sides in turns. */
export const ROUNDS = 5;

/** Polls with nothing new, per side, after the backlog is drained. */
export const IDLE_POLLS = 20;

/**
 * Triggers activated per target, variant and run: one per backlog read, each activated before
 * the backlog is delivered, so the messages are new to every one of them.
 */
export const TRIGGERS_PER_VARIANT = WARM_UPS + ROUNDS;

/** A target: one transport's sandboxes seen through one added round-trip time (as the graph part's). */
export type TriggerTarget = GraphTarget;

export const targetKey = (target: Pick<TriggerTarget, 'transport' | 'rttMs'>) =>
	`mail-trigger/${target.transport}/${target.rttMs}`;

export const listenerName = (
	target: Pick<TriggerTarget, 'transport' | 'rttMs'>,
	side: Side,
	service: Service,
) => `${targetKey(target)}/${side}/${service}`;

export const SIDE_LABELS: Record<Side, string> = {
	ours: 'the Microsoft Graph Mail Trigger, activated in n8n (engine harness) before the backlog arrived, polled back to back until it emitted the backlog (each poll starts an execution with its items)',
	baseline:
		'a bare fetch loop (keep-alive, token obtained once) that follows the delta link it took before the backlog arrived, then every @odata.nextLink, with the same query, Prefer header and page size as the trigger; JSON parsed, messages kept',
};

/**
 * The backlog rows' goal, our throughput over the baseline's: the trigger (seen set, filters,
 * items) and n8n (a poll context per tick, the execution each poll starts with its items, saved
 * as n8n saves it) may add two thirds to the time of the bare delta read, no more. Measured on 2
 * cores: 0.70–1.0 with 500 per poll, 0.87–1.0 with 10,000, lowest with no added round trip,
 * where nothing hides the CPU. 0.5 would let that added cost grow 4× unnoticed; 0.6 lets it grow
 * about 3×, and still leaves room for a loaded machine.
 */
export const THROUGHPUT_GOAL = 0.6;
