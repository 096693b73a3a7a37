import { ACCOUNT, DATABASE, PASSWORD } from '../../test/helpers/sandbox-credential';
import { ROWS } from './plan';

interface Page {
	value?: unknown[];
	'@odata.nextLink'?: string;
	'@nextLink'?: string;
}

/**
 * The Return All baseline: a bare loop on Node's global fetch (which keeps connections alive)
 * that reads Contacts and follows the server's next link, as given, until there is none. It
 * asks with the same headers as our node, so the server sends the same pages of the same size,
 * and it parses the JSON and keeps the rows; nothing else.
 */
export function fetchReturnAll(serverUrl: string): () => Promise<void> {
	const first = `${serverUrl}/fmi/odata/v4/${DATABASE}/Contacts`;
	const headers = {
		Authorization: `Basic ${Buffer.from(`${ACCOUNT}:${PASSWORD}`).toString('base64')}`,
		Accept: 'application/json',
		'OData-Version': '4.0',
	};
	return async () => {
		const rows: unknown[] = [];
		for (let url: string | undefined = first; url !== undefined; ) {
			const response = await fetch(url, { headers });
			const page = (await response.json()) as Page;
			if (!response.ok) {
				throw new Error(`Baseline ${url}: HTTP ${response.status} ${JSON.stringify(page)}`);
			}
			for (const row of page.value ?? []) rows.push(row);
			url = page['@odata.nextLink'] ?? page['@nextLink'];
		}
		if (rows.length !== ROWS) {
			throw new Error(
				`The baseline's Return All gave ${rows.length.toLocaleString('en')} rows, expected ${ROWS.toLocaleString('en')}`,
			);
		}
	};
}
