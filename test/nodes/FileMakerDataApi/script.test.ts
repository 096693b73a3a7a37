import type { INodeParameters } from 'n8n-workflow';

import { ScriptError } from '../../../sandbox/filemaker';
import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, layout, startTestBed } from '../../helpers/filemaker';

const contacts = layout('Contacts');
const script = (name: string) => ({ __rl: true, mode: 'list', value: name });

describe('Script', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	it('runs a script with a parameter and outputs its result', async () => {
		const execution = await bed.engine.run({
			input: [{ json: { text: 'hello' } }],
			nodes: [
				bed.node({
					resource: 'script',
					operation: 'run',
					layout: contacts,
					script: script('Log Webhook'),
					scriptParameter: '={{ $json.text }}',
				}),
			],
		});
		expect(execution.output()[0].json).toEqual({
			script: 'Log Webhook',
			scriptResult: 'logged',
			scriptError: '0',
		});
		expect(bed.fm.store.records(DATABASE, 'Log').map((row) => row.fields.message)).toContain(
			'hello',
		);
	});

	it('fails the item with the script error code by default', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'script',
					operation: 'run',
					layout: contacts,
					script: script('Fail'),
				}),
			],
		});
		expect(execution.error?.message).toBe('The script "Fail" ended with FileMaker error 3');
		expect(execution.error?.description).toMatch(/Output the Error/);
	});

	it('outputs the script error instead when configured', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'script',
					operation: 'run',
					layout: contacts,
					script: script('Fail'),
					options: { onScriptError: 'output' },
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		expect(execution.output()[0].json).toEqual({
			script: 'Fail',
			scriptResult: '',
			scriptError: '3',
		});
	});

	it('surfaces script errors of scripts attached to record operations', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'get',
					layout: contacts,
					recordId: '1',
					options: { preRequestScript: 'Fail' },
				}),
			],
		});
		expect(execution.error?.message).toBe(
			'The pre-request script "Fail" ended with FileMaker error 3',
		);
	});

	describe('attached to Get Many and Find, failing, with "Output the Error"', () => {
		let runs: number;
		beforeEach(() => {
			runs = 0;
			bed.fm.scripts.register(DATABASE, 'Fail', () => {
				runs++;
				throw new ScriptError(3, 'mail server down');
			});
		});

		const read = async (operation: string, options: INodeParameters, extra = {}) =>
			await bed.engine.run({
				nodes: [
					bed.node({
						resource: 'record',
						operation,
						layout: contacts,
						queryMode: 'json',
						query: '[{"status": "Lead"}]',
						returnAll: true,
						options: { portals: 'none', ...options },
						...extra,
					}),
				],
			});
		const recordIds = (execution: Awaited<ReturnType<typeof read>>) =>
			execution.output().map((item) => item.json.recordId);

		it.each(['getMany', 'find'])(
			'%s keeps every record, on every page, and adds the error to each',
			async (operation) => {
				const plain = await read(operation, { pageSize: 3 });
				const execution = await read(operation, {
					pageSize: 3,
					script: 'Fail',
					onScriptError: 'output',
				});
				expect(execution.error).toBeUndefined();
				expect(recordIds(plain).length).toBeGreaterThan(3);
				expect(recordIds(execution)).toEqual(recordIds(plain));
				for (const item of execution.output()) {
					expect(item.json).toMatchObject({ scriptError: '3', scriptResult: 'mail server down' });
				}
				expect(runs).toBe(1);
			},
		);

		it('keeps the records when the pre-sort script fails', async () => {
			const execution = await read('find', { preSortScript: 'Fail', onScriptError: 'output' });
			expect(execution.output()).toHaveLength(7);
			for (const item of execution.output()) {
				expect(item.json).toMatchObject({ 'scriptError.presort': '3', status: 'Lead' });
			}
		});

		it('fails the item without "Output the Error"', async () => {
			const execution = await read('getMany', { script: 'Fail' });
			expect(execution.error?.message).toBe('The script "Fail" ended with FileMaker error 3');
		});
	});

	it('names a missing script (FileMaker error 104)', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'script',
					operation: 'run',
					layout: contacts,
					script: script('Nope'),
				}),
			],
		});
		expect(execution.error?.message).toMatch(/104/);
	});

	it('lists scripts with their folders, without separators', async () => {
		const execution = await bed.engine.run({
			nodes: [bed.node({ resource: 'script', operation: 'getMany' })],
		});
		expect(execution.output().map((item) => item.json)).toEqual(
			expect.arrayContaining([
				{ name: 'Log Webhook', folder: 'Webhooks' },
				{ name: 'Echo', folder: '' },
			]),
		);
		expect(execution.output().some((item) => item.json.name === '-')).toBe(false);
	});
});
