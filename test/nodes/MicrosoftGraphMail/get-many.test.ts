import type { IDataObject } from 'n8n-workflow';

import type { GraphBed } from '../../helpers/microsoft';
import { ada, folderById, invoices, jsonOf, startGraphBed } from '../../helpers/microsoft';

const HOUR = 60 * 60_000;

interface Seeded {
	id: string;
	receivedAt: number;
	isRead: boolean;
	from: string;
	subject: string;
	importance: 'high' | 'normal';
	withAttachment: boolean;
}

/** Twelve messages an hour apart, newest first, differing in every property a filter looks at. */
function seedInbox(bed: GraphBed, base: number): Seeded[] {
	return Array.from({ length: 12 }, (_, i) => {
		const seed = {
			receivedAt: base - i * HOUR,
			isRead: i % 3 === 0,
			from: i % 2 === 1 ? ada.address : 'billing@example.com',
			subject: i === 7 ? "O'Brien's invoice" : i % 4 === 0 ? `Invoice #${i}` : `Note ${i}`,
			importance: i < 6 ? ('high' as const) : ('normal' as const),
			withAttachment: i % 5 === 0,
		};
		const { id } = bed.sandboxes.graph.mail.deliver(
			{
				subject: seed.subject,
				body: `Body ${i}`,
				from: seed.from,
				to: [invoices.address],
				isRead: seed.isRead,
				importance: seed.importance,
				attachments: seed.withAttachment ? [{ name: `a${i}.txt`, content: `file ${i}` }] : [],
			},
			{ receivedAt: seed.receivedAt },
		);
		return { id, ...seed };
	});
}

