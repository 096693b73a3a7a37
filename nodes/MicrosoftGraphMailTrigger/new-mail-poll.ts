import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { MailCursor } from '../../lib/microsoft/graph/new-mail/mail-cursor';
import { readCursor, writeCursor } from '../../lib/microsoft/graph/new-mail/mail-cursor';
import { SeenMessages } from '../../lib/microsoft/graph/new-mail/seen-messages';
import { applyAfterEmit } from './after-emit';
import type { NewMessage } from './delta-rounds';
import { firstDeltaLink, readDeltaPages } from './delta-rounds';
import { emittedItems } from './emitted-items';
import type { TriggerSettings } from './settings';
import { newestMessages } from './test-event';

const DAY_MS = 24 * 60 * 60_000;
/** How long a message is remembered: moved out and back within this, it is not new again. */
export const REMEMBER_MS = 7 * DAY_MS;
/** At most this many remembered messages (20,000 take 320 kB of static data). */
export const REMEMBER_AT_MOST = 20_000;
/** n8n's poll budget before 2.x told nodes theirs. */
const DEFAULT_BUDGET_MS = 5 * 60_000;

/**
 * One poll of an active trigger. Everything that can fail happens before the state is
 * written, and the state is written in one assignment at the end: a poll that fails part-way
 * leaves the state as it was, and the next poll sees the same messages again (none was emitted).
 * n8n saves the state with the execution the poll's items start.
 */
export async function pollNewMail(
	context: IPollFunctions,
	settings: TriggerSettings,
): Promise<INodeExecutionData[][] | null> {
	const startedAt = Date.now();
	const staticData = context.getWorkflowStaticData('node');
	const stored = readCursor(staticData, settings.scope);
	const cursor: MailCursor = stored ?? {
		version: 1,
		scope: settings.scope,
		link: firstDeltaLink(settings),
		round: 'baseline',
		seen: '',
		seenSince: startedAt - REMEMBER_MS,
		polledAt: startedAt,
	};
	const seen = SeenMessages.parse(cursor.seen);
	const found: NewMessage[] =
		stored || settings.emitNewest === 0
			? []
			: await newestMessages(context, settings, settings.emitNewest);
	await readDeltaPages(context, settings, cursor, seen, found, startedAt + budgetOf(context) / 2);
	const emitted = await emittedItems(context, settings, found);

	for (const { key, receivedAt } of emitted) seen.add(key, receivedAt);
	cursor.seenSince = seen.prune(startedAt - REMEMBER_MS, REMEMBER_AT_MOST);
	cursor.seen = seen.toString();
	cursor.polledAt = startedAt;
	writeCursor(staticData, cursor);

	await applyAfterEmit(context, settings, emitted);
	return emitted.length > 0 ? [emitted.map(({ item }) => item)] : null;
}

function budgetOf(context: IPollFunctions): number {
	return typeof context.getPollBudgetMs === 'function'
		? context.getPollBudgetMs()
		: DEFAULT_BUDGET_MS;
}
