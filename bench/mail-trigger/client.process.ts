/**
 * Child process: the client side, the Mail Trigger in n8n's engine and the fetch baseline, each
 * side talking to the sandboxes through its own proxy listeners. It times and checks what each
 * side read; the bench counts and prints.
 */
import '../../test/engine/environment';

import type { ActivePoller } from '../../test/engine/engine';
import { Engine } from '../../test/engine/engine';
import { credentialData } from '../graph/our-node';
import { time } from '../measure';
import { serve } from '../remote/ipc';
import { checkBacklog } from './backlog-check';
import { FetchDeltaBaseline } from './fetch-baseline';
import { activateTrigger, drainBacklog, idlePolls } from './our-trigger';
import {
	DEFAULT_MAX_PER_POLL,
	MAX_PER_POLL,
	targetKey,
	type MaxPerPoll,
	type Side,
	type TriggerTarget,
} from './plan';

const engine = new Engine();

interface TargetState {
	key: string;
	transport: TriggerTarget['transport'];
	baseline: FetchDeltaBaseline;
	/** Triggers activated before the backlog arrived, not yet used, per Max Messages per Poll. */
	armed: Map<MaxPerPoll, ActivePoller[]>;
	/** The baseline's delta link from before the backlog arrived (Graph lets a link be reused). */
	linkBefore?: string;
	/** Per Max Messages per Poll, the trigger that drained the backlog last. */
	drained: Map<MaxPerPoll, ActivePoller>;
	/** The baseline's delta link after its last read. */
	linkAfter?: string;
}

const states = new Map<string, TargetState>();

/** The delivered backlog's message IDs, per transport (each has its own sandboxes). */
const delivered = new Map<string, ReadonlySet<string>>();

function state(key: string): TargetState {
	const found = states.get(key);
	if (!found) throw new Error(`No target "${key}"`);
	return found;
}

const api = {
	/** Our credential per target (its proxy listeners), and the baseline's token. */
	async setup(params: { targets: TriggerTarget[] }) {
		for (const target of params.targets) {
			const key = targetKey(target);
			await engine.addCredential(key, 'microsoftGraphAppApi', credentialData(target.urls.ours));
			states.set(key, {
				key,
				transport: target.transport,
				baseline: await FetchDeltaBaseline.start(target.urls.baseline),
				armed: new Map(MAX_PER_POLL.map((max) => [max, []])),
				drained: new Map(),
			});
		}
	},

	/**
	 * Before the backlog arrives: `triggers` activated triggers per Max Messages per Poll, and the
	 * baseline's first round (the folder as it is), whose delta link its reads start from.
	 */
	async arm(params: { target: string; triggers: number }) {
		const target = state(params.target);
		for (const max of MAX_PER_POLL) {
			const armed = target.armed.get(max) ?? [];
			for (let index = 0; index < params.triggers; index++) {
				armed.push(await activateTrigger(engine, target.key, max));
			}
			target.armed.set(max, armed);
		}
		target.linkBefore = (await target.baseline.round(target.baseline.firstUrl)).deltaLink;
	},

	/** The IDs of the backlog the sandboxes of `transport` delivered. */
	async expect(params: { transport: string; ids: string[] }) {
		delivered.set(params.transport, new Set(params.ids));
	},

	/**
	 * One side reads the whole backlog, timed: ours, the next armed trigger polled until it has
	 * emitted it; the baseline, one delta round from its link before the backlog. Both are
	 * checked after the clock stops (every message once, no other).
	 */
	async backlog(params: { target: string; side: Side; maxPerPoll: MaxPerPoll }) {
		const target = state(params.target);
		const expected = delivered.get(target.transport);
		if (!expected) throw new Error(`No backlog delivered over ${target.transport}`);
		if (params.side === 'baseline') {
			const from = target.linkBefore;
			if (!from) throw new Error(`The baseline of ${params.target} is not armed`);
			let round: Awaited<ReturnType<FetchDeltaBaseline['round']>> | undefined;
			const ms = await time(async () => (round = await target.baseline.round(from)));
			if (!round) throw new Error('The baseline read no round');
			checkBacklog(
				'The fetch baseline',
				round.messages.map((message) => String(message.id)),
				expected,
			);
			target.linkAfter = round.deltaLink;
			return { ms, polls: 0 };
		}
		const poller = target.armed.get(params.maxPerPoll)?.shift();
		if (!poller) throw new Error(`No armed trigger left for ${params.target}`);
		const drained = await drainBacklog(poller, params.maxPerPoll);
		checkBacklog(
			`The Mail Trigger (Max Messages per Poll ${params.maxPerPoll})`,
			drained.ids,
			expected,
		);
		await target.drained.get(params.maxPerPoll)?.deactivate();
		target.drained.set(params.maxPerPoll, poller);
		return { ms: drained.ms, polls: drained.polls };
	},

	/**
	 * `count` polls with nothing new, timed: ours, cron ticks of the trigger with the default Max
	 * Messages per Poll that drained the backlog last; the baseline, a delta round from its last
	 * delta link each (one request).
	 */
	async idle(params: { target: string; side: Side; count: number }) {
		const target = state(params.target);
		if (params.side === 'ours') {
			const drained = target.drained.get(DEFAULT_MAX_PER_POLL);
			if (!drained) throw new Error(`No trigger of ${params.target} drained the backlog`);
			return await idlePolls(drained, params.count);
		}
		return await time(async () => {
			for (let index = 0; index < params.count; index++) {
				if (!target.linkAfter) throw new Error(`The baseline of ${params.target} read no backlog`);
				const round = await target.baseline.round(target.linkAfter);
				if (round.messages.length > 0) {
					throw new Error(`The baseline found ${round.messages.length} new messages when idle`);
				}
				target.linkAfter = round.deltaLink;
			}
		});
	},
};

export type MailTriggerClientApi = typeof api;

serve(api);