describe('Microsoft Graph Mail: get many messages', () => {
	let bed: GraphBed;
	let seeded: Seeded[];
	const base = Math.floor((Date.now() - HOUR) / 1000) * 1000;
	beforeAll(async () => {
		bed = await startGraphBed();
		seeded = seedInbox(bed, base);
	});
	afterAll(async () => await bed.close());

	const list = (parameters: IDataObject = {}) =>
		bed.run({
			resource: 'message',
			operation: 'getMany',
			folder: folderById('inbox'),
			returnAll: true,
			...parameters,
		});
	const ids = (rows: Array<{ id?: unknown }>) => rows.map((row) => row.id);

	/** Every filter with a value that splits the twelve messages, and its meaning. */
	const FILTERS: Array<{
		name: string;
		set(filters: IDataObject, options: IDataObject): void;
		keeps(message: Seeded): boolean;
	}> = [
		{
			name: 'unreadOnly',
			set: (filters) => (filters.unreadOnly = true),
			keeps: (m) => !m.isRead,
		},
		{
			name: 'receivedAfter',
			set: (filters) => (filters.receivedAfter = new Date(base - 8.5 * HOUR).toISOString()),
			keeps: (m) => m.receivedAt >= base - 8.5 * HOUR,
		},
		{
			name: 'receivedBefore',
			set: (filters) => (filters.receivedBefore = new Date(base - 1.5 * HOUR).toISOString()),
			keeps: (m) => m.receivedAt < base - 1.5 * HOUR,
		},
		{
			name: 'from',
			set: (filters) => (filters.from = ` ${ada.address} `),
			keeps: (m) => m.from === ada.address,
		},
		{
			name: 'subjectContains',
			set: (filters) => (filters.subjectContains = 'invoice'),
			keeps: (m) => m.subject.toLowerCase().includes('invoice'),
		},
		{
			name: 'hasAttachments',
			set: (filters) => (filters.hasAttachments = true),
			keeps: (m) => m.withAttachment,
		},
		{
			name: 'rawFilter',
			set: (_filters, options) => (options.rawFilter = "importance eq 'high'"),
			keeps: (m) => m.importance === 'high',
		},
	];

	it('lists a folder by its well-known name, newest first, simplified', async () => {
		const execution = await list();
		expect(execution.error).toBeUndefined();
		expect(ids(jsonOf(execution))).toEqual(ids(seeded));
		expect(jsonOf(execution)[1]).toMatchObject({
			subject: 'Note 1',
			from: ada.address,
			to: [invoices.address],
			isRead: false,
			importance: 'high',
			bodyType: 'html',
		});
	});

	it('every combination of filters gives the right messages, never InefficientFilter', async () => {
		const before = bed.sandboxes.graph.counters.requests('list');
		for (let mask = 1; mask < 2 ** FILTERS.length; mask++) {
			const chosen = FILTERS.filter((_, index) => mask & (1 << index));
			const filters: IDataObject = {};
			const options: IDataObject = {};
			for (const filter of chosen) filter.set(filters, options);
			const execution = await list({ filters, options });
			const label = chosen.map((filter) => filter.name).join(' + ');
			expect([label, execution.error?.message]).toEqual([label, undefined]);
			const expected = seeded.filter((m) => chosen.every((filter) => filter.keeps(m)));
			expect([label, ids(jsonOf(execution))]).toEqual([label, ids(expected)]);
		}
		expect(bed.sandboxes.graph.counters.requests('list') - before).toBe(2 ** FILTERS.length - 1);
	});

	it('escapes quotes in filter values', async () => {
		const execution = await list({ filters: { subjectContains: "O'Brien" } });
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution).map((row) => row.subject)).toEqual(["O'Brien's invoice"]);
	});

	it('the sandbox does answer InefficientFilter when the sort is not first in the filter', async () => {
		await list({ limit: 1, returnAll: false });
		const token = String((await bed.stored()).accessToken);
		const query = new URLSearchParams({
			$filter: 'isRead eq false and receivedDateTime ge 1900-01-01T00:00:00Z',
			$orderby: 'receivedDateTime desc',
		});
		const answer = await fetch(
			`${bed.sandboxes.graph.url}/v1.0/users/${invoices.address}/mailFolders/inbox/messages?${query}`,
			{ headers: { Authorization: `Bearer ${token}` } },
		);
		expect(answer.status).toBe(400);
		expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(
			'InefficientFilter',
		);
	});

	it('searches (KQL) without a sort, and refuses a search combined with filters', async () => {
		const execution = await list({ options: { search: 'invoice' } });
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution).map((row) => row.subject)).toEqual([
			'Invoice #0',
			'Invoice #4',
			"O'Brien's invoice",
			'Invoice #8',
		]);
		const mixed = await list({ filters: { unreadOnly: true }, options: { search: 'invoice' } });
		expect(mixed.error?.message).toBe('Search cannot be combined with filters');
	});

	it('returns only the chosen fields, and text bodies on request', async () => {
		const fields = await list({
			limit: 2,
			returnAll: false,
			output: 'raw',
			options: { fields: 'subject,from' },
		});
		expect(jsonOf(fields)).toEqual([
			{ id: seeded[0].id, subject: 'Invoice #0', from: expect.any(Object) },
			{
				id: seeded[1].id,
				subject: 'Note 1',
				from: { emailAddress: { name: ada.address, address: ada.address } },
			},
		]);
		const text = await list({ limit: 1, returnAll: false, options: { bodyFormat: 'text' } });
		expect(jsonOf(text)[0]).toMatchObject({ bodyType: 'text', body: 'Body 0' });
	});

	it('stops at the Limit with one request of that size', async () => {
		const mark = bed.sandboxes.graph.authLog.mark();
		const execution = await list({ returnAll: false, limit: 5 });
		expect(ids(jsonOf(execution))).toEqual(ids(seeded.slice(0, 5)));
		const requests = bed.sandboxes.graph.authLog.presented({ since: mark, endpoint: 'list' });
		expect(requests).toHaveLength(1);
		expect(requests[0].path).toContain('$top=5&');
	});

	it('lists a folder picked from the list (listSearch), by its ID', async () => {
		const mail = bed.sandboxes.graph.mail;
		const parent = mail.createFolder(invoices.address, 'Suppliers', 'inbox');
		const child = mail.createFolder(invoices.address, '2026', parent);
		const filed = mail.deliver(
			{ subject: 'Filed', to: [invoices.address] },
			{ folder: child, mailbox: invoices.address },
		);
		const picker = await bed.engine.listSearch(
			bed.node({ resource: 'message', operation: 'getMany' }),
			'searchFolders',
			'2026',
		);
		expect(picker.results).toEqual([{ name: 'Inbox/Suppliers/2026', value: child }]);
		const all = await bed.engine.listSearch(
			bed.node({ resource: 'message', operation: 'getMany' }),
			'searchFolders',
		);
		expect(all.results.slice(0, 3)).toEqual([
			{ name: 'Inbox', value: 'inbox' },
			{ name: 'Drafts', value: 'drafts' },
			{ name: 'Sent Items', value: 'sentitems' },
		]);
		const execution = await list({
			folder: { __rl: true, mode: 'list', value: child, cachedResultName: 'Inbox/Suppliers/2026' },
		});
		expect(execution.error).toBeUndefined();
		expect(ids(jsonOf(execution))).toEqual([filed.id]);
	});
});

describe('Microsoft Graph Mail: Return All over many pages', () => {
	let bed: GraphBed;
	afterEach(async () => await bed.close());

	it('follows nextLink across 2,345 messages: 3 pages of at most 1,000', async () => {
		bed = await startGraphBed();
		const base = Date.now() - 3000_000;
		const delivered = Array.from(
			{ length: 2345 },
			(_, i) =>
				bed.sandboxes.graph.mail.deliver(
					{ subject: `Bulk ${i}`, to: [invoices.address] },
					{ folder: 'archive', receivedAt: base + i * 1000 },
				).id,
		);
		const execution = await bed.run({
			resource: 'message',
			operation: 'getMany',
			folder: folderById('archive'),
			returnAll: true,
			options: { fields: 'subject' },
		});
		expect(execution.error).toBeUndefined();
		const rows = jsonOf(execution);
		expect(rows).toHaveLength(2345);
		expect(rows.map((row) => row.id)).toEqual([...delivered].reverse());
		expect(bed.sandboxes.graph.counters.requests('list')).toBe(3);
		const paths = bed.sandboxes.graph.authLog.presented({ endpoint: 'list' }).map((e) => e.path);
		expect(paths[0]).toContain('$top=1000');
		expect(paths[1]).toMatch(/%24skip=1000/);
		expect(paths[2]).toMatch(/%24skip=2000/);
		expect(
			execution.output().every((item, index) => item.pairedItem !== undefined && index >= 0),
		).toBe(true);
	});
});
