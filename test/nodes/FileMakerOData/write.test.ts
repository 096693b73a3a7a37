import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, startTestBed } from '../../helpers/filemaker';
import { autoMap, contactsTable, odataNode } from '../../helpers/odata';

describe('FileMaker OData: writes and scripts', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	const contacts = () => bed.fm.store.records(DATABASE, 'Contacts');

	it('creates a row per item from its keys, updates and deletes by key', async () => {
		const created = await bed.engine.run({
			input: [
				{ json: { email: 'one@example.com', lastName: 'One' } },
				{ json: { email: 'two@example.com', lastName: 'Two', notAField: 'x' } },
			],
			nodes: [
				odataNode({ resource: 'row', operation: 'create', table: contactsTable, columns: autoMap }),
			],
		});
		expect(created.error).toBeUndefined();
		const rows = created.output();
		expect(rows.map((item) => item.json.lastName)).toEqual(['One', 'Two']);
		expect(rows.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const id = String(rows[0].json.id);

		const updated = await bed.engine.run({
			nodes: [
				odataNode({
					resource: 'row',
					operation: 'update',
					table: contactsTable,
					key: id,
					dataMode: 'json',
					fields: '{"company": "It\'s \\"quoted\\""}',
				}),
			],
		});
		expect(updated.error).toBeUndefined();
		expect(contacts().find((record) => String(record.fields.id) === id)?.fields.company).toBe(
			'It\'s "quoted"',
		);

		const deleted = await bed.engine.run({
			nodes: [odataNode({ resource: 'row', operation: 'delete', table: contactsTable, key: id })],
		});
		expect(deleted.output()[0].json).toEqual({ key: id, deleted: true });
		expect(contacts().some((record) => String(record.fields.id) === id)).toBe(false);
		expect(bed.fm.counters.logins).toBe(0);
	});

	it('writes the fields mapped in the node, with values from expressions', async () => {
		const execution = await bed.engine.run({
			input: [{ json: { who: 'Mapped', score: 7, email: 'mapped@example.com' } }],
			nodes: [
				odataNode({
					resource: 'row',
					operation: 'create',
					table: contactsTable,
					columns: {
						mappingMode: 'defineBelow',
						value: {
							lastName: '={{ $json.who }}',
							score: '={{ $json.score }}',
							email: '={{ $json.email }}',
						},
					},
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		expect(execution.output()[0].json).toMatchObject({ lastName: 'Mapped', score: 7 });
	});

	it('warns about item keys that are not fields when mapping automatically, and writes the rest', async () => {
		const execution = await bed.engine.run({
			input: [{ json: { lastName: 'Warned', email: 'warned@example.com', nickname: 'x' } }],
			nodes: [
				odataNode({ resource: 'row', operation: 'create', table: contactsTable, columns: autoMap }),
			],
		});
		expect(execution.error).toBeUndefined();
		expect(execution.output()[0].json.lastName).toBe('Warned');
		expect(execution.run.data.resultData.runData.FileMaker[0].hints).toEqual([
			expect.objectContaining({
				message: 'Item 1: not written, not fields of "Contacts": nickname',
			}),
		]);
	});

	it('names fields the table does not have, and sends nothing', async () => {
		const writesBefore = bed.fm.counters.requests('odataWrite');
		const execution = await bed.engine.run({
			nodes: [
				odataNode({
					resource: 'row',
					operation: 'create',
					table: contactsTable,
					dataMode: 'json',
					fields: '{"lastName": "X", "LastName": "Y"}',
				}),
			],
		});
		expect(execution.error?.message).toBe('The table "Contacts" has no field "LastName"');
		expect(bed.fm.counters.requests('odataWrite')).toBe(writesBefore);
	});

	it('refuses to update or delete by an empty filter unless "All Rows" is on', async () => {
		const before = contacts().length;
		const refused = await bed.engine.run({
			nodes: [odataNode({ resource: 'row', operation: 'deleteByFilter', table: contactsTable })],
		});
		expect(refused.error?.message).toMatch(
			/No conditions: this would delete every row of "Contacts"/,
		);
		expect(contacts()).toHaveLength(before);

		const archived = contacts().filter((record) => record.fields.status === 'Archived').length;
		const deleted = await bed.engine.run({
			nodes: [
				odataNode({
					resource: 'row',
					operation: 'deleteByFilter',
					table: contactsTable,
					conditions: { condition: [{ field: 'status', operator: 'eq', value: 'Archived' }] },
				}),
			],
		});
		expect(deleted.error).toBeUndefined();
		expect(deleted.output()[0].json.affectedRows).toBe(archived);
		expect(contacts()).toHaveLength(before - archived);

		const all = await bed.engine.run({
			input: [{ json: { notes: 'touched' } }],
			nodes: [
				odataNode({
					resource: 'row',
					operation: 'updateByFilter',
					table: contactsTable,
					allRows: true,
					columns: autoMap,
				}),
			],
		});
		expect(all.output()[0].json.affectedRows).toBe(before - archived);
		expect(contacts().every((record) => record.fields.notes === 'touched')).toBe(true);
	});

	it('runs a script with a parameter and returns its result', async () => {
		const execution = await bed.engine.run({
			nodes: [
				odataNode({
					resource: 'script',
					operation: 'run',
					script: 'Log Webhook',
					scriptParameter: '{"event":"odata"}',
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		expect(execution.output()[0].json).toMatchObject({ script: 'Log Webhook', scriptError: '0' });
	});
});
