import type { INodeParameters } from 'n8n-workflow';

import type { CaptureServer } from '../../../sandbox/shared/capture-server';
import { startCaptureServer } from '../../../sandbox/shared/capture-server';
import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, startTestBed } from '../../helpers/filemaker';
import { contactsTable, odataNode } from '../../helpers/odata';

describe('FileMaker OData: answers as FileMaker sends them', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	const getMany = (options: INodeParameters = {}) =>
		odataNode({
			resource: 'row',
			operation: 'getMany',
			table: contactsTable,
			returnAll: true,
			options,
		});

	it('reads rows whose text holds raw control characters (FileMaker sends them unescaped)', async () => {
		bed.fm.store.insert(DATABASE, 'Contacts', { email: 'tab@example.com', notes: 'a\tb\nc' });
		bed.fm.odata.rawControlCharacters = true;
		const execution = await bed.engine.run({ nodes: [getMany()] });
		expect(execution.error).toBeUndefined();
		const row = execution.output().find((item) => item.json.email === 'tab@example.com');
		expect(row?.json.notes).toBe('a\tb\nc');
	});

	it('asks for decimals as text when "Exact Large Numbers" is on (IEEE754Compatible), as numbers otherwise', async () => {
		const grace = (execution: Awaited<ReturnType<typeof bed.engine.run>>) =>
			execution.output().find((item) => item.json.lastName === 'Hopper')?.json.score;
		expect(grace(await bed.engine.run({ nodes: [getMany()] }))).toBe(88);
		expect(grace(await bed.engine.run({ nodes: [getMany({ exactNumbers: true })] }))).toBe('88');
	});

	it("carries OData's code, the table and a hint in errors, and per item with Continue On Fail", async () => {
		const execution = await bed.engine.run({
			input: [{ json: { key: '2' } }, { json: { key: '9999' } }],
			nodes: [
				odataNode(
					{ resource: 'row', operation: 'get', table: contactsTable, key: '={{ $json.key }}' },
					{ continueOnFail: true },
				),
			],
		});
		const [found, missing] = execution.output();
		expect(found.json.lastName).toBe('Hopper');
		expect(missing.json).toMatchObject({
			error: expect.stringMatching(/OData error -1023; HTTP 404; table "Contacts", key 9999/),
			odataCode: '-1023',
			hint: expect.stringMatching(/No row has this key/),
		});
		expect(missing.pairedItem).toEqual({ item: 1 });
	});
});

describe('FileMaker OData: transport rules', () => {
	let bed: FileMakerTestBed;
	let elsewhere: CaptureServer;
	beforeEach(async () => {
		bed = await startTestBed({ credential: { timeoutSeconds: 1 } });
		elsewhere = await startCaptureServer();
	});
	afterEach(async () => {
		await bed.close();
		await elsewhere.close();
	});

	const getMany = odataNode({
		resource: 'row',
		operation: 'getMany',
		table: contactsTable,
		limit: 1,
	});

	it('sends no credential along a redirect to another host', async () => {
		bed.fm.faults.redirectNext({ location: `${elsewhere.url}/steal`, endpoint: 'odataRead' });
		const execution = await bed.engine.run({ nodes: [getMany] });
		expect(execution.error?.message).toMatch(/redirect \(HTTP 307\) to another server/);
		expect(elsewhere.requests).toEqual([]);
	});

	it('gives up on a server that does not answer, naming the timeout', async () => {
		bed.fm.faults.hangNext({ endpoint: 'odataRead' });
		const execution = await bed.engine.run({ nodes: [getMany] });
		expect(execution.error?.message).toMatch(/did not answer within 1 s/);
	});
});
