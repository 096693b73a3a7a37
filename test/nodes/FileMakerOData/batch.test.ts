import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, startTestBed } from '../../helpers/filemaker';
import { autoMap, contactsTable, odataNode } from '../../helpers/odata';

describe('FileMaker OData: create in one $batch', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	const createAll = odataNode({
		resource: 'row',
		operation: 'create',
		table: contactsTable,
		batch: true,
		columns: autoMap,
	});

	it('creates 1,000 rows in one request, each paired with its item', async () => {
		const before = bed.fm.store.count(DATABASE, 'Contacts');
		const input = Array.from({ length: 1000 }, (_, index) => ({
			json: { email: `batch${index}@example.com`, lastName: `Batch "${index}" 'q'` },
		}));
		const execution = await bed.engine.run({ input, nodes: [createAll] });
		expect(execution.error).toBeUndefined();
		const output = execution.output();
		expect(output).toHaveLength(1000);
		expect(output[999].json).toMatchObject({
			email: 'batch999@example.com',
			lastName: 'Batch "999" \'q\'',
		});
		expect(output[999].pairedItem).toEqual({ item: 999 });
		expect(bed.fm.store.count(DATABASE, 'Contacts')).toBe(before + 1000);
		expect(bed.fm.counters.requests('odataBatch')).toBe(1);
		expect(bed.fm.counters.requests('odataWrite')).toBe(0);
	});

	it('creates none when one row fails, as FileMaker rolls the changeset back, and says so', async () => {
		const before = bed.fm.store.count(DATABASE, 'Contacts');
		const input = [
			{ json: { email: 'fine@example.com' } },
			{ json: { email: 'bad@example.com', score: 'not a number' } },
			{ json: { email: 'also-fine@example.com' } },
		];
		const execution = await bed.engine.run({ input, nodes: [createAll] });
		expect(execution.error?.message).toMatch(/^The batch of 3 rows was not created: /);
		expect(execution.error?.description).toMatch(/all or nothing: no row was created/);
		expect(bed.fm.store.count(DATABASE, 'Contacts')).toBe(before);
	});
});
