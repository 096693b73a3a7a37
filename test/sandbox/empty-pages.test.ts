import {
	EMPTY_TABLE,
	startFileMakerSandbox,
	withEmptyTable,
	type FileMakerSandbox,
} from '../../sandbox/filemaker';
import { loadFixture } from '../../sandbox/filemaker/load-fixture';
import { DataApi, errorOf } from './data-api';

/**
 * Ranges without records. Live servers answer `GET …/records` on an empty table with
 * HTTP 500 and 101 "Record is missing" (python-fmrest issues #4 and #85); a find that
 * matches nothing is 401 "No records match the request".
 */
describe('FileMaker sandbox: empty pages', () => {
	let fm: FileMakerSandbox;
	let api: DataApi;

	beforeAll(async () => {
		fm = await startFileMakerSandbox({ emptyTable: true });
		api = new DataApi(fm);
		await api.login();
	});
	afterAll(() => fm.close());

	const records = (layout: string) => api.layoutPath(layout, '/records');

	it('answers GET records on a table without records with 101 in an HTTP 500, as live servers do', async () => {
		const queries: Array<Record<string, string>> = [
			{},
			{ _offset: '1' },
			{ _offset: '1', _limit: '100' },
		];
		for (const query of queries) {
			const answer = await api.get(records(EMPTY_TABLE), query);
			expect(answer.status).toBe(500);
			expect(answer.body).toEqual({
				messages: [{ code: '101', message: 'Record is missing' }],
				response: {},
			});
			expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
		}
	});

	it('answers GET records with an _offset past the last record with 101', async () => {
		const last = await api.get(records('Contacts'), { _offset: '20' });
		expect(last.body.response.data!.map((entry) => entry.recordId)).toEqual(['20']);
		expect(errorOf(await api.get(records('Contacts'), { _offset: '21' }))).toEqual({
			status: 500,
			code: '101',
			message: 'Record is missing',
		});
	});

	it('keeps 401 for a find that matches nothing, and for a find offset past its found set', async () => {
		const noMatch = { status: 500, code: '401', message: 'No records match the request' };
		expect(errorOf(await api.find(EMPTY_TABLE, { query: [{ name: '*' }] }))).toEqual(noMatch);
		const leads = await api.find('Contacts', { query: [{ status: 'Lead' }] });
		expect(leads.body.response.dataInfo!.foundCount).toBe(7);
		expect(errorOf(await api.find('Contacts', { query: [{ status: 'Lead' }], offset: 8 }))).toEqual(
			noMatch,
		);
	});

	it('serves the empty layout like any other, and answers 101 again once its last record is gone', async () => {
		const layouts = await api.get('/databases/Contacts/layouts');
		expect(layouts.body.response.layouts).toContainEqual({ name: EMPTY_TABLE, table: EMPTY_TABLE });
		const metadata = await api.get(api.layoutPath(EMPTY_TABLE));
		expect(metadata.status).toBe(200);

		const created = await api.call('POST', records(EMPTY_TABLE), { fieldData: { name: 'job' } });
		expect(created.status).toBe(200);
		const one = await api.get(records(EMPTY_TABLE));
		expect(one.body.response.dataInfo).toMatchObject({ totalRecordCount: 1, foundCount: 1 });
		expect(one.body.response.data![0].fieldData).toEqual({ id: 1, name: 'job' });

		await api.call('DELETE', `${records(EMPTY_TABLE)}/${created.body.response.recordId}`);
		expect(errorOf(await api.get(records(EMPTY_TABLE))).code).toBe('101');
	});

	it('leaves the demo fixture as it is: EmptyTable comes only with emptyTable or withEmptyTable', () => {
		const demo = loadFixture();
		expect(demo.databases[0].layouts.map((layout) => layout.name)).not.toContain(EMPTY_TABLE);
		const extended = withEmptyTable(demo);
		expect(extended.databases[0].layouts.map((layout) => layout.name)).toContain(EMPTY_TABLE);
		expect(extended.databases[0].records).toBe(demo.databases[0].records);
		expect(() => withEmptyTable(demo, 'Nowhere')).toThrow('no database Nowhere');
	});
});
