import type { IDataObject } from 'n8n-workflow';

/**
 * What a round of delta pages is for. `baseline`: the folder as it was at activation, nothing
 * is new. `live`: every message the delta brings that was not seen is new. `resync`: Graph
 * forgot the delta state (410 SyncStateNotFound); the folder is read again and a message not
 * seen is new when it was received since `newSince`, the oldest time the seen set covers.
 */
export type RoundKind = 'baseline' | 'live' | 'resync';

/** A mail trigger's state in the workflow's static data, written once at the end of a poll. */
export interface MailCursor {
	version: 1;
	/** The credential, mailbox and folder the state belongs to: another one starts afresh. */
	scope: string;
	/** The next request: Graph's delta link, or the next page of a round not finished. */
	link: string;
	round: RoundKind;
	newSince?: number;
	/** `SeenMessages` packed. */
	seen: string;
	/** The oldest `receivedDateTime` (ms) the seen set covers completely. */
	seenSince: number;
	/** When the last completed poll began (ms). */
	polledAt: number;
}

export const CURSOR_KEY = 'mailCursor';

/** The stored cursor when it is one of ours for this scope; anything else starts afresh. */
export function readCursor(staticData: IDataObject, scope: string): MailCursor | undefined {
	const stored = staticData[CURSOR_KEY] as Partial<MailCursor> | undefined;
	if (
		!stored ||
		stored.version !== 1 ||
		stored.scope !== scope ||
		typeof stored.link !== 'string' ||
		!stored.link.startsWith('/') ||
		(stored.round !== 'baseline' && stored.round !== 'live' && stored.round !== 'resync') ||
		typeof stored.seen !== 'string' ||
		typeof stored.seenSince !== 'number' ||
		typeof stored.polledAt !== 'number'
	) {
		return undefined;
	}
	return { ...(stored as MailCursor) };
}

/** One assignment, so n8n sees the change and saves it with the execution the poll starts. */
export function writeCursor(staticData: IDataObject, cursor: MailCursor): void {
	staticData[CURSOR_KEY] = { ...cursor } as unknown as IDataObject;
}

/**
 * A link Graph gave (`@odata.nextLink`, `@odata.deltaLink`) as a path below the credential's
 * Graph origin. A link to another host is refused: the token goes to its own origin only.
 */
export function linkPath(link: string, graphOrigin: string): string | undefined {
	if (!URL.canParse(link)) return undefined;
	const url = new URL(link);
	if (url.origin !== new URL(graphOrigin).origin) return undefined;
	return `${url.pathname}${url.search}`;
}
