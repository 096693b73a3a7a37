import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, startTestBed } from '../../helpers/filemaker';
import { contactsTable, odataNode } from '../../helpers/odata';

describe('FileMaker OData: tables and rows', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	it('lists the tables and the fields of a table, from the service document and $metadata', async () => {
		const tables = await bed.engine.run({
			nodes: [odataNode({ resource: 'table', operation: 'getMany' })],
		});
		expect(tables.output().map((item) => item.json.name)).toEqual([
			'Contacts',
			'Phones',
			'Log',
			'Messages',
		]);
		const fields = await bed.engine.run({
			nodes: [odataNode({ resource: 'table', operation: 'getFields', table: contactsTable })],
		});
		expect(fields.output().find((item) => item.json.name === 'id')?.json).toMatchObject({
			type: 'Edm.Decimal',
			key: true,
		});
		expect(fields.output().map((item) => item.json.name)).toContain('lastName');
	});

	it('gets rows that match all conditions, each value written as its field type', async () => {
		const execution = await bed.engine.run({
			nodes: [
				odataNode({
					resource: 'row',
					operation: 'getMany',
					table: contactsTable,
					conditions: {
						condition: [
							{ field: 'status', operator: 'eq', value: 'Customer' },
							{ field: 'score', operator: 'ge', value: '88' },
						],
					},
					returnAll: true,
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		const expected = bed.fm.store
			.records(DATABASE, 'Contacts')
			.filter((record) => record.fields.status === 'Customer' && Number(record.fields.score) >= 88);
		expect(
			execution
				.output()
				.map((item) => item.json.id)
				.sort(),
		).toEqual(expected.map((record) => record.fields.id).sort());
		// No annotation reaches the output; no Data API session was opened.
		expect(Object.keys(execution.output()[0].json).some((key) => key.includes('@'))).toBe(false);
		expect(bed.fm.counters.logins).toBe(0);
	});

	it('counts, limits, sorts and selects', async () => {
		const run = async (parameters: Record<string, unknown>) =>
			(
				await bed.engine.run({
					nodes: [
						odataNode({
							resource: 'row',
							operation: 'getMany',
							table: contactsTable,
							...parameters,
						}),
					],
				})
			).output();
		const total = bed.fm.store.count(DATABASE, 'Contacts');
		expect((await run({ options: { countOnly: true } }))[0].json).toEqual({ count: total });
		const sorted = await run({
			limit: 3,
			options: {
				select: ['id', 'lastName'],
				orderBy: { rule: [{ field: 'lastName', direction: 'desc' }] },
			},
		});
		expect(sorted).toHaveLength(3);
		expect(Object.keys(sorted[0].json).sort()).toEqual(['id', 'lastName']);
		const names = sorted.map((item) => String(item.json.lastName));
		expect(names).toEqual([...names].sort().reverse());
	});

	it('gets a row by its key, and says which key is missing', async () => {
		const found = await bed.engine.run({
			nodes: [odataNode({ resource: 'row', operation: 'get', table: contactsTable, key: '2' })],
		});
		expect(found.output()[0].json).toMatchObject({ id: 2, lastName: 'Hopper' });
		const missing = await bed.engine.run({
			nodes: [odataNode({ resource: 'row', operation: 'get', table: contactsTable, key: '9999' })],
		});
		expect(missing.error?.message).toMatch(/table "Contacts", key 9999/);
	});

	it('refuses a value that does not fit the field type instead of sending it', async () => {
		const execution = await bed.engine.run({
			nodes: [
				odataNode({
					resource: 'row',
					operation: 'getMany',
					table: contactsTable,
					conditions: { condition: [{ field: 'score', operator: 'eq', value: '1 or 1 eq 1' }] },
				}),
			],
		});
		expect(execution.error?.message).toMatch(
			/does not fit its field: "1 or 1 eq 1" is not a number/,
		);
		expect(bed.fm.counters.requests()).toBeLessThanOrEqual(1);
	});

	it('reads 25,000 rows with Return All across pages of 10,000, every row once', async () => {
		bed.fm.store.insertMany(
			DATABASE,
			'Contacts',
			25_000 - bed.fm.store.count(DATABASE, 'Contacts'),
			(index) => ({
				email: `row${index}@example.com`,
			}),
		);
		const execution = await bed.engine.run({
			nodes: [
				odataNode({ resource: 'row', operation: 'getMany', table: contactsTable, returnAll: true }),
			],
		});
		expect(execution.error).toBeUndefined();
		const ids = execution.output().map((item) => item.json.id);
		expect(ids).toHaveLength(25_000);
		expect(new Set(ids).size).toBe(25_000);
		// Three pages: 10,000 + 10,000 + 5,000, each next one from the server's link.
		expect(bed.fm.counters.requests('odataRead')).toBe(3);
	});
});
