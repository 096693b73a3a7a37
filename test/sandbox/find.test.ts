import { startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { compileCriterion } from '../../sandbox/filemaker/find-criteria';
import type { FieldType, FieldValue } from '../../sandbox/filemaker/fixture-types';
import { DataApi, errorOf } from './data-api';

const TODAY = '2025-03-14';

/** The values among `values` that `criterion` finds in a field of `type` (one record each). */
function found(criterion: string, values: FieldValue[], type: FieldType = 'text'): FieldValue[] {
	const matches = compileCriterion(criterion, type, TODAY, () => values);
	if (!matches) throw new Error(`"${criterion}" is an empty criterion`);
	return values.filter((value) => matches(value));
}

describe('FileMaker find criteria', () => {
	const names = ['John Smith', 'Johnny Smithson', 'Jon Smith', 'Mary-Jo Smith', 'smith, john', ''];

	it('finds words that start with each word of the criterion, case-insensitively, in any order', () => {
		expect(found('john', names)).toEqual(['John Smith', 'Johnny Smithson', 'smith, john']);
		expect(found('smith jo', names)).toEqual([
			'John Smith',
			'Johnny Smithson',
			'Jon Smith',
			'Mary-Jo Smith',
			'smith, john',
		]);
		expect(found('ohn', names)).toEqual([]);
	});

	it('matches whole words with =, the whole field with ==, empty fields with = alone', () => {
		expect(found('=john', names)).toEqual(['John Smith', 'smith, john']);
		expect(found('==john smith', names)).toEqual(['John Smith']);
		expect(found('==John*', names)).toEqual(['John Smith', 'Johnny Smithson']);
		expect(found('=', names)).toEqual(['']);
		expect(found('==', names)).toEqual(['']);
		expect(found('*', names)).toEqual(names.slice(0, 5));
	});

	it('understands the wildcards *, @ and #', () => {
		expect(found('J*n', names)).toEqual([
			'John Smith',
			'Johnny Smithson',
			'Jon Smith',
			'smith, john',
		]);
		expect(found('==J@n Smith', names)).toEqual(['Jon Smith']);
		expect(found('==##-##', ['12-34', '1a-34', '123-45'])).toEqual(['12-34']);
	});

	it('takes quoted text literally, as a phrase', () => {
		const companies = ['Smith & Jones', 'Jones & Smith', 'Smith and Jones', 'Price = 100*'];
		expect(found('"Smith & Jones"', companies)).toEqual(['Smith & Jones']);
		expect(found('"= 100*"', companies)).toEqual(['Price = 100*']);
		expect(found('"Smith"', companies)).toEqual([
			'Smith & Jones',
			'Jones & Smith',
			'Smith and Jones',
		]);
	});

	it('escapes the next character with a backslash', () => {
		const values = ['5*', '50', 'a=b', '=start', 'back\\slash', 'dot.com', 'at@home', 'say "hi"'];
		expect(found('==5\\*', values)).toEqual(['5*']);
		expect(found('\\=start', values)).toEqual(['=start']);
		expect(found('==a\\=b', values)).toEqual(['a=b']);
		expect(found('back\\\\', values)).toEqual(['back\\slash']);
		expect(found('==dot\\.com', values)).toEqual(['dot.com']);
		expect(found('==at\\@home', values)).toEqual(['at@home']);
		expect(found('==at\\@hom', values)).toEqual([]);
		expect(found('say \\"hi\\"', values)).toEqual(['say "hi"']);
	});

	it('compares and ranges numbers as numbers', () => {
		const scores: FieldValue[] = [5, 20, 100, 55.5, ''];
		expect(found('20', scores, 'number')).toEqual([20]);
		expect(found('>20', scores, 'number')).toEqual([100, 55.5]);
		expect(found('>=20', scores, 'number')).toEqual([20, 100, 55.5]);
		expect(found('<55.5', scores, 'number')).toEqual([5, 20]);
		expect(found('≤20', scores, 'number')).toEqual([5, 20]);
		expect(found('10...60', scores, 'number')).toEqual([20, 55.5]);
		expect(found('1*', scores, 'number')).toEqual([100]);
		expect(found('=', scores, 'number')).toEqual(['']);
	});

	it('compares text in collation order; a range includes values that start with its end', () => {
		const words = ['apple', 'Banana', 'cherry', 'date'];
		expect(found('>b', words)).toEqual(['Banana', 'cherry', 'date']);
		expect(found('a...c', words)).toEqual(['apple', 'Banana', 'cherry']);
	});

	it('finds dates by day, month, year, range and // (today)', () => {
		const dates = ['2025-03-14', '2025-03-01', '2024-12-31', '2025-04-02', ''];
		expect(found('3/14/2025', dates, 'date')).toEqual(['2025-03-14']);
		expect(found('2025-03-01', dates, 'date')).toEqual(['2025-03-01']);
		expect(found('//', dates, 'date')).toEqual(['2025-03-14']);
		expect(found('3/2025', dates, 'date')).toEqual(['2025-03-14', '2025-03-01']);
		expect(found('2024', dates, 'date')).toEqual(['2024-12-31']);
		expect(found('>3/1/2025', dates, 'date')).toEqual(['2025-03-14', '2025-04-02']);
		expect(found('<2025', dates, 'date')).toEqual(['2024-12-31']);
		expect(found('12/1/2024...3/1/2025', dates, 'date')).toEqual(['2025-03-01', '2024-12-31']);
		expect(found('*/2024', dates, 'date')).toEqual(['2024-12-31']);
	});

	it('finds timestamps by the second, by day and by range; times by the minute', () => {
		const stamps = ['2025-03-14 09:30:00', '2025-03-14 17:00:05', '2025-03-15 08:00:00'];
		expect(found('3/14/2025 9:30:00', stamps, 'timestamp')).toEqual(['2025-03-14 09:30:00']);
		expect(found('//', stamps, 'timestamp')).toEqual([
			'2025-03-14 09:30:00',
			'2025-03-14 17:00:05',
		]);
		expect(found('>3/14/2025 12:00:00', stamps, 'timestamp')).toEqual([
			'2025-03-14 17:00:05',
			'2025-03-15 08:00:00',
		]);
		const times = ['09:30:00', '09:30:45', '10:00:00', '37:30:00'];
		expect(found('9:30', times, 'time')).toEqual(['09:30:00', '09:30:45']);
		expect(found('>24:00:00', times, 'time')).toEqual(['37:30:00']);
	});

	it('ignores an empty criterion', () => {
		expect(compileCriterion('  ', 'text', TODAY)).toBeUndefined();
	});

	it('reads … (U+2026) as the range operator, exactly like ... and ..', () => {
		const scores: FieldValue[] = [5, 20, 100, 55.5, ''];
		for (const range of ['10…60', '10...60', '10..60', '10 … 60']) {
			expect(found(range, scores, 'number')).toEqual([20, 55.5]);
		}
		const words = ['apple', 'Banana', 'cherry', 'date'];
		expect(found('a…c', words)).toEqual(['apple', 'Banana', 'cherry']);
		const dates = ['2025-03-14', '2025-03-01', '2024-12-31', '2025-04-02', ''];
		expect(found('12/1/2024…3/1/2025', dates, 'date')).toEqual(['2025-03-01', '2024-12-31']);
		expect(found('9:00…9:59', ['09:30:00', '10:00:00'], 'time')).toEqual(['09:30:00']);
		expect(found('1.5…2.5', [1, 1.5, 2, 2.5, 3], 'number')).toEqual([1.5, 2, 2.5]);
	});

	it('takes open ranges: a… from a on, …b up to b', () => {
		const scores: FieldValue[] = [5, 20, 100, 55.5, ''];
		expect(found('20…', scores, 'number')).toEqual([20, 100, 55.5]);
		expect(found('20...', scores, 'number')).toEqual([20, 100, 55.5]);
		expect(found('…20', scores, 'number')).toEqual([5, 20]);
		expect(found('...20', scores, 'number')).toEqual([5, 20]);
		const dates = ['2025-03-14', '2025-03-01', '2024-12-31', ''];
		expect(found('3/1/2025…', dates, 'date')).toEqual(['2025-03-14', '2025-03-01']);
		expect(found('…2024', dates, 'date')).toEqual(['2024-12-31']);
		expect(found('…b', ['apple', 'Banana', 'cherry'])).toEqual(['apple', 'Banana']);
		expect(found('…', scores, 'number')).toEqual([]);
	});

	it('finds duplicates with ! alone: values that more than one record holds, never empty ones', () => {
		const companies = ['Acme', 'acme', 'Bell Labs', 'Globex', 'Bell Labs ', 'Café', 'cafe', '', ''];
		expect(found('!', companies)).toEqual([
			'Acme',
			'acme',
			'Bell Labs',
			'Bell Labs ',
			'Café',
			'cafe',
		]);
		expect(found('!', [5, '5', 5.0, 6, ''], 'number')).toEqual([5, '5', 5.0]);
		expect(found('!', ['2025-03-14', '2025-03-14', '2025-03-15'], 'date')).toEqual([
			'2025-03-14',
			'2025-03-14',
		]);
		expect(found('!', ['09:30:00', '9:30', '10:00:00'], 'time')).toEqual(['09:30:00', '9:30']);
		expect(found('!', ['only one'])).toEqual([]);
		expect(() => compileCriterion('!', 'text', TODAY)!('x')).toThrow('needs the values');
	});

	it('finds invalid dates, times and timestamps with ? alone; empty fields are not invalid', () => {
		const dates: FieldValue[] = ['2025-03-14', 'soon', '2025-02-30', 45000, ''];
		expect(found('?', dates, 'date')).toEqual(['soon', '2025-02-30', 45000]);
		expect(found('?', ['09:30:00', '9:75', 'noon', '37:30:00'], 'time')).toEqual(['9:75', 'noon']);
		expect(found('?', ['2025-03-14 09:30:00', '2025-03-14 25:00:00', 'x'], 'timestamp')).toEqual([
			'2025-03-14 25:00:00',
			'x',
		]);
		// Invalid values match no other date criterion.
		expect(found('>2000', dates, 'date')).toEqual(['2025-03-14']);
		expect(found('*', dates, 'date')).toEqual(['2025-03-14', 'soon', '2025-02-30', 45000]);
	});

	it('relaxes Japanese text with ~: kana, width, voicing marks and small kana fold together', () => {
		const names = [
			'ヤマダ タロウ',
			'やまだ たろう',
			'ﾔﾏﾀﾞ ﾀﾛｳ',
			'ヤマタ',
			'きっぷ',
			'キップ',
			'Ｔｏｋｙｏ',
			'山田',
		];
		expect(found('~やまだ', names)).toEqual([
			'ヤマダ タロウ',
			'やまだ たろう',
			'ﾔﾏﾀﾞ ﾀﾛｳ',
			'ヤマタ',
		]);
		expect(found('やまだ', names)).toEqual(['やまだ たろう']);
		expect(found('~きつふ', names)).toEqual(['きっぷ', 'キップ']);
		expect(found('~tokyo', names)).toEqual(['Ｔｏｋｙｏ']);
		expect(found('~たろう', names)).toEqual(['ヤマダ タロウ', 'やまだ たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ']);
		expect(found('~山田', names)).toEqual(['山田']);
		// On other field types ~ is accepted and the rest of the criterion applies as it is.
		expect(found('~20', [5, 20], 'number')).toEqual([20]);
		expect(found('~', names)).toEqual([]);
	});

	it('takes \\!, \\?, \\~ and \\… literally, as it does every other operator', () => {
		const values = ['Wow!', 'what?', '~tilde', 'and…so on', 'plain', 'plain'];
		expect(found('==Wow\\!', values)).toEqual(['Wow!']);
		expect(found('\\!', values)).toEqual([]);
		expect(found('==\\!', ['!', 'a!'])).toEqual(['!']);
		expect(found('==what\\?', values)).toEqual(['what?']);
		expect(found('==\\~tilde', values)).toEqual(['~tilde']);
		expect(found('==and\\…so on', values)).toEqual(['and…so on']);
		expect(found('"a…c"', ['a…c', 'b'])).toEqual(['a…c']);
		expect(found('1\\…5', [1, 3, 5], 'number')).toEqual([]);
		expect(found('\\?', ['2025-03-14', 'x'], 'date')).toEqual([]);
	});
});

describe('FileMaker sandbox: _find', () => {
	let fm: FileMakerSandbox;
	let api: DataApi;

	beforeAll(async () => {
		fm = await startFileMakerSandbox();
		api = new DataApi(fm);
		await api.login();
	});
	afterAll(() => fm.close());

	const names = (answer: Awaited<ReturnType<DataApi['find']>>) =>
		answer.body.response.data!.map(
			(entry) => `${entry.fieldData.firstName} ${entry.fieldData.lastName}`,
		);

	it('ANDs the fields of a request and ORs the requests, keeping record order', async () => {
		const answer = await api.find('Contacts', {
			query: [{ company: 'Bell Labs', status: 'Lead' }, { lastName: 'Hopper' }],
		});
		expect(names(answer)).toEqual(['Grace Hopper', 'Ken Thompson']);
		expect(answer.body.response.dataInfo).toEqual({
			database: 'Contacts',
			layout: 'Contacts',
			table: 'Contacts',
			totalRecordCount: 20,
			foundCount: 2,
			returnedCount: 2,
		});
	});

	it('removes omit requests from the found set, and starts from all records when the first request omits', async () => {
		const smiths = await api.find('Contacts', {
			query: [{ lastName: 'smith' }, { firstName: '==Johnny', omit: 'true' }],
		});
		expect(names(smiths)).toEqual(['John Smith', 'Jon Smith']);
		const notCustomers = await api.find('Contacts', {
			query: [
				{ status: 'Customer', omit: 'true' },
				{ status: 'Archived', omit: 'true' },
			],
		});
		expect(notCustomers.body.response.dataInfo!.foundCount).toBe(7);
	});

	it('finds through related fields: TO::Field matches when any related record matches', async () => {
		const answer = await api.find('Contact Details', {
			query: [{ 'Phones::number': '"555 102"' }],
		});
		expect(names(answer)).toEqual(['Grace Hopper']);
	});

	it('sorts, offsets and limits the found set (offset and limit as text or numbers)', async () => {
		const answer = await api.find('Contacts', {
			query: [{ status: 'Customer' }],
			sort: [{ fieldName: 'score', sortOrder: 'descend' }],
			offset: '2',
			limit: 3,
		});
		expect(answer.body.response.data!.map((entry) => entry.fieldData.score)).toEqual([95, 92, 91]);
		expect(answer.body.response.dataInfo).toMatchObject({ foundCount: 10, returnedCount: 3 });
	});

	it('answers 401 "No records match the request" in an HTTP 500 when nothing matches', async () => {
		const answer = await api.find('Contacts', { query: [{ email: '==nobody@example.com' }] });
		expect(answer.body).toEqual({
			messages: [{ code: '401', message: 'No records match the request' }],
			response: {},
		});
		expect(answer.status).toBe(500);
	});

	it('refuses GET-style keys, boolean omit, unknown fields, globals and empty requests', async () => {
		expect(
			errorOf(await api.find('Contacts', { query: [{ status: 'Lead' }], _limit: 5 })),
		).toMatchObject({
			status: 400,
			code: '960',
		});
		expect(
			errorOf(await api.find('Contacts', { query: [{ status: 'Lead', omit: true }] })),
		).toMatchObject({
			code: '960',
		});
		expect(errorOf(await api.find('Contacts', { query: [{ nope: 'x' }] }))).toMatchObject({
			code: '102',
		});
		expect(errorOf(await api.find('Contacts', { query: [{ gCurrentUser: 'x' }] }))).toMatchObject({
			code: '102',
		});
		expect(errorOf(await api.find('Contacts', { query: [{ status: '' }] }))).toEqual({
			status: 500,
			code: '400',
			message: 'Find criteria are empty',
		});
		expect(errorOf(await api.find('Contacts', {}))).toMatchObject({ code: '958' });
	});

	it('finds duplicate values with ! among all records of the table, and through related fields', async () => {
		const answer = await api.find('Contacts', { query: [{ company: '!' }] });
		expect(answer.body.response.data!.map((entry) => entry.fieldData.company)).toEqual([
			'Smith & Jones',
			'Smith & Jones',
			'Acme Corp',
			'Acme Corp',
			'Bell Labs',
			'Bell Labs',
		]);
		const customers = await api.find('Contacts', { query: [{ company: '!', status: 'Lead' }] });
		expect(names(customers)).toEqual(['John Smith', 'Johnny Smithson', 'Ken Thompson']);
		const omitted = await api.find('Contacts', { query: [{ company: '!', omit: 'true' }] });
		expect(omitted.body.response.dataInfo!.foundCount).toBe(14);

		const phones = fm.store.records('Contacts', 'Phones');
		fm.store.update('Contacts', 'Phones', phones[0].recordId, { number: '555 0000' });
		fm.store.update('Contacts', 'Phones', phones[phones.length - 1].recordId, {
			number: '555 0000',
		});
		const shared = await api.find('Contact Details', { query: [{ 'Phones::number': '!' }] });
		expect(shared.body.response.dataInfo!.foundCount).toBe(2);
	});

	it('finds invalid dates with ?, and … ranges, through _find', async () => {
		const created = await api.call('POST', api.layoutPath('Contacts', '/records'), {
			fieldData: { email: 'bad-date@example.com' },
		});
		fm.store.update('Contacts', 'Contacts', Number(created.body.response.recordId), {
			createdDate: 'someday',
		});
		const invalid = await api.find('Contacts', { query: [{ createdDate: '?' }] });
		expect(invalid.body.response.data!.map((entry) => entry.fieldData.email)).toEqual([
			'bad-date@example.com',
		]);
		const range = await api.find('Contacts', { query: [{ score: '90…95' }] });
		expect(range.body.response.data!.map((entry) => entry.fieldData.score)).toEqual([
			92, 95, 90, 91,
		]);
		const relaxed = await api.find('Contacts', { query: [{ lastName: '~ＨＯＰＰＥＲ' }] });
		expect(names(relaxed)).toEqual(['Grace Hopper']);
	});

	it('finds by date with // on the sandbox clock', async () => {
		await api.call('POST', api.layoutPath('Contacts', '/records'), {
			fieldData: { email: 'today@example.com' },
		});
		expect(names(await api.find('Contacts', { query: [{ createdDate: '//' }] }))).toEqual([' ']);
		fm.clock.advance(24 * 60 * 60 * 1000);
		await api.login(); // a day later the session has long expired
		expect(errorOf(await api.find('Contacts', { query: [{ createdDate: '//' }] }))).toMatchObject({
			code: '401',
		});
	});
});
