import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, PASSWORD, layout, startTestBed } from '../../helpers/filemaker';

const getMany = { resource: 'record', operation: 'getMany', layout: layout('Contacts') };

describe('FileMaker Data API node when the server misbehaves', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	it('re-logs in and carries on when FileMaker rejects the session in the middle of Return All', async () => {
		bed.fm.store.insertMany(DATABASE, 'Contacts', 2480, (index) => ({
			email: `r${index}@example.com`,
		}));
		await bed.engine.run({ nodes: [bed.node({ ...getMany, limit: 1 })] });
		bed.fm.faults.failNext({ status: 401, code: '952', endpoint: 'getRecords' });
		const execution = await bed.engine.run({
			nodes: [bed.node({ ...getMany, returnAll: true, options: { portals: 'none' } })],
		});
		expect(execution.error).toBeUndefined();
		expect(execution.output()).toHaveLength(2500);
		expect(bed.fm.counters.logins).toBe(2);
	});

	it('says the connection was closed when FileMaker Server drops it, with no secret in the error', async () => {
		await bed.engine.run({ nodes: [bed.node({ ...getMany, limit: 1 })] });
		const token = String((await bed.engine.credentials.stored('filemaker-sandbox')).sessionToken);
		bed.fm.faults.dropNext({ endpoint: 'getRecords' });
		const execution = await bed.engine.run({ nodes: [bed.node({ ...getMany, limit: 1 })] });
		expect(execution.error?.message).toMatch(
			/^Could not reach FileMaker Server at http:\/\/127\.0\.0\.1:\d+: the connection was closed/,
		);
		expect(execution.error?.description).toMatch(/ECONNRESET/);
		const serialized = JSON.stringify(execution.run.data) + JSON.stringify(execution.error);
		expect(serialized).not.toContain(token);
		expect(serialized).not.toContain(PASSWORD);
	});

	it('names a FileMaker error sent in an HTTP 500, and an HTTP error without a FileMaker answer', async () => {
		bed.fm.faults.failNext({
			status: 500,
			code: '802',
			message: 'Unable to open file',
			endpoint: 'getRecords',
		});
		const fileMakerError = await bed.engine.run({ nodes: [bed.node({ ...getMany, limit: 1 })] });
		expect(fileMakerError.error?.message).toBe(
			'Unable to open file (FileMaker error 802; layout "Contacts")',
		);
		expect(fileMakerError.error?.description).toMatch(/database name/);

		bed.fm.faults.rateLimitNext({ retryAfterSeconds: 30, endpoint: 'getRecords' });
		const throttled = await bed.engine.run({ nodes: [bed.node({ ...getMany, limit: 1 })] });
		expect(throttled.error?.message).toMatch(/HTTP 429/);
		expect(throttled.error?.description).toMatch(/Retry On Fail/);
	});

	it('waits for a slow server', async () => {
		bed.fm.faults.setLatency(300, 'find');
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'find',
					layout: layout('Contacts'),
					queryMode: 'json',
					query: '[{"lastName": "==Hopper"}]',
				}),
			],
		});
		expect(execution.output().map((item) => item.json.firstName)).toEqual(['Grace']);
	});

	it('reads through another layout of the same table when asked (layout.response)', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'get',
					layout: layout('Contacts'),
					recordId: '1',
					options: { responseLayout: 'Contact List' },
				}),
			],
		});
		expect(Object.keys(execution.output()[0].json).sort()).toEqual(
			['recordId', 'modId', 'id', 'firstName', 'lastName', 'email'].sort(),
		);
	});
});
