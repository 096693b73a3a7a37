import { startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { errorOf, filterQuery, odata, rowsOf, type Row } from './odata-client';

describe('FileMaker sandbox: OData reads', () => {
	let fm: FileMakerSandbox;

	beforeAll(async () => {
		fm = await startFileMakerSandbox();
	});
	afterAll(() => fm.close());

	const ids = (rows: Row[]) => rows.map((row) => row.id);

	it('lists databases and the service document, and writes CSDL metadata', async () => {
		const databases = await odata(fm, 'GET', `${fm.url}/fmi/odata/v4`);
		expect(databases.status).toBe(200);
		expect(rowsOf(databases)).toEqual([
			{ name: 'Contacts.fmp12', kind: 'EntityContainer', url: 'Contacts' },
		]);
		const service = await odata(fm, 'GET', '');
		expect(rowsOf(service).map((set) => set.name)).toEqual([
			'Contacts',
			'Phones',
			'Log',
			'Messages',
		]);
		expect(service.body?.['@context']).toBe(`${fm.url}/fmi/odata/v4/Contacts/$metadata`);

		const metadata = await odata(fm, 'GET', '/$metadata');
		expect(metadata.status).toBe(200);
		expect(metadata.headers.get('content-type')).toMatch(/^application\/xml/);
		const xml = metadata.text;
		expect(xml).toContain('<edmx:Edmx Version="4.01"');
		expect(xml).toContain('<EntityType Name="Contacts_">');
		expect(xml).toContain('<Key><PropertyRef Name="id" /></Key>');
		expect(xml).toContain('<Property Name="email" Type="Edm.String" Nullable="false">');
		expect(xml).toContain('<Property Name="score" Type="Edm.Decimal">');
		expect(xml).toContain('<Property Name="updatedAt" Type="Edm.DateTimeOffset">');
		expect(xml).toContain('<Property Name="createdDate" Type="Edm.Date">');
		expect(xml).toContain('<Property Name="photo" Type="Edm.Binary">');
		// Phones has no field that is unique and not empty: the record ID is its key.
		expect(xml).toMatch(/<EntityType Name="Phones_">[\s\S]*?<PropertyRef Name="ROWID" \/>/);
		expect(xml).toContain('<NavigationProperty Name="Phones"');
		expect(xml).toContain(
			'<EntitySet Name="Contacts" EntityType="com.filemaker.odata.Contacts.fmp12.Contacts_">',
		);
	});

	it('returns rows as FileMaker does: @id, numbers as numbers, empty as null, ISO timestamps', async () => {
		const answer = await odata(fm, 'GET', '/Contacts?$top=1');
		expect(answer.status).toBe(200);
		expect(answer.body?.['@context']).toBe(`${fm.url}/fmi/odata/v4/Contacts/$metadata#Contacts`);
		const [ada] = rowsOf(answer);
		expect(ada).toMatchObject({
			'@id': `${fm.url}/fmi/odata/v4/Contacts/Contacts(1)`,
			'@editLink': `${fm.url}/fmi/odata/v4/Contacts/Contacts(1)`,
			id: 1,
			firstName: 'Ada',
			score: 92,
			updatedAt: '2025-01-02T09:07:00Z',
			createdDate: '2024-02-04',
			photo: null,
		});
		const strings = await odata(fm, 'GET', '/Contacts?$top=1', {
			headers: { Accept: 'application/json;IEEE754Compatible=true' },
		});
		expect(rowsOf(strings)[0]).toMatchObject({ id: '1', score: '92' });
		const v40 = await odata(fm, 'GET', '/Contacts?$top=1&$count=true', {
			headers: { 'OData-MaxVersion': '4.0' },
		});
		expect(Object.keys(v40.body ?? {})).toEqual(['@odata.context', '@odata.count', 'value']);
		expect(rowsOf(v40)[0]['@odata.id']).toBeDefined();
	});

	it('filters, selects, orders, counts and pages with $top/$skip', async () => {
		const all = rowsOf(await odata(fm, 'GET', '/Contacts'));
		const customers = all.filter((row) => row.status === 'Customer');
		const answer = await odata(
			fm,
			'GET',
			`/Contacts?${filterQuery("status eq 'Customer'")}&$select=id,"firstName"&$orderby=firstName desc&$count=true&$top=2&$skip=1`,
		);
		expect(answer.status).toBe(200);
		expect(answer.body?.['@count']).toBe(customers.length);
		const expected = [...customers]
			.sort((a, b) => String(b.firstName).localeCompare(String(a.firstName)))
			.slice(1, 3)
			.map((row) => ({ id: row.id, firstName: row.firstName }));
		expect(rowsOf(answer).map(({ id, firstName }) => ({ id, firstName }))).toEqual(expected);
		expect(Object.keys(rowsOf(answer)[0])).toEqual(['@id', '@editLink', 'id', 'firstName']);
		expect(answer.body?.['@context']).toMatch(/#Contacts\("id","firstName"\)$/);
	});

	it('evaluates functions, in, null, numbers, dates and timestamps', async () => {
		const query = async (expression: string) => {
			const answer = await odata(fm, 'GET', `/Contacts?${filterQuery(expression)}&$select=id`);
			expect(answer.status).toBe(200);
			return ids(rowsOf(answer));
		};
		expect(await query("contains(tolower(lastName),'lovelace')")).toEqual([1]);
		expect(await query("startswith(email,'grace')")).toEqual([2]);
		expect(await query('id in (1, 2, 999)')).toEqual([1, 2]);
		expect(await query('score ge 92 and score le 92')).toEqual([1]);
		expect(await query('createdDate eq 2024-02-04')).toEqual([1]);
		expect(
			await query('updatedAt lt 2025-01-02T09:07:01Z and updatedAt gt 2025-01-02T09:06:59Z'),
		).toEqual([1]);
		expect(await query("firstName eq 'ada'")).toEqual([]);
		const withoutNotes = rowsOf(await odata(fm, 'GET', '/Contacts')).filter(
			(row) => row.notes === null,
		);
		expect(await query('notes eq null')).toEqual(ids(withoutNotes));
		expect((await query('notes ne null')).length).toBe(20 - withoutNotes.length);
	});

	it('expands related tables both ways', async () => {
		const answer = await odata(fm, 'GET', '/Contacts(1)?$expand=Phones($select=label)');
		expect(answer.status).toBe(200);
		expect(answer.body?.['@context']).toMatch(/#Contacts\/\$entity$/);
		expect(answer.body?.Phones).toEqual([
			expect.objectContaining({ label: 'work' }),
			expect.objectContaining({ label: 'home' }),
		]);
		const back = await odata(fm, 'GET', '/Phones(1)?$expand=Contacts($select=firstName)');
		expect((back.body?.Contacts as Row[]).map((row) => row.firstName)).toEqual(['Ada']);
	});

	it('answers FileMaker errors for bad syntax, unknown fields, tables and records', async () => {
		const syntax = await odata(fm, 'GET', `/Contacts?${filterQuery("firstName eq 'x")}`);
		expect(syntax.status).toBe(400);
		expect(errorOf(syntax).code).toBe('-1002');
		const field = await odata(fm, 'GET', '/Contacts?$select=nope');
		expect(field.status).toBe(400);
		expect(errorOf(field)).toEqual({
			code: '8309',
			message: "The field named 'nope' does not exist in a specified table (9)",
		});
		expect(errorOf(await odata(fm, 'GET', `/Contacts?${filterQuery('Nope eq 1')}`)).code).toBe(
			'8309',
		);
		expect(errorOf(await odata(fm, 'GET', '/Contacts?$orderby=nope')).code).toBe('8309');
		const table = await odata(fm, 'GET', '/Nope');
		expect(table.status).toBe(404);
		expect(errorOf(table)).toEqual({
			code: '-1020',
			message: "Table 'Nope' not defined in database",
		});
		const record = await odata(fm, 'GET', '/Contacts(9999)');
		expect(record.status).toBe(404);
		expect(errorOf(record)).toEqual({ code: '-1023', message: 'Specified record not found' });
		expect((await odata(fm, 'GET', '/Contacts?$top=-1')).status).toBe(400);
		expect((await odata(fm, 'GET', '/Contacts?$search=x')).status).toBe(400);
	});

	it('sends control characters raw inside strings when switched on', async () => {
		const record = fm.store.insert('Contacts', 'Log', { message: 'bell\u0007 tab\t end' });
		try {
			const escaped = await odata(fm, 'GET', `/Log?${filterQuery(`ROWID eq ${record.recordId}`)}`);
			expect(rowsOf(escaped)[0].message).toBe('bell\u0007 tab\t end');
			fm.odata.rawControlCharacters = true;
			const raw = await odata(fm, 'GET', `/Log?${filterQuery(`ROWID eq ${record.recordId}`)}`);
			expect(raw.text).toContain('bell\u0007 tab\t end');
			expect(raw.body).toBeUndefined();
		} finally {
			fm.odata.rawControlCharacters = false;
			fm.store.delete('Contacts', 'Log', record.recordId);
		}
	});
});

describe('FileMaker sandbox: OData paging', () => {
	let fm: FileMakerSandbox;

	beforeAll(async () => {
		fm = await startFileMakerSandbox();
		fm.store.insertMany('Contacts', 'Log', 25_000, (index) => ({ message: `row ${index}` }));
	});
	afterAll(() => fm.close());

	it('pages 25,000 rows by 10,000 with next links the client follows as given', async () => {
		expect(fm.odata.pageSize).toBe(10_000);
		const seen = new Map<number, number>();
		let url: string | undefined =
			`/Log?$select=ROWID,message&$count=true&${filterQuery("startswith(message,'row ')")}`;
		const pageSizes: number[] = [];
		while (url) {
			const answer = await odata(fm, 'GET', url);
			expect(answer.status).toBe(200);
			expect(answer.body?.['@count']).toBe(25_000);
			const rows = rowsOf(answer);
			pageSizes.push(rows.length);
			for (const row of rows) seen.set(Number(row.ROWID), (seen.get(Number(row.ROWID)) ?? 0) + 1);
			url = answer.body?.['@nextLink'] as string | undefined;
		}
		expect(pageSizes).toEqual([10_000, 10_000, 5_000]);
		expect(seen.size).toBe(25_000);
		expect([...seen.values()].every((count) => count === 1)).toBe(true);
	});

	it('honours $top across pages and a smaller page size', async () => {
		fm.odata.pageSize = 7;
		try {
			const first = await odata(fm, 'GET', '/Log?$top=10&$select=ROWID');
			expect(rowsOf(first)).toHaveLength(7);
			const next = first.body?.['@nextLink'] as string;
			expect(next).toContain('$skip=7');
			const second = await odata(fm, 'GET', next);
			expect(rowsOf(second)).toHaveLength(3);
			expect(second.body?.['@nextLink']).toBeUndefined();
		} finally {
			fm.odata.pageSize = 10_000;
		}
	});
});
