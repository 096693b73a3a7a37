import type { ActivePoller, Engine, PollOutcome } from '../../test/engine/engine';
import { mailTriggerWorkflow } from '../../test/helpers/mail-trigger';
import { folderById } from '../../test/helpers/microsoft';
import { time } from '../measure';
import { BACKLOG, DEFAULT_MAX_PER_POLL, FOLDER, MAILBOX, type MaxPerPoll } from './plan';

/**
 * Activates the Mail Trigger (every option at its default but Max Messages per Poll) on the
 * watched folder with the credential `credentialId`. Its activation poll takes the folder as it
 * is as the starting point: it must emit nothing and fail nothing.
 */
export async function activateTrigger(
	engine: Engine,
	credentialId: string,
	maxPerPoll: MaxPerPoll,
): Promise<ActivePoller> {
	const workflow = mailTriggerWorkflow({
		mailbox: MAILBOX,
		folder: folderById(FOLDER),
		...(maxPerPoll === DEFAULT_MAX_PER_POLL ? {} : { options: { maxPerPoll } }),
	});
	workflow.nodes[0].credentials = {
		microsoftGraphAppApi: { id: credentialId, name: `Graph (${credentialId})` },
	};
	const poller = await engine.activatePoller(workflow);
	const { error, items } = poller.activation;
	if (error) throw error;
	if (items !== null) throw new Error(`The activation poll emitted ${items.length} messages`);
	return poller;
}

/** What draining the backlog took: the time, the polls, and the IDs the polls emitted. */
export interface Drained {
	ms: number;
	polls: number;
	ids: string[];
}

/**
 * Cron ticks back to back until the trigger has emitted BACKLOG messages (each tick awaited to
 * the end of the execution its items start), at most twice the polls it should need. Timed from
 * the first tick to the end of the last; the IDs are read from the items afterwards.
 */
export async function drainBacklog(poller: ActivePoller, maxPerPoll: number): Promise<Drained> {
	const limit = 2 * Math.ceil(BACKLOG / maxPerPoll) + 2;
	const outcomes: PollOutcome[] = [];
	let emitted = 0;
	const ms = await time(async () => {
		while (emitted < BACKLOG && outcomes.length < limit) {
			const outcome = await poller.poll();
			outcomes.push(outcome);
			if (outcome.error) throw outcome.error;
			emitted += outcome.items?.length ?? 0;
		}
	});
	const failed = outcomes.find((outcome) => outcome.execution?.error);
	if (failed?.execution?.error) throw failed.execution.error;
	return {
		ms,
		polls: outcomes.length,
		ids: outcomes.flatMap((outcome) => (outcome.items ?? []).map((item) => String(item.json.id))),
	};
}

/** `count` cron ticks with nothing new: each must emit nothing and fail nothing. */
export async function idlePolls(poller: ActivePoller, count: number): Promise<number> {
	return await time(async () => {
		for (let index = 0; index < count; index++) {
			const { error, items } = await poller.poll();
			if (error) throw error;
			if (items !== null) {
				throw new Error(`A poll with nothing new emitted ${items.length} messages`);
			}
		}
	});
}
