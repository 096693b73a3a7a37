import { ACCOUNT, DATABASE, PASSWORD } from '../../test/helpers/sandbox-credential';
import { FIND_EMAIL, RECORDS } from './plan';

/** Pages of a typical Data API client. */
const PAGE_SIZE = 1000;

/**
 * The same criterion our node's "Is Equal To" sends for FIND_EMAIL (`@` escaped so it matches
 * literally), so both sides ask the server for the same work.
 */
const FIND_QUERY = JSON.stringify({ query: [{ email: `==${FIND_EMAIL.replace('@', '\\@')}` }] });

interface RecordsBody {
	response: { data?: unknown[]; dataInfo?: { foundCount: number } };
}

/**
 * The baseline: a lean client on Node's global fetch, which keeps connections alive, logged in
 * once; it downloads and parses the answers and does nothing else.
 */
export interface FetchBaseline {
	returnAll(): Promise<void>;
	find(): Promise<void>;
	/** The Contacts record count the server reports. */
	foundCount(): Promise<number>;
	/** Requests sent so far. */
	requests(): number;
}

export async function fetchBaseline(serverUrl: string): Promise<FetchBaseline> {
	const base = `${serverUrl}/fmi/data/vLatest/databases/${DATABASE}`;
	const login = await fetch(`${base}/sessions`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${ACCOUNT}:${PASSWORD}`).toString('base64')}`,
			'Content-Type': 'application/json',
		},
		body: '{}',
	});
	await login.arrayBuffer();
	const token = login.headers.get('x-fm-data-access-token');
	if (!login.ok || !token) throw new Error(`Baseline login at ${serverUrl}: HTTP ${login.status}`);
	const authorization = { Authorization: `Bearer ${token}` };
	let requests = 0;
	const send = async (path: string, init: RequestInit = {}) => {
		requests++;
		return await fetch(`${base}${path}`, init);
	};

	const read = async (response: Response): Promise<RecordsBody> => {
		const body = (await response.json()) as RecordsBody;
		if (!response.ok) {
			throw new Error(`Baseline ${response.url}: HTTP ${response.status} ${JSON.stringify(body)}`);
		}
		return body;
	};
	const page = async (offset: number, limit: number) =>
		await read(
			await send(`/layouts/Contacts/records?_offset=${offset}&_limit=${limit}`, {
				headers: authorization,
			}),
		);

	return {
		returnAll: async () => {
			const records: unknown[] = [];
			for (let offset = 1; ; offset += PAGE_SIZE) {
				const { response } = await page(offset, PAGE_SIZE);
				records.push(...(response.data ?? []));
				if (records.length >= (response.dataInfo?.foundCount ?? 0)) break;
			}
			if (records.length !== RECORDS) {
				throw new Error(
					`The baseline's Return All gave ${records.length.toLocaleString('en')} records, expected ${RECORDS.toLocaleString('en')}`,
				);
			}
		},
		find: async () => {
			const { response } = await read(
				await send('/layouts/Contacts/_find', {
					method: 'POST',
					headers: { ...authorization, 'Content-Type': 'application/json' },
					body: FIND_QUERY,
				}),
			);
			if (response.data?.length !== 1) {
				throw new Error(`The baseline's find gave ${response.data?.length} records, expected 1`);
			}
		},
		foundCount: async () => (await page(1, 1)).response.dataInfo?.foundCount ?? 0,
		requests: () => requests,
	};
}
