import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, layout, startTestBed } from '../../helpers/filemaker';

describe('Return All over a very large found set', () => {
	let bed: FileMakerTestBed;
	beforeAll(async () => {
		bed = await startTestBed();
		bed.fm.store.insertMany(DATABASE, 'Contacts', 200_000 - 20, (index) => ({
			email: `many${index}@example.com`,
		}));
	});
	afterAll(async () => await bed.close());

	// 150,000 items once overflowed the call stack (push(...items) passes every item as an argument).
	it('returns 200,000 records as 200,000 items, each paired with its input item', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'getMany',
					layout: layout('Contacts'),
					returnAll: true,
					options: { portals: 'none' },
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		const output = execution.output();
		expect(output).toHaveLength(200_000);
		expect(output[199_999].json.email).toBe('many199979@example.com');
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(bed.fm.counters.requests('getRecords')).toBe(40);
	});

	it('fails with a clear error at the Page Cap instead of reading on', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'getMany',
					layout: layout('Contacts'),
					returnAll: true,
					options: { portals: 'none', pageSize: 1000, pageCap: 3 },
				}),
			],
		});
		expect(execution.error?.message).toBe(
			'Stopped after 3 pages of 1000 records (the "Page Cap" option) with more records still to read',
		);
	});
});
