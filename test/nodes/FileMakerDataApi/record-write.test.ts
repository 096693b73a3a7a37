import type { FieldType, ResourceMapperField, ResourceMapperValue } from 'n8n-workflow';

import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, layout, startTestBed } from '../../helpers/filemaker';

const contacts = layout('Contacts');

const schema: ResourceMapperField[] = [
	'id',
	'email',
	'firstName',
	'lastName',
	'company',
	'status',
	'score',
	'notes',
].map((id) => ({
	id,
	displayName: id,
	required: false,
	defaultMatch: false,
	canBeUsedToMatch: true,
	display: true,
	type: (id === 'score' || id === 'id' ? 'number' : 'string') as FieldType,
}));

function mapped(
	value: ResourceMapperValue['value'],
	matchingColumns: string[] = [],
): ResourceMapperValue {
	return {
		mappingMode: 'defineBelow',
		value,
		matchingColumns,
		schema,
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	};
}

function autoMapped(matchingColumns: string[] = []): ResourceMapperValue {
	return { ...mapped(null, matchingColumns), mappingMode: 'autoMapInputData' };
}

function contactsByEmail(bed: FileMakerTestBed, email: string) {
	return bed.fm.store
		.records(DATABASE, 'Contacts')
		.filter((record) => record.fields.email === email);
}

describe('Record: Create', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	it('creates a record from mapped fields and outputs its recordId and modId', async () => {
		const execution = await bed.engine.run({
			input: [{ json: { mail: 'new@example.com', first: 'Nia' } }],
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'create',
					layout: contacts,
					columns: mapped({
						email: '={{ $json.mail }}',
						firstName: '={{ $json.first }}',
						score: 7,
					}),
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		const [{ json }] = execution.output();
		const [stored] = contactsByEmail(bed, 'new@example.com');
		expect(json).toEqual({ recordId: String(stored.recordId), modId: '0' });
		expect(stored.fields).toMatchObject({ firstName: 'Nia', score: 7, id: 21 });
	});

	it('maps input fields automatically, warns about the ones not on the layout, and can return the full record', async () => {
		const execution = await bed.engine.run({
			input: [
				{ json: { email: 'auto@example.com', lastName: 'Auto', utm_source: 'ad', referrer: 'x' } },
			],
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'create',
					layout: contacts,
					columns: autoMapped(),
					options: { returnRecord: true },
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		expect(execution.output()[0].json).toMatchObject({
			email: 'auto@example.com',
			lastName: 'Auto',
			id: 21,
		});
		const hints = execution.run.data.resultData.runData.FileMaker[0].hints ?? [];
		expect(hints.map((hint) => hint.message)).toEqual([
			expect.stringContaining('not on the layout and were not written: utm_source, referrer'),
		]);
	});

	it('creates a record with related portal rows from JSON', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'create',
					layout: layout('Contact Details'),
					dataMode: 'json',
					fieldData: '{"email": "portal@example.com", "lastName": "Portal"}',
					options: {
						portalData: '{"Phones": [{"Phones::number": "555-0101", "Phones::label": "work"}]}',
					},
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		const [contact] = contactsByEmail(bed, 'portal@example.com');
		const phones = bed.fm.store
			.records(DATABASE, 'Phones')
			.filter((phone) => phone.fields.contactId === contact.fields.id);
		expect(phones.map((phone) => phone.fields.number)).toEqual(['555-0101']);
	});

	it('passes FileMaker field validation errors on, with what to do', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'create',
					layout: contacts,
					columns: mapped({ email: 'ada@analytical.example' }),
				}),
			],
		});
		expect(execution.error?.message).toMatch(/not unique.*FileMaker error 504/);
		expect(execution.error?.description).toMatch(/Upsert/);
	});

	it('says which field does not exist on the layout (FileMaker error 102)', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'create',
					layout: layout('Contact List'),
					dataMode: 'json',
					fieldData: '{"email": "x@example.com", "notes": "not on this layout"}',
				}),
			],
		});
		expect(execution.error?.message).toMatch(/102/);
		expect(execution.error?.description).toMatch(/placed on the layout/);
	});

	it('refuses JSON that is not an object, and a list as a field value', async () => {
		const notObject = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'create',
					layout: contacts,
					dataMode: 'json',
					fieldData: '[1]',
				}),
			],
		});
		expect(notObject.error?.message).toBe('"Field Data (JSON)" must be a JSON object');
		const list = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'create',
					layout: contacts,
					dataMode: 'json',
					fieldData: '{"email": "l@example.com", "notes": ["a", "b"]}',
				}),
			],
		});
		expect(list.error?.message).toBe('The value for field "notes" is a list');
		expect(bed.fm.counters.requests('createRecord')).toBe(0);
	});
});

