import { ScriptError, startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { DataApi, errorOf, OK } from './data-api';

describe('FileMaker sandbox: scripts', () => {
	let fm: FileMakerSandbox;
	let api: DataApi;
	const calls: string[] = [];

	beforeAll(async () => {
		fm = await startFileMakerSandbox({
			scripts: {
				Contacts: {
					Trace: ({ parameter }) => {
						calls.push(parameter);
						return `traced ${parameter}`;
					},
					'Slow Echo': async ({ parameter }) => {
						await new Promise((resolve) => setTimeout(resolve, 5));
						return parameter;
					},
					Throws: () => {
						throw new Error('a bug in the script');
					},
					'Error With Result': () => {
						throw new ScriptError(401, 'nothing found');
					},
					Quiet: () => undefined,
				},
			},
		});
		api = new DataApi(fm);
		await api.login();
	});
	afterAll(() => fm.close());
	beforeEach(() => {
		calls.length = 0;
	});

	const runScript = (name: string, parameter?: string) =>
		api.get(
			api.layoutPath('Contacts', `/script/${encodeURIComponent(name)}`),
			parameter === undefined ? {} : { 'script.param': parameter },
		);

	it('runs a script on its own: scriptResult and scriptError "0"', async () => {
		expect((await runScript('Echo', 'hello')).body).toEqual({
			response: { scriptResult: 'hello', scriptError: '0' },
			messages: OK,
		});
		expect((await runScript('Slow Echo', 'later')).body.response.scriptResult).toBe('later');
		expect((await runScript('Count Contacts')).body.response.scriptResult).toBe('20');
	});

	it('leaves scriptResult out when the script returns nothing', async () => {
		expect((await runScript('Quiet')).body.response).toEqual({ scriptError: '0' });
	});

	it('reports a failing script in scriptError of a successful response', async () => {
		const answer = await runScript('Fail');
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ response: { scriptError: '3' }, messages: OK });
		expect((await runScript('Error With Result')).body.response).toEqual({
			scriptResult: 'nothing found',
			scriptError: '401',
		});
		expect((await runScript('Throws')).body.response).toEqual({ scriptError: '5' });
	});

	it('answers 104 for a script that does not exist', async () => {
		expect(errorOf(await runScript('No Such Script'))).toEqual({
			status: 500,
			code: '104',
			message: 'Script is missing',
		});
		expect(errorOf(await api.get(api.layoutPath('Nope', '/script/Echo')))).toMatchObject({
			code: '105',
		});
	});

	it('runs pre-request, pre-sort and after scripts in order, their results at the top of the response', async () => {
		const answer = await api.find('Contacts', {
			query: [{ status: 'Lead' }],
			limit: 1,
			script: 'Trace',
			'script.param': 'after',
			'script.prerequest': 'Trace',
			'script.prerequest.param': 'prerequest',
			'script.presort': 'Trace',
			'script.presort.param': 'presort',
		});
		expect(calls).toEqual(['prerequest', 'presort', 'after']);
		expect(Object.keys(answer.body.response)).toEqual([
			'scriptResult.prerequest',
			'scriptError.prerequest',
			'scriptResult.presort',
			'scriptError.presort',
			'scriptResult',
			'scriptError',
			'dataInfo',
			'data',
		]);
		expect(answer.body.response).toMatchObject({
			'scriptResult.prerequest': 'traced prerequest',
			'scriptResult.presort': 'traced presort',
			scriptResult: 'traced after',
			scriptError: '0',
		});
	});

	it('takes script keys as query parameters on GET and DELETE', async () => {
		const get = await api.get(api.layoutPath('Contacts', '/records/1'), {
			script: 'Echo',
			'script.param': 'x',
		});
		expect(get.body.response).toMatchObject({ scriptResult: 'x', scriptError: '0' });
		const created = await api.call('POST', api.layoutPath('Contacts', '/records'), {
			fieldData: { email: 'scripted@example.com' },
		});
		const deleted = await api.call(
			'DELETE',
			api.layoutPath(
				'Contacts',
				`/records/${created.body.response.recordId}?script=Echo&script.param=gone`,
			),
		);
		expect(deleted.body.response).toEqual({ scriptResult: 'gone', scriptError: '0' });
	});

	it('fails the whole request with 104 when a record call names a missing script', async () => {
		const answer = await api.call('PATCH', api.layoutPath('Contacts', '/records/1'), {
			fieldData: { notes: 'should not be written' },
			script: 'No Such Script',
		});
		expect(errorOf(answer)).toMatchObject({ status: 500, code: '104' });
		expect(fm.store.record('Contacts', 'Contacts', 1)!.fields.notes).not.toBe(
			'should not be written',
		);
	});

	it('runs the demo scripts against the data: Log Webhook and Touch Contact', async () => {
		const payload = JSON.stringify({ event: 'signup', email: 'x@example.com' });
		const logged = await api.call('POST', api.layoutPath('Contacts', '/records'), {
			fieldData: { email: 'webhook@example.com' },
			script: 'Log Webhook',
			'script.param': payload,
		});
		expect(logged.body.response).toMatchObject({ scriptResult: 'logged', scriptError: '0' });
		expect(fm.store.records('Contacts', 'Log').at(-1)!.fields).toMatchObject({
			source: 'webhook',
			message: payload,
		});

		const before = fm.store.record('Contacts', 'Contacts', 4)!.modId;
		const touched = await runScript(
			'Touch Contact',
			JSON.stringify({ recordId: 4, status: 'Archived' }),
		);
		expect(touched.body.response).toEqual({ scriptResult: 'touched', scriptError: '0' });
		expect(fm.store.record('Contacts', 'Contacts', 4)!.fields.status).toBe('Archived');
		expect(fm.store.record('Contacts', 'Contacts', 4)!.modId).toBe(before + 1);
		expect((await runScript('Touch Contact', '999')).body.response).toEqual({ scriptError: '101' });
	});

	it('lists scripts with folders, including scripts registered in the test', async () => {
		const answer = await api.get('/databases/Contacts/scripts');
		expect(answer.body.response.scripts).toEqual([
			{
				name: 'Webhooks',
				isFolder: true,
				folderScriptNames: [{ name: 'Log Webhook', isFolder: false }],
			},
			{
				name: 'Contacts',
				isFolder: true,
				folderScriptNames: [
					{ name: 'Touch Contact', isFolder: false },
					{ name: 'Count Contacts', isFolder: false },
				],
			},
			{ name: 'Echo', isFolder: false },
			{ name: 'Utilities', isFolder: true, folderScriptNames: [{ name: 'Fail', isFolder: false }] },
			...['Trace', 'Slow Echo', 'Throws', 'Error With Result', 'Quiet'].map((name) => ({
				name,
				isFolder: false,
			})),
		]);
	});

	it('registers scripts at run time', async () => {
		fm.scripts.register('Contacts', 'Late', ({ recordId, layout }) => `${layout}:${recordId}`);
		const answer = await api.get(api.layoutPath('Contacts', '/records/2'), { script: 'Late' });
		expect(answer.body.response.scriptResult).toBe('Contacts:2');
	});
});
