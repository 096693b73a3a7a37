import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { MailCursor } from '../../lib/microsoft/graph/new-mail/mail-cursor';
import { linkPath } from '../../lib/microsoft/graph/new-mail/mail-cursor';
import { matchesFilters, messageKey } from '../../lib/microsoft/graph/new-mail/message-filter';
import type { SeenMessages } from '../../lib/microsoft/graph/new-mail/seen-messages';
import { GraphError, isSyncStateGone, unlessGraphAnswered } from '../../lib/microsoft/graph/errors';
import { queryString } from '../../lib/http/query-string';
import { graphRequest } from '../MicrosoftGraphMail/transport';
import { getGraphConnection } from '../MicrosoftGraphMail/transport/connection';
import type { TriggerSettings } from './settings';

/** A message the poll will start the workflow with. */
export interface NewMessage {
	message: IDataObject;
	key: string;
	/** `receivedDateTime` in ms. */
	receivedAt: number;
}

interface DeltaPage {
	value?: IDataObject[];
	'@odata.nextLink'?: string;
	'@odata.deltaLink'?: string;
}

/**
 * The first request of a delta round on the folder: every message in it, then (through the
 * delta link) only messages created in it since. `changeType=created` keeps a message that is
 * merely read, flagged or edited from coming back; a message moved in counts as created.
 */
export function firstDeltaLink(settings: TriggerSettings): string {
	const query: IDataObject = { changeType: 'created' };
	if (settings.select) query.$select = settings.select;
	return `/v1.0${settings.mailbox}/mailFolders/${settings.folder}/messages/delta${queryString(query)}`;
}

/**
 * Reads delta pages from `cursor.link` on, adding each message that is new and matches the
 * filters to `found`, and every other one to `seen`. Stops at the round's delta link, or after
 * the page where `found` reached `maxPerPoll` or the time ran out: `cursor.link` then is the
 * next page, and the next poll goes on from it. A delta state Graph no longer knows (410) starts
 * the round again once: as a resync, where only messages received since the seen set's oldest
 * time can be new.
 */
export async function readDeltaPages(
	context: IPollFunctions,
	settings: TriggerSettings,
	cursor: MailCursor,
	seen: SeenMessages,
	found: NewMessage[],
	deadline: number,
): Promise<void> {
	const { graphOrigin } = await getGraphConnection(context);
	const taken = new Set(found.map((item) => item.key));
	let restarted = false;
	for (;;) {
		const read = async () =>
			(
				await graphRequest<DeltaPage>(context, {
					method: 'GET',
					url: `${graphOrigin}${cursor.link}`,
					headers: { Prefer: settings.prefer },
					target: 'new messages',
				})
			).body;
		const page = restarted ? await read() : await unlessGraphAnswered(read, isSyncStateGone);
		if (page === undefined) {
			restarted = true;
			restartRound(cursor, settings);
			continue;
		}
		for (const message of page.value ?? []) {
			if (message['@removed'] !== undefined) continue;
			const key = messageKey(message);
			if (seen.has(key) || taken.has(key)) continue;
			const receivedAt = Date.parse(String(message.receivedDateTime)) || 0;
			if (isNew(cursor, receivedAt) && matchesFilters(message, settings.filters)) {
				found.push({ message, key, receivedAt });
				taken.add(key);
			} else {
				seen.add(key, receivedAt);
			}
		}
		const next = page['@odata.nextLink'] ?? page['@odata.deltaLink'];
		const path = next === undefined ? undefined : linkPath(next, graphOrigin);
		if (path === undefined) {
			throw new GraphError(
				next === undefined
					? 'Microsoft Graph ended a page of changes without a link to go on'
					: 'Microsoft Graph gave a link to go on on another host; it was not followed',
				undefined,
				undefined,
				'The trigger keeps its place and tries again at the next poll.',
			);
		}
		cursor.link = path;
		if (page['@odata.nextLink'] === undefined) {
			cursor.round = 'live';
			delete cursor.newSince;
			return;
		}
		if (found.length >= settings.maxPerPoll || Date.now() >= deadline) return;
	}
}

function isNew(cursor: MailCursor, receivedAt: number): boolean {
	if (cursor.round === 'live') return true;
	return cursor.round === 'resync' && receivedAt >= (cursor.newSince ?? Infinity);
}

function restartRound(cursor: MailCursor, settings: TriggerSettings): void {
	cursor.link = firstDeltaLink(settings);
	if (cursor.round === 'live') {
		cursor.round = 'resync';
		cursor.newSince = cursor.seenSince;
	}
}
