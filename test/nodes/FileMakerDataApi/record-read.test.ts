import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, layout, startTestBed } from '../../helpers/filemaker';

const contacts = layout('Contacts');

describe('Record: Get', () => {
	let bed: FileMakerTestBed;
	beforeAll(async () => (bed = await startTestBed()));
	afterAll(async () => await bed.close());

	it('returns the record flattened, with recordId and modId', async () => {
		const execution = await bed.engine.run({
			nodes: [bed.node({ resource: 'record', operation: 'get', layout: contacts, recordId: '2' })],
		});
		expect(execution.output()).toEqual([
			{
				json: expect.objectContaining({
					recordId: '2',
					modId: '0',
					firstName: 'Grace',
					lastName: 'Hopper',
					score: 88,
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('returns portal rows by portal name, and the raw FileMaker record when not simplified', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'get',
					layout: layout('Contact Details'),
					recordId: '1',
					simplify: false,
				}),
			],
		});
		const [{ json }] = execution.output();
		expect(json).toMatchObject({
			recordId: '1',
			fieldData: { firstName: 'Ada' },
			portalData: {
				Phones: expect.arrayContaining([
					expect.objectContaining({ 'Phones::number': '+1 555 101 1000', recordId: '1' }),
				]),
			},
		});
	});

	it('takes the record ID from each input item', async () => {
		const execution = await bed.engine.run({
			input: [{ json: { id: 3 } }, { json: { id: 4 } }],
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'get',
					layout: contacts,
					recordId: '={{ $json.id }}',
					options: { portals: 'none' },
				}),
			],
		});
		expect(execution.output().map((item) => [item.json.lastName, item.pairedItem])).toEqual([
			['Turing', { item: 0 }],
			['Johnson', { item: 1 }],
		]);
	});

	it('names the record and layout when the record is missing (FileMaker error 101)', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({ resource: 'record', operation: 'get', layout: contacts, recordId: '9999' }),
			],
		});
		expect(execution.error?.message).toBe(
			'Record is missing (FileMaker error 101; layout "Contacts", record 9999)',
		);
	});

	it('names FileMaker error 105 and the layout for an unknown layout', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'get',
					layout: layout('Contactz'),
					recordId: '1',
				}),
			],
		});
		expect(execution.error?.message).toMatch(/105/);
		expect(execution.error?.message).toContain('layout "Contactz"');
		expect(execution.error?.description).toMatch(/pick the layout from the list/);
	});

	it('refuses a record ID that is not one, before asking FileMaker', async () => {
		const before = bed.fm.counters.requests();
		const execution = await bed.engine.run({
			nodes: [
				bed.node({ resource: 'record', operation: 'get', layout: contacts, recordId: 'ada@x' }),
			],
		});
		expect(execution.error?.message).toBe('"ada@x" is not a FileMaker record ID');
		expect(bed.fm.counters.requests()).toBe(before);
	});

	it('continues on fail per item, keeping the good items and pairing the error', async () => {
		const execution = await bed.engine.run({
			input: [{ json: { id: 1 } }, { json: { id: 4040 } }, { json: { id: 5 } }],
			nodes: [
				bed.node(
					{ resource: 'record', operation: 'get', layout: contacts, recordId: '={{ $json.id }}' },
					{ continueOnFail: true },
				),
			],
		});
		expect(execution.error).toBeUndefined();
		const output = execution.output();
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.firstName).toBe('Ada');
		expect(output[1].json).toEqual({
			error: 'Record is missing (FileMaker error 101; layout "Contacts", record 4040)',
			hint: expect.stringContaining('record ID'),
			fileMakerCode: '101',
		});
		expect(output[2].json.firstName).toBe('Linus');
	});
});

describe('Record: Get Many', () => {
	let bed: FileMakerTestBed;
	beforeAll(async () => (bed = await startTestBed()));
	afterAll(async () => await bed.close());

	it('returns up to Limit records, sorted', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'getMany',
					layout: contacts,
					limit: 3,
					sort: { rule: [{ fieldName: 'score', sortOrder: 'descend' }] },
				}),
			],
		});
		expect(execution.output().map((item) => item.json.score)).toEqual([97, 95, 92]);
	});

	it('returns all 2,500 records of a layout, fetched in pages', async () => {
		const local = await startTestBed();
		try {
			local.fm.store.insertMany(DATABASE, 'Contacts', 2480, (index) => ({
				email: `bulk${index}@example.com`,
				lastName: `Bulk ${index}`,
				score: index % 100,
			}));
			const execution = await local.engine.run({
				nodes: [
					local.node({
						resource: 'record',
						operation: 'getMany',
						layout: contacts,
						returnAll: true,
						options: { portals: 'none', pageSize: 1000 },
					}),
				],
			});
			const output = execution.output();
			expect(output).toHaveLength(2500);
			expect(new Set(output.map((item) => item.json.recordId)).size).toBe(2500);
			expect(output[2499].json.lastName).toBe('Bulk 2479');
			expect(local.fm.counters.requests('getRecords')).toBe(3);
		} finally {
			await local.close();
		}
	});

	it('pages with the chosen page size, and runs a script only once', async () => {
		const local = await startTestBed();
		try {
			const execution = await local.engine.run({
				nodes: [
					local.node({
						resource: 'record',
						operation: 'getMany',
						layout: contacts,
						returnAll: true,
						options: { pageSize: 6, script: 'Log Webhook', scriptParameter: 'read all' },
					}),
				],
			});
			const output = execution.output();
			expect(output).toHaveLength(20);
			expect(output[0].json).toMatchObject({ scriptResult: 'logged', scriptError: '0' });
			expect(local.fm.counters.requests('getRecords')).toBe(4);
			const logged = local.fm.store
				.records(DATABASE, 'Log')
				.filter((row) => row.fields.message === 'read all');
			expect(logged).toHaveLength(1);
		} finally {
			await local.close();
		}
	});

	it('leaves portals out when asked, and limits portal rows', async () => {
		const noPortals = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'getMany',
					layout: layout('Contact Details'),
					limit: 1,
					options: { portals: 'none' },
				}),
			],
		});
		expect(noPortals.output()[0].json.portalData).toBeUndefined();

		const onePhone = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'getMany',
					layout: layout('Contact Details'),
					limit: 1,
					options: { portals: 'selected', selectedPortals: ['Phones'], portalLimit: 1 },
				}),
			],
		});
		expect((onePhone.output()[0].json.portalData as Record<string, unknown[]>).Phones).toHaveLength(
			1,
		);
	});

	it('writes dates as ISO 8601 when asked', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'getMany',
					layout: contacts,
					limit: 1,
					options: { dateFormat: '2' },
				}),
			],
		});
		expect(execution.output()[0].json.createdDate).toBe('2024-02-04');
	});
});
