import { newOpaqueToken } from './ids';

/** What a delta round was asked for; kept with its tokens, as Graph encodes it in them. */
export interface DeltaQuery {
	mailboxId: string;
	folderId: string;
	select?: string[];
	pageSize: number;
	/** `receivedDateTime ge|gt value`. */
	since?: { operator: 'ge' | 'gt'; value: number };
	/** `$orderby=receivedDateTime desc`. */
	newestFirst: boolean;
	changeType?: 'created' | 'updated' | 'deleted';
}

/** Where the previous round ended: the mailbox's change counter and the clock then. */
export interface DeltaCursor {
	seq: number;
	asOf: number;
}

export type DeltaEntry = { kind: 'message'; id: string } | { kind: 'removed'; id: string };

export interface DeltaRound {
	query: DeltaQuery;
	entries: DeltaEntry[];
	offset: number;
	/** The cursor the round's deltaLink will carry. */
	end: DeltaCursor;
}

/**
 * Delta state, server side: `$deltatoken`s name a query and a cursor; `$skiptoken`s name a
 * round in progress. `expire()` forgets every one of them (410 SyncStateNotFound after).
 */
export class DeltaStates {
	private readonly deltaTokens = new Map<string, { query: DeltaQuery; cursor: DeltaCursor }>();
	private readonly skipTokens = new Map<string, DeltaRound>();
	/** Bumped by `expire()`, shown in SyncStateNotFound messages as Exchange does. */
	generation = 1;

	saveDelta(query: DeltaQuery, cursor: DeltaCursor): string {
		const token = newOpaqueToken(48);
		this.deltaTokens.set(token, { query, cursor });
		return token;
	}

	delta(token: string) {
		return this.deltaTokens.get(token);
	}

	saveRound(round: DeltaRound): string {
		const token = newOpaqueToken(48);
		this.skipTokens.set(token, round);
		return token;
	}

	/** A round in progress; a skip token may be used again (a page retried after a 429). */
	takeRound(token: string): DeltaRound | undefined {
		const round = this.skipTokens.get(token);
		return round && { ...round };
	}

	expire(): void {
		this.deltaTokens.clear();
		this.skipTokens.clear();
		this.generation += 1;
	}
}
