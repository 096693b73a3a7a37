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
