import { startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { DataApi, errorOf, OK } from './data-api';

describe('FileMaker sandbox: records', () => {
	let fm: FileMakerSandbox;
	let api: DataApi;

	beforeEach(async () => {
		fm = await startFileMakerSandbox();
		api = new DataApi(fm);
		await api.login();
	});
	afterEach(() => fm.close());

	const records = (layout = 'Contacts') => api.layoutPath(layout, '/records');
	const create = (fieldData: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
		api.call('POST', records(), { fieldData, ...extra });

	describe('reading', () => {
		it('returns a range with dataInfo and data entries in FileMaker shape', async () => {
			const answer = await api.get(records(), { _limit: '2' });
			expect(answer.status).toBe(200);
			expect(answer.body.messages).toEqual(OK);
			expect(answer.body.response.dataInfo).toEqual({
				database: 'Contacts',
				layout: 'Contacts',
				table: 'Contacts',
				totalRecordCount: 20,
				foundCount: 20,
				returnedCount: 2,
			});
			const [first] = answer.body.response.data!;
			expect(Object.keys(first)).toEqual(['fieldData', 'portalData', 'recordId', 'modId']);
			expect(first).toEqual({
				fieldData: {
					id: 1,
					email: 'ada@analytical.example',
					firstName: 'Ada',
					lastName: 'Lovelace',
					company: 'Analytical Engines Ltd',
					status: 'Customer',
					score: 92,
					updatedAt: '01/02/2025 09:07:00',
					notes: 'Pioneer account; prefers email',
					photo: '',
					createdDate: '02/04/2024',
					gCurrentUser: '',
				},
				portalData: {},
				recordId: '1',
				modId: '0',
			});
		});

		it('pages with a 1-based _offset and _limit (default 100)', async () => {
			fm.store.insertMany('Contacts', 'Contacts', 130, (i) => ({ email: `bulk${i}@example.com` }));
			const firstPage = await api.get(records());
			expect(firstPage.body.response.data).toHaveLength(100);
			const page = await api.get(records(), { _offset: '21', _limit: '5' });
			expect(page.body.response.data!.map((entry) => entry.recordId)).toEqual([
				'21',
				'22',
				'23',
				'24',
				'25',
			]);
			expect(page.body.response.dataInfo).toMatchObject({ foundCount: 150, returnedCount: 5 });
			// Past the end, live servers answer 101 (see empty-pages.test.ts).
			const beyond = await api.get(records(), { _offset: '151' });
			expect(errorOf(beyond)).toEqual({
				status: 500,
				code: '101',
				message: 'Record is missing',
			});
		});

		it('sorts by several fields with _sort', async () => {
			const answer = await api.get(records(), {
				_sort: JSON.stringify([
					{ fieldName: 'status', sortOrder: 'ascend' },
					{ fieldName: 'score', sortOrder: 'descend' },
				]),
				_limit: '4',
			});
			expect(
				answer.body.response.data!.map((entry) => [entry.fieldData.status, entry.fieldData.score]),
			).toEqual([
				['Archived', 65],
				['Archived', 40],
				['Archived', 20],
				['Customer', 97],
			]);
		});

		it('gets one record, and answers 101 for a missing one and 105 for a missing layout', async () => {
			const answer = await api.get(records('Contact List') + '/3');
			expect(answer.body.response.dataInfo).toMatchObject({
				layout: 'Contact List',
				foundCount: 1,
				returnedCount: 1,
			});
			expect(answer.body.response.data![0].fieldData).toEqual({
				id: 3,
				firstName: 'Alan',
				lastName: 'Turing',
				email: 'alan@bletchley.example',
			});
			expect(errorOf(await api.get(records() + '/999'))).toEqual({
				status: 500,
				code: '101',
				message: 'Record is missing',
			});
			expect(errorOf(await api.get(records('Nope')))).toEqual({
				status: 500,
				code: '105',
				message: 'Layout is missing',
			});
		});

		it('answers through another layout with layout.response', async () => {
			const answer = await api.get(records() + '/1', { 'layout.response': 'Contact List' });
			expect(answer.body.response.dataInfo!.layout).toBe('Contact List');
			expect(Object.keys(answer.body.response.data![0].fieldData)).toEqual([
				'id',
				'firstName',
				'lastName',
				'email',
			]);
		});

		it('formats dates and timestamps per dateformats', async () => {
			const iso = await api.get(records() + '/1', { dateformats: '2' });
			expect(iso.body.response.data![0].fieldData).toMatchObject({
				createdDate: '2024-02-04',
				updatedAt: '2025-01-02T09:07:00',
			});
			const us = await api.get(records() + '/1', { dateformats: '0' });
			expect(us.body.response.data![0].fieldData.createdDate).toBe('02/04/2024');
		});

		it('refuses unknown and malformed parameters with 960', async () => {
			expect(errorOf(await api.get(records(), { limit: '5' }))).toEqual({
				status: 400,
				code: '960',
				message: 'Parameter is invalid',
			});
			expect(errorOf(await api.get(records(), { _offset: '0' }))).toMatchObject({ code: '960' });
			expect(errorOf(await api.get(records(), { _sort: 'not json' }))).toMatchObject({
				code: '960',
			});
			expect(errorOf(await api.get(records(), { _sort: '[{"fieldName":"nope"}]' }))).toMatchObject({
				code: '102',
			});
		});

		it('serves 1000-record pages out of 20,000 records, each from its offset', async () => {
			// Speed is measured in bench/, never asserted on a wall clock here.
			fm.store.insertMany('Contacts', 'Contacts', 20_000, (i) => ({
				email: `load${i}@example.com`,
				firstName: `First${i}`,
				score: i % 100,
			}));
			const total = fm.store.records('Contacts', 'Contacts').length;
			for (let offset = 1; offset <= 20_000; offset += 4000) {
				const page = await api.get(records(), { _offset: String(offset), _limit: '1000' });
				expect(page.body.response.data).toHaveLength(1000);
				expect(page.body.response.dataInfo?.foundCount).toBe(total);
				expect(page.body.response.data?.[0].recordId).toBe(
					String(fm.store.records('Contacts', 'Contacts')[offset - 1].recordId),
				);
			}
		});
	});

	describe('portals', () => {
		it('returns portal rows and portalDataInfo; portal and _offset/_limit.<portal> narrow them', async () => {
			const all = await api.get(api.layoutPath('Contact Details', '/records/2'));
			const entry = all.body.response.data![0];
			expect(entry.portalData.Phones).toEqual([
				{
					recordId: '3',
					'Phones::id': 3,
					'Phones::label': 'home',
					'Phones::number': '+1 555 102 1000',
					modId: '0',
				},
				{
					recordId: '4',
					'Phones::id': 4,
					'Phones::label': 'mobile',
					'Phones::number': '+1 555 102 1111',
					modId: '0',
				},
				{
					recordId: '5',
					'Phones::id': 5,
					'Phones::label': 'work',
					'Phones::number': '+1 555 102 1222',
					modId: '0',
				},
			]);
			expect(Object.keys(entry.portalData.Phones[0])).toEqual([
				'recordId',
				'Phones::id',
				'Phones::label',
				'Phones::number',
				'modId',
			]);
			expect(entry.portalDataInfo).toEqual([
				{
					portalObjectName: 'Phones',
					database: 'Contacts',
					table: 'Phones',
					foundCount: 3,
					returnedCount: 3,
				},
			]);

			const ranged = await api.get(api.layoutPath('Contact Details', '/records/2'), {
				portal: '["Phones"]',
				'_offset.Phones': '2',
				'_limit.Phones': '1',
			});
			expect(ranged.body.response.data![0].portalData.Phones.map((row) => row.recordId)).toEqual([
				'4',
			]);
			expect(ranged.body.response.data![0].portalDataInfo![0]).toMatchObject({
				foundCount: 3,
				returnedCount: 1,
			});

			const none = await api.get(api.layoutPath('Contact Details', '/records/2'), { portal: '[]' });
			expect(none.body.response.data![0].portalData).toEqual({});
		});

		it('creates related rows, edits them by recordId, deletes them with deleteRelated', async () => {
			const details = api.layoutPath('Contact Details', '/records');
			const created = await api.call('POST', details, {
				fieldData: { email: 'portal@example.com' },
				portalData: { Phones: [{ 'Phones::label': 'work', 'Phones::number': '+1 555 0100' }] },
			});
			const recordId = created.body.response.recordId!;
			const read = async () =>
				(await api.get(`${details}/${recordId}`)).body.response.data![0].portalData.Phones;
			const [row] = await read();
			expect(row['Phones::number']).toBe('+1 555 0100');

			const edited = await api.call('PATCH', `${details}/${recordId}`, {
				fieldData: {},
				portalData: {
					Phones: [
						{ recordId: row.recordId, modId: row.modId, 'Phones::number': '+1 555 0199' },
						{ 'Phones::label': 'home', 'Phones::number': '+1 555 0200' },
					],
				},
			});
			expect(edited.body.response).toEqual({
				newPortalRecordInfo: [{ tableName: 'Phones', recordId: expect.any(String), modId: '0' }],
				modId: '0',
			});
			expect((await read()).map((phone) => phone['Phones::number'])).toEqual([
				'+1 555 0199',
				'+1 555 0200',
			]);

			await api.call('PATCH', `${details}/${recordId}`, {
				fieldData: { deleteRelated: `Phones.${row.recordId}` },
			});
			expect((await read()).map((phone) => phone['Phones::number'])).toEqual(['+1 555 0200']);

			const stale = await api.call('PATCH', `${details}/${recordId}`, {
				fieldData: {},
				portalData: { Phones: [{ recordId: row.recordId, 'Phones::number': 'x' }] },
			});
			expect(errorOf(stale)).toMatchObject({ code: '101' });
		});

		it('deletes related records with their parent when the relationship says so', async () => {
			expect(
				fm.store.records('Contacts', 'Phones').filter((phone) => phone.fields.contactId === 2),
			).toHaveLength(3);
			await api.call('DELETE', records() + '/2');
			expect(
				fm.store.records('Contacts', 'Phones').filter((phone) => phone.fields.contactId === 2),
			).toHaveLength(0);
		});
	});

	describe('writing', () => {
		it('creates a record with auto-enter values and answers recordId and modId as strings', async () => {
			const answer = await create({ email: 'new@example.com', firstName: 'New', score: '42' });
			expect(answer.body).toEqual({ response: { recordId: '21', modId: '0' }, messages: OK });
			const stored = fm.store.record('Contacts', 'Contacts', 21)!;
			expect(stored.fields).toMatchObject({
				id: 21,
				email: 'new@example.com',
				firstName: 'New',
				score: 42,
			});
			expect(stored.fields.createdDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		});

		it('edits with PATCH: modId grows with every edit, a stale modId gets 306', async () => {
			const first = await api.call('PATCH', records() + '/1', { fieldData: { company: 'One' } });
			expect(first.body).toEqual({ response: { modId: '1' }, messages: OK });
			const second = await api.call('PATCH', records() + '/1', {
				fieldData: { company: 'Two' },
				modId: '1',
			});
			expect(second.body.response).toEqual({ modId: '2' });
			const stale = await api.call('PATCH', records() + '/1', {
				fieldData: { company: 'Three' },
				modId: '1',
			});
			expect(errorOf(stale)).toEqual({
				status: 500,
				code: '306',
				message: 'Record modification ID does not match',
			});
			expect(fm.store.record('Contacts', 'Contacts', 1)!.fields.company).toBe('Two');
		});

		it('deletes and duplicates records', async () => {
			expect((await api.call('DELETE', records() + '/5')).body).toEqual({
				response: {},
				messages: OK,
			});
			expect(errorOf(await api.call('DELETE', records() + '/5'))).toMatchObject({ code: '101' });

			const copy = await api.call('POST', records() + '/1');
			expect(copy.body.response).toEqual({ recordId: '21', modId: '0' });
			expect(fm.store.record('Contacts', 'Contacts', 21)!.fields).toMatchObject({
				id: 21,
				email: 'ada@analytical.example',
			});
		});

		it('refuses fields that are not on the layout (102)', async () => {
			const answer = await api.call('POST', records('Contact List'), {
				fieldData: { email: 'a@b.c', notes: 'x' },
			});
			expect(errorOf(answer)).toEqual({ status: 500, code: '102', message: 'Field is missing' });
		});

		it('applies validation: not empty 509, unique 504, numeric only 502, dates 500', async () => {
			expect(errorOf(await create({ firstName: 'No email' }))).toEqual({
				status: 500,
				code: '509',
				message: 'Field requires a valid value',
			});
			expect(errorOf(await create({ email: 'ADA@analytical.example' }))).toMatchObject({
				code: '504',
			});
			expect(errorOf(await create({ email: 'n@example.com', score: 'high' }))).toMatchObject({
				code: '502',
			});
			expect(
				errorOf(await create({ email: 'd@example.com', createdDate: '2024-13-01' })),
			).toMatchObject({
				code: '500',
			});
			expect(fm.store.count('Contacts', 'Contacts')).toBe(20);
		});

		it('skips data-entry validation with entrymode script, but not validation that applies always', async () => {
			const scripted = await create(
				{ firstName: 'No email' },
				{ options: { entrymode: 'script' } },
			);
			expect(scripted.status).toBe(200);
			const always = await create(
				{ email: 'dup-id@example.com', id: 1 },
				{ options: { entrymode: 'script' } },
			);
			expect(errorOf(always)).toMatchObject({ code: '504' });
		});

		it('reads dates as US by default and ISO with dateformats 2 (timestamps with a space)', async () => {
			expect((await create({ email: 'us@example.com', createdDate: '3/1/2024' })).status).toBe(200);
			expect(
				errorOf(await create({ email: 'iso@example.com', createdDate: '2024-03-01' })),
			).toMatchObject({
				code: '500',
			});
			const iso = await create(
				{ email: 'iso@example.com', createdDate: '2024-03-01' },
				{ dateformats: 2 },
			);
			expect(iso.status).toBe(200);
			expect(fm.store.record('Contacts', 'Contacts', 22)!.fields.createdDate).toBe('2024-03-01');
		});

		it('refuses unknown body keys (960), malformed JSON (400) and non-JSON bodies (415)', async () => {
			expect(errorOf(await create({ email: 'x@example.com' }, { limit: 1 }))).toMatchObject({
				code: '960',
			});
			expect((await api.call('POST', records(), '{"fieldData": {')).status).toBe(400);
			const text = await api.call('POST', records(), 'fieldData', { 'Content-Type': 'text/plain' });
			expect(text.status).toBe(415);
		});
	});

	describe('globals', () => {
		it('sets global fields for the session only; they show in fieldData', async () => {
			const set = await api.call('PATCH', '/databases/Contacts/globals', {
				globalFields: { 'Contacts::gCurrentUser': 'n8n' },
			});
			expect(set.body).toEqual({ response: {}, messages: OK });
			const mine = await api.get(records() + '/1');
			expect(mine.body.response.data![0].fieldData.gCurrentUser).toBe('n8n');

			const other = new DataApi(fm);
			await other.login();
			expect(
				(await other.get(records() + '/1')).body.response.data![0].fieldData.gCurrentUser,
			).toBe('');
		});

		it('refuses fields that are not global, and unqualified names', async () => {
			const notGlobal = await api.call('PATCH', '/databases/Contacts/globals', {
				globalFields: { 'Contacts::email': 'x' },
			});
			expect(errorOf(notGlobal)).toMatchObject({ code: '102' });
			const unqualified = await api.call('PATCH', '/databases/Contacts/globals', {
				globalFields: { gCurrentUser: 'x' },
			});
			expect(errorOf(unqualified)).toMatchObject({ code: '102' });
		});
	});
});
