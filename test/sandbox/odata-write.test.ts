import { startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { errorOf, filterQuery, odata, rowsOf } from './odata-client';

describe('FileMaker sandbox: OData writes and scripts', () => {
	let fm: FileMakerSandbox;

	beforeEach(async () => {
		fm = await startFileMakerSandbox();
	});
	afterEach(() => fm.close());

	it('creates a record: 201 with the row and Location, or 204 with return=minimal', async () => {
		const created = await odata(fm, 'POST', '/Contacts', {
			body: { email: 'new@example.com', firstName: 'Nia', score: 7.5, createdDate: '2024-05-06' },
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ id: 21, firstName: 'Nia', score: 7.5, lastName: null });
		expect(created.body?.['@context']).toMatch(/#Contacts\/\$entity$/);
		expect(created.headers.get('location')).toBe(`${fm.url}/fmi/odata/v4/Contacts/Contacts(21)`);
		expect(fm.store.count('Contacts', 'Contacts')).toBe(21);

		const minimal = await odata(fm, 'POST', '/Phones', {
			body: { contactId: 21, label: 'mobile', number: '+1 555' },
			headers: { Prefer: 'return=minimal' },
		});
		expect(minimal.status).toBe(204);
		expect(minimal.text).toBe('');
		const location = minimal.headers.get('location') ?? '';
		expect(location).toMatch(/\/Phones\(\d+\)$/);
		expect((await odata(fm, 'GET', location)).body).toMatchObject({ label: 'mobile' });
	});

	it('updates by key (204, or the row with return=representation) and deletes (204)', async () => {
		const patched = await odata(fm, 'PATCH', '/Contacts(1)', { body: { status: 'Churned' } });
		expect(patched.status).toBe(204);
		expect(fm.store.record('Contacts', 'Contacts', 1)?.fields.status).toBe('Churned');
		const shown = await odata(fm, 'PATCH', "/Contacts('2')", {
			body: { notes: null },
			headers: { Prefer: 'return=representation' },
		});
		expect(shown.status).toBe(200);
		expect(shown.body).toMatchObject({ id: 2, notes: null });

		const deleted = await odata(fm, 'DELETE', '/Contacts(1)');
		expect(deleted.status).toBe(204);
		expect(fm.store.record('Contacts', 'Contacts', 1)).toBeUndefined();
		// Phones of contact 1 go with it (the relationship deletes related records).
		expect(
			fm.store.records('Contacts', 'Phones').some((phone) => phone.fields.contactId === 1),
		).toBe(false);
		expect(errorOf(await odata(fm, 'DELETE', '/Contacts(1)')).code).toBe('-1023');
		expect((await odata(fm, 'PATCH', '/Contacts(1)', { body: { status: 'x' } })).status).toBe(404);
	});

	it('updates and deletes by $filter and answers the count in fmodata.affected_rows', async () => {
		const leads = fm.store
			.records('Contacts', 'Contacts')
			.filter((row) => row.fields.status === 'Lead');
		expect(leads.length).toBeGreaterThan(0);
		const patched = await odata(fm, 'PATCH', `/Contacts?${filterQuery("status eq 'Lead'")}`, {
			body: { status: 'Prospect' },
		});
		expect(patched.status).toBe(204);
		expect(patched.headers.get('fmodata.affected_rows')).toBe(String(leads.length));
		const deleted = await odata(fm, 'DELETE', `/Contacts?${filterQuery("status eq 'Prospect'")}`);
		expect(deleted.headers.get('fmodata.affected_rows')).toBe(String(leads.length));
		expect(fm.store.count('Contacts', 'Contacts')).toBe(20 - leads.length);
		const none = await odata(fm, 'DELETE', `/Contacts?${filterQuery("status eq 'Nobody'")}`);
		expect(none.headers.get('fmodata.affected_rows')).toBe('0');
	});

	it('refuses unknown fields, wrong types and failed validation without writing', async () => {
		const unknown = await odata(fm, 'POST', '/Contacts', { body: { email: 'a@b.c', nope: 1 } });
		expect(unknown.status).toBe(400);
		expect(errorOf(unknown).code).toBe('8309');
		expect(
			(await odata(fm, 'POST', '/Contacts', { body: { email: 'a@b.c', score: 'many' } })).status,
		).toBe(400);
		expect(
			errorOf(await odata(fm, 'POST', '/Contacts', { body: { firstName: 'No email' } })).code,
		).toBe('509');
		const duplicate = await odata(fm, 'POST', '/Contacts', {
			body: { email: 'ada@analytical.example' },
		});
		expect(errorOf(duplicate).code).toBe('504');
		expect((await odata(fm, 'POST', '/Contacts', { body: '{not json' })).status).toBe(400);
		expect(fm.store.count('Contacts', 'Contacts')).toBe(20);
		expect(errorOf(await odata(fm, 'POST', '/Nope', { body: {} })).code).toBe('-1020');
	});

	it('runs scripts with a parameter and answers scriptResult', async () => {
		const echo = await odata(fm, 'POST', '/Script.Echo', {
			body: { scriptParameterValue: 'hello' },
		});
		expect(echo.status).toBe(200);
		expect(echo.body).toEqual({ scriptResult: { code: 0, resultParameter: 'hello' } });
		const json = await odata(fm, 'POST', '/Script.Echo', {
			body: { scriptParameterValue: { a: 1 } },
		});
		expect(json.body).toEqual({ scriptResult: { code: 0, resultParameter: '{"a":1}' } });
		const logged = await odata(fm, 'POST', `/Script.${encodeURIComponent('Log Webhook')}`, {
			body: { scriptParameterValue: 'payload' },
		});
		expect(logged.body).toEqual({ scriptResult: { code: 0, resultParameter: 'logged' } });
		expect(
			rowsOf(await odata(fm, 'GET', `/Log?${filterQuery("message eq 'payload'")}`)),
		).toHaveLength(1);
		expect((await odata(fm, 'POST', '/Script.Fail')).body).toEqual({ scriptResult: { code: 3 } });
		const missing = await odata(fm, 'POST', '/Script.Nope');
		expect(missing.status).toBe(404);
		expect(errorOf(missing).code).toBe('104');
		expect(fm.counters.requests('odataScript')).toBe(5);
	});
});