describe('Record: Update, Delete, Duplicate', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	it('updates the mapped fields only', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'update',
					layout: contacts,
					recordId: '3',
					columns: mapped({ status: 'Customer' }),
				}),
			],
		});
		expect(execution.output()[0].json).toEqual({ recordId: '3', modId: '1' });
		expect(bed.fm.store.record(DATABASE, 'Contacts', 3)?.fields).toMatchObject({
			status: 'Customer',
			lastName: 'Turing',
		});
	});

	it('refuses to overwrite a record changed since its modId was read (FileMaker error 306)', async () => {
		bed.fm.store.update(DATABASE, 'Contacts', 3, { notes: 'changed by someone else' });
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'update',
					layout: contacts,
					recordId: '3',
					columns: mapped({ status: 'Customer' }),
					options: { modId: '0' },
				}),
			],
		});
		expect(execution.error?.message).toMatch(/306/);
		expect(bed.fm.store.record(DATABASE, 'Contacts', 3)?.fields.status).toBe('Lead');
	});

	it('deletes a record', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({ resource: 'record', operation: 'delete', layout: contacts, recordId: '7' }),
			],
		});
		expect(execution.output()[0].json).toEqual({ recordId: '7', deleted: true });
		expect(bed.fm.store.record(DATABASE, 'Contacts', 7)).toBeUndefined();
	});

	it('duplicates a record', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({ resource: 'record', operation: 'duplicate', layout: contacts, recordId: '5' }),
			],
		});
		const { json } = execution.output()[0];
		expect(json).toMatchObject({ duplicatedFrom: '5', modId: '0' });
		const copy = bed.fm.store.record(DATABASE, 'Contacts', Number(json.recordId));
		expect(copy?.fields.lastName).toBe('Torvalds');
	});
});

describe('Record: Create or Update (upsert)', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	const upsert = (bedNode: FileMakerTestBed, options = {}) =>
		bedNode.node({
			resource: 'record',
			operation: 'upsert',
			layout: contacts,
			columns: autoMapped(['email']),
			options,
		});

	it('creates the record the first time and updates it the second time: no duplicates', async () => {
		const payload = { email: 'sync@example.com', firstName: 'Syn', lastName: 'Cee', score: 10 };
		const first = await bed.engine.run({ input: [{ json: payload }], nodes: [upsert(bed)] });
		expect(first.output()[0].json).toMatchObject({ action: 'created' });
		const second = await bed.engine.run({
			input: [{ json: { ...payload, score: 11 } }],
			nodes: [upsert(bed)],
		});
		expect(second.output()[0].json).toMatchObject({
			action: 'updated',
			recordId: first.output()[0].json.recordId,
		});
		const stored = contactsByEmail(bed, 'sync@example.com');
		expect(stored).toHaveLength(1);
		expect(stored[0].fields.score).toBe(11);
	});

	it('matches the key exactly, even when it contains find operators', async () => {
		bed.fm.store.insert(DATABASE, 'Contacts', { email: 'a*b@example.com', lastName: 'Star' });
		bed.fm.store.insert(DATABASE, 'Contacts', { email: 'axxb@example.com', lastName: 'Other' });
		const execution = await bed.engine.run({
			input: [{ json: { email: 'a*b@example.com', lastName: 'Starred' } }],
			nodes: [upsert(bed)],
		});
		expect(execution.output()[0].json.action).toBe('updated');
		expect(contactsByEmail(bed, 'axxb@example.com')[0].fields.lastName).toBe('Other');
		expect(contactsByEmail(bed, 'a*b@example.com')[0].fields.lastName).toBe('Starred');
	});

	it('fails when the match fields find several records, unless told to update them', async () => {
		const byCompany = (options = {}) =>
			bed.node({
				resource: 'record',
				operation: 'upsert',
				layout: contacts,
				columns: autoMapped(['company']),
				options,
			});
		const input = [{ json: { company: 'Bell Labs', notes: 'Murray Hill' } }];
		const failing = await bed.engine.run({ input, nodes: [byCompany()] });
		expect(failing.error?.message).toBe('2 records match company = Bell Labs');

		const all = await bed.engine.run({
			input,
			nodes: [byCompany({ onSeveralMatches: 'updateAll' })],
		});
		expect(all.output().map((item) => item.json.action)).toEqual(['updated', 'updated']);
		expect(all.output().map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		const notes = bed.fm.store
			.records(DATABASE, 'Contacts')
			.filter((record) => record.fields.company === 'Bell Labs')
			.map((record) => record.fields.notes);
		expect(notes).toEqual(['Murray Hill', 'Murray Hill']);
	});

	it('asks for a value in every match field', async () => {
		const execution = await bed.engine.run({
			input: [{ json: { lastName: 'No Email' } }],
			nodes: [upsert(bed)],
		});
		expect(execution.error?.message).toBe('The match field "email" has no value in this item');
		expect(bed.fm.counters.requests('find')).toBe(0);
	});

	it('runs a script after the write and outputs its result', async () => {
		const execution = await bed.engine.run({
			input: [{ json: { email: 'script@example.com' } }],
			nodes: [upsert(bed, { script: 'Echo', scriptParameter: '={{ $json.email }}' })],
		});
		expect(execution.output()[0].json).toMatchObject({
			action: 'created',
			scriptResult: 'script@example.com',
			scriptError: '0',
		});
	});
});

describe('Record: dates', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	it('writes ISO dates when the Date Format option says so', async () => {
		const update = (createdDate: string, options = {}) =>
			bed.engine.run({
				nodes: [
					bed.node({
						resource: 'record',
						operation: 'update',
						layout: contacts,
						recordId: '1',
						dataMode: 'json',
						fieldData: JSON.stringify({ createdDate }),
						options,
					}),
				],
			});
		const iso = await update('2026-11-23', { dateFormat: '2' });
		expect(iso.error).toBeUndefined();
		expect(bed.fm.store.record(DATABASE, 'Contacts', 1)?.fields.createdDate).toBe('2026-11-23');

		const us = await update('12/24/2026');
		expect(us.error).toBeUndefined();
		expect(bed.fm.store.record(DATABASE, 'Contacts', 1)?.fields.createdDate).toBe('2026-12-24');
	});
});
