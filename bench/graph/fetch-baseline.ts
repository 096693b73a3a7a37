import { LIST_MAILBOX, MESSAGES, PAGE_SIZE } from './plan';
import { firstPagePath } from './query';
import { clientCredentialsToken } from './token-per-execution.node';

interface Page {
	value?: unknown[];
	'@odata.nextLink'?: string;
}

/**
 * The Return All baseline: a bare loop on Node's global fetch (which keeps connections alive),
 * with a token obtained once at the start: it GETs the folder's messages in pages of PAGE_SIZE
 * with the same query our node sends, follows `@odata.nextLink` as given until there is none,
 * parses the JSON and keeps the messages; nothing else.
 */
export async function fetchReturnAll(
	urls: { identity: string; graph: string },
	folderId: string,
): Promise<() => Promise<void>> {
	const token = await clientCredentialsToken(urls.identity);
	const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
	const first = `${urls.graph}${firstPagePath(LIST_MAILBOX, folderId, PAGE_SIZE)}`;
	return async () => {
		const messages: unknown[] = [];
		for (let url: string | undefined = first; url !== undefined; ) {
			const response = await fetch(url, { headers });
			const page = (await response.json()) as Page;
			if (!response.ok) {
				throw new Error(`Baseline ${url}: HTTP ${response.status} ${JSON.stringify(page)}`);
			}
			for (const message of page.value ?? []) messages.push(message);
			url = page['@odata.nextLink'];
		}
		if (messages.length !== MESSAGES) {
			throw new Error(
				`The baseline's Return All gave ${messages.length.toLocaleString('en')} messages, expected ${MESSAGES.toLocaleString('en')}`,
			);
		}
	};
}
