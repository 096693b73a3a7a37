import type { INodeParameters } from 'n8n-workflow';

import type { FileMakerTestBed } from '../../helpers/filemaker';
import { layout, startTestBed } from '../../helpers/filemaker';

const HINT = /A field name is not on the layout/;

describe('Field is missing (FileMaker error 102) names what the layout lacks', () => {
	let bed: FileMakerTestBed;
	beforeAll(async () => (bed = await startTestBed()));
	afterAll(async () => await bed.close());

	async function failure(parameters: INodeParameters) {
		const execution = await bed.engine.run({ nodes: [bed.node(parameters)] });
		expect(execution.error).toBeDefined();
		return execution.error;
	}

	const write = (operation: string, fieldData: object, extra: INodeParameters = {}) => ({
		resource: 'record',
		operation,
		layout: layout('Contacts'),
		dataMode: 'json',
		fieldData: JSON.stringify(fieldData),
		...extra,
	});

	it('on create, with the code and the hint kept', async () => {
		const error = await failure(
			write('create', { email: 'new@example.com', emial: 'typo', Phone2: '555', notes: 'x' }),
		);
		expect(error?.message).toBe(
			'Field is missing (FileMaker error 102; layout "Contacts"): not on the layout: "emial", "Phone2"',
		);
		expect(error?.description).toMatch(HINT);
	});

	it('on update', async () => {
		const error = await failure(
			write('update', { firstName: 'Ada', surname: 'L' }, { recordId: '1' }),
		);
		expect(error?.message).toBe(
			'Field is missing (FileMaker error 102; layout "Contacts", record 1): not on the layout: "surname"',
		);
	});

	it('in portal data: TO::Field names and portal names', async () => {
		const portalData = (portals: object) =>
			write(
				'create',
				{ email: 'portal@example.com' },
				{ layout: layout('Contact Details'), options: { portalData: JSON.stringify(portals) } },
			);
		expect((await failure(portalData({ Phones: [{ 'Phones::numbr': '555' }] })))?.message).toBe(
			'Field is missing (FileMaker error 102; layout "Contact Details"): not on the layout: "Phones::numbr"',
		);
		expect((await failure(portalData({ Phonez: [{ 'Phones::number': '555' }] })))?.message).toBe(
			'Field is missing (FileMaker error 102; layout "Contact Details"): not on the layout: portal "Phonez"',
		);
	});

	it('on Create or Update, whose match field is not on the layout', async () => {
		const error = await failure(
			write('upsert', { emial: 'ada@analytical.example' }, { matchFields: ['emial'] }),
		);
		expect(error?.message).toBe(
			'Field is missing (FileMaker error 102; layout "Contacts"): not on the layout: "emial"',
		);
	});

	const find = (field: string, sortField?: string) => ({
		resource: 'record',
		operation: 'find',
		layout: layout('Contacts'),
		queryMode: 'builder',
		findRequests: {
			request: [
				{ omit: false, conditions: { condition: [{ field, operator: 'equals', value: 'x' }] } },
			],
		},
		sort: sortField ? { rule: [{ fieldName: sortField, sortOrder: 'ascend' }] } : {},
		returnAll: true,
	});

	it('on Find, for its criteria and sort fields', async () => {
		expect((await failure(find('lastname2', 'rank')))?.message).toBe(
			'Field is missing (FileMaker error 102; layout "Contacts"): not on the layout: "lastname2", "rank"',
		);
	});

	it('leaves the message as it is when every field sent is on the layout', async () => {
		// The sandbox, like FileMaker, refuses a global field as find criterion with 102.
		const error = await failure(find('gCurrentUser'));
		expect(error?.message).toBe('Field is missing (FileMaker error 102; layout "Contacts")');
		expect(error?.description).toMatch(HINT);
	});

	it('reads the layout only when a request failed with 102', async () => {
		const before = bed.fm.counters.requests('layoutMetadata');
		await bed.engine.run({
			nodes: [bed.node(write('update', { notes: 'ok' }, { recordId: '1' }))],
		});
		await failure(write('update', { nope: 'x' }, { recordId: '1' }));
		expect(bed.fm.counters.requests('layoutMetadata') - before).toBe(1);
	});
});
