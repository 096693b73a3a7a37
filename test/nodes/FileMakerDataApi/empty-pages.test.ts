import type { FileMakerSandbox } from '../../../sandbox/filemaker';
import { EMPTY_TABLE, startFileMakerSandbox } from '../../../sandbox/filemaker';
import { Engine } from '../../engine/engine';
import { CREDENTIAL_ID, credentialData, layout } from '../../helpers/filemaker';

/** FileMaker Server answers 101 "Record is missing" (HTTP 500) for a page with no records. */
describe('Get Many where FileMaker answers 101 for an empty page', () => {
	let fm: FileMakerSandbox;
	let engine: Engine;

	beforeEach(async () => {
		fm = await startFileMakerSandbox({ emptyTable: true });
		engine = new Engine();
		await engine.addCredential(CREDENTIAL_ID, 'fileMakerServerApi', credentialData(fm));
	});

	afterEach(async () => await fm.close());

	const run = async (parameters: Record<string, unknown>) =>
		await engine.run({
			nodes: [
				{
					parameters: { resource: 'record', operation: 'getMany', ...parameters },
					credentials: { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'FileMaker sandbox' } },
				},
			],
		});

	it.each([
		['Return All', { returnAll: true }],
		['a Limit', { limit: 10 }],
	])('returns no items and no error on an empty layout (%s)', async (_mode, paging) => {
		const execution = await run({ layout: layout(EMPTY_TABLE), ...paging });
		expect(execution.error).toBeUndefined();
		expect(execution.output()).toEqual([]);
		expect(fm.counters.requests('getRecords')).toBe(1);
	});

	it('still fails a Get of a record ID that does not exist with 101', async () => {
		const execution = await engine.run({
			nodes: [
				{
					parameters: {
						resource: 'record',
						operation: 'get',
						layout: layout('Contacts'),
						recordId: '9999',
					},
					credentials: { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'FileMaker sandbox' } },
				},
			],
		});
		expect(execution.error?.message).toMatch(/FileMaker error 101/);
	});
});
