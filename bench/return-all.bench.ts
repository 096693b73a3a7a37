import { OutboundHttp } from '@n8n/backend-network';
import { Container } from '@n8n/di';

import { startFileMakerSandbox } from '../sandbox/filemaker';
import { Engine } from '../test/engine/engine';
import {
	ACCOUNT,
	CREDENTIAL_ID,
	DATABASE,
	PASSWORD,
	credentialData,
	layout,
} from '../test/helpers/filemaker';
import { alternate, median, ms } from './measure';

const RECORDS = 20_000;
const PAGE_SIZE = 1000;
const ROUNDS = 11;

/**
 * (b) Return All over 20,000 records through our node in n8n's engine, against a bare fetch
 * loop with the same page size that only downloads and parses the pages. The ratio is ours
 * over the bare loop's throughput (goal: at least 0.9). A third loop pages through n8n's own
 * HTTP layer (the one every node's requests go through) to show which part of the gap is
 * n8n's client (a new connection per request, axios) rather than this node.
 */
export async function benchReturnAll(): Promise<void> {
	console.log(
		`\n(b) Return All over ${RECORDS.toLocaleString('en')} records, pages of ${PAGE_SIZE}`,
	);
	const fm = await startFileMakerSandbox();
	try {
		fm.store.insertMany(DATABASE, 'Contacts', RECORDS - 20, (index) => ({
			email: `bench${index}@example.com`,
			firstName: 'Bench',
			lastName: `Contact ${index}`,
			company: `Company ${index % 500}`,
			status: ['Lead', 'Customer', 'Archived'][index % 3],
			score: index % 100,
			notes: 'Seeded for the Return All benchmark',
		}));
		const engine = new Engine();
		await engine.addCredential(CREDENTIAL_ID, 'fileMakerServerApi', credentialData(fm));
		const node = {
			parameters: {
				resource: 'record',
				operation: 'getMany',
				layout: layout('Contacts'),
				returnAll: true,
				options: { portals: 'none', pageSize: PAGE_SIZE },
			},
			credentials: { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'FileMaker sandbox' } },
		};
		const ours = async () => {
			const execution = await engine.run({ nodes: [node] });
			if (execution.output().length !== RECORDS) throw new Error('ours: wrong record count');
		};

		const base = `${fm.url}/fmi/data/vLatest/databases/${DATABASE}`;
		const login = await fetch(`${base}/sessions`, {
			method: 'POST',
			headers: {
				Authorization: `Basic ${Buffer.from(`${ACCOUNT}:${PASSWORD}`).toString('base64')}`,
				'Content-Type': 'application/json',
			},
			body: '{}',
		});
		const token = login.headers.get('x-fm-data-access-token');
		const raw = async () => {
			const records: unknown[] = [];
			for (let offset = 1; ; offset += PAGE_SIZE) {
				const page = await fetch(
					`${base}/layouts/Contacts/records?_offset=${offset}&_limit=${PAGE_SIZE}&portal=%5B%5D`,
					{ headers: { Authorization: `Bearer ${token}` } },
				);
				const { response } = (await page.json()) as {
					response: { data: unknown[]; dataInfo: { foundCount: number } };
				};
				records.push(...response.data);
				if (records.length >= response.dataInfo.foundCount) break;
			}
			if (records.length !== RECORDS) throw new Error('raw: wrong record count');
		};

		const n8nHttp = Container.get(OutboundHttp).requests();
		const n8nLayer = async () => {
			let count = 0;
			for (let offset = 1; ; offset += PAGE_SIZE) {
				const { response } = (await n8nHttp.request({
					method: 'GET',
					url: `${base}/layouts/Contacts/records`,
					qs: { _offset: offset, _limit: PAGE_SIZE, portal: '[]' },
					headers: { Authorization: `Bearer ${token}` },
					json: true,
				})) as { response: { data: unknown[]; dataInfo: { foundCount: number } } };
				count += response.data.length;
				if (count >= response.dataInfo.foundCount) break;
			}
		};

		const heapBefore = process.memoryUsage().heapUsed;
		const { a, b } = await alternate(ROUNDS, ours, raw);
		const heapAfter = process.memoryUsage().heapUsed;
		const { b: layer } = await alternate(ROUNDS, ours, n8nLayer);
		const oursMedian = median(a);
		const rawMedian = median(b);
		const layerMedian = median(layer);
		console.log(
			`  ours (n8n engine, simplified items) ${ms(oursMedian)} | raw fetch loop ${ms(rawMedian)} | ` +
				`throughput ratio ours/raw ${(rawMedian / oursMedian).toFixed(2)} (goal ≥ 0.9)\n` +
				`  n8n's HTTP layer alone ${ms(layerMedian)} (ratio to raw ${(rawMedian / layerMedian).toFixed(2)}) | ` +
				`${Math.round(RECORDS / (oursMedian / 1000)).toLocaleString('en')} records/s | heap growth over ${ROUNDS * 2} runs ${((heapAfter - heapBefore) / 1048576).toFixed(0)} MB`,
		);
	} finally {
		await fm.close();
	}
}
