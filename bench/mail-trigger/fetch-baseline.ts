import { clientCredentialsToken } from '../graph/token-per-execution.node';
import { TRIGGER_PREFER, firstDeltaPath } from './delta-query';
import { FOLDER, MAILBOX } from './plan';

interface DeltaPage {
	value?: Array<{ id?: unknown }>;
	'@odata.nextLink'?: string;
	'@odata.deltaLink'?: string;
}

/** What one round of delta pages gave: the messages, and the delta link that ends it. */
export interface DeltaRound {
	messages: Array<{ id?: unknown }>;
	deltaLink: string;
}

/**
 * The baseline: a bare loop on Node's global fetch (which keeps connections alive), with a
 * token obtained once, that reads a delta round as the trigger does: the trigger's first delta
 * URL (`changeType=created`, the `$select` of its simplified output) and `Prefer` header (pages
 * of 100), then each `@odata.nextLink` as given until the `@odata.deltaLink`. It parses the
 * JSON and keeps the messages; no n8n, no state, no filters, no seen set.
 */
export class FetchDeltaBaseline {
	private constructor(
		private readonly headers: Record<string, string>,
		readonly firstUrl: string,
	) {}

	static async start(urls: { identity: string; graph: string }): Promise<FetchDeltaBaseline> {
		const token = await clientCredentialsToken(urls.identity);
		return new FetchDeltaBaseline(
			{ Authorization: `Bearer ${token}`, Accept: 'application/json', Prefer: TRIGGER_PREFER },
			`${urls.graph}${firstDeltaPath(MAILBOX, FOLDER)}`,
		);
	}

	/** One round, from `url` (the first URL or a delta link) to the round's delta link. */
	async round(url: string): Promise<DeltaRound> {
		const messages: DeltaRound['messages'] = [];
		for (let next: string | undefined = url; ; ) {
			const response: Response = await fetch(next, { headers: this.headers });
			const page = (await response.json()) as DeltaPage;
			if (!response.ok) {
				throw new Error(`Baseline ${next}: HTTP ${response.status} ${JSON.stringify(page)}`);
			}
			for (const message of page.value ?? []) messages.push(message);
			next = page['@odata.nextLink'];
			if (next !== undefined) continue;
			const deltaLink = page['@odata.deltaLink'];
			if (deltaLink === undefined) throw new Error(`Baseline: a last page without a delta link`);
			return { messages, deltaLink };
		}
	}
}
