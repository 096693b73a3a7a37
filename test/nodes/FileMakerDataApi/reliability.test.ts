import { startCaptureServer } from '../../../sandbox/shared/capture-server';
import type { CaptureServer } from '../../../sandbox/shared/capture-server';
import type { FileMakerTestBed } from '../../helpers/filemaker';
import { CREDENTIAL_ID, DATABASE, PASSWORD, layout, startTestBed } from '../../helpers/filemaker';

const getMany = { resource: 'record', operation: 'getMany', layout: layout('Contacts') };
const getOne = { ...getMany, limit: 1 };
const create = {
	resource: 'record',
	operation: 'create',
	layout: layout('Contacts'),
	dataMode: 'json',
	fieldData: '{"email": "once@example.com"}',
};

async function until(condition: () => boolean) {
	while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** Runs `test` twice: over this package's kept-alive connections, and through n8n's helper only. */
const transports = [
	['kept-alive connections', {}],
	// With a proxy configured, every request goes through n8n's helper (NO_PROXY keeps loopback direct).
	['n8n’s HTTP helper', { HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '127.0.0.1,localhost' }],
] as const;

describe.each(transports)('Transport rules, over %s', (_name, environment) => {
	let bed: FileMakerTestBed;
	const saved: Record<string, string | undefined> = {};

	beforeEach(async () => {
		for (const [name, value] of Object.entries(environment)) {
			saved[name] = process.env[name];
			process.env[name] = value;
		}
		bed = await startTestBed({
			credential: { timeoutSeconds: 1, busyRetries: 2, maxRetryWaitSeconds: 5 },
		});
		// An open session first, so the requests below are node requests, not the login.
		expect((await bed.engine.run({ nodes: [bed.node(getOne)] })).error).toBeUndefined();
		bed.fm.counters.reset();
	});

	afterEach(async () => {
		await bed.close();
		for (const name of Object.keys(environment)) {
			if (saved[name] === undefined) delete process.env[name];
			else process.env[name] = saved[name];
		}
	});

	it('gives up on a server that does not answer, naming the timeout', async () => {
		bed.fm.faults.hangNext({ endpoint: 'getRecords' });
		const execution = await bed.engine.run({ nodes: [bed.node(getOne)] });
		expect(execution.error?.message).toMatch(
			/^FileMaker Server at http:\/\/127\.0\.0\.1:\d+ did not answer within 1 s \(the credential's Timeout\)$/,
		);
		expect(execution.error?.description).toMatch(/Timeout \(Seconds\)/);
		expect(bed.fm.counters.requests('getRecords')).toBe(1);
	});

	it('waits for Retry-After on 429 and 503, then succeeds', async () => {
		bed.fm.faults.rateLimitNext({ retryAfterSeconds: 1, endpoint: 'getRecords' });
		bed.fm.faults.rateLimitNext({
			retryAfterSeconds: 0,
			status: 503,
			retryAfterDate: true,
			endpoint: 'getRecords',
		});
		const execution = await bed.engine.run({ nodes: [bed.node(getOne)] });
		expect(execution.error).toBeUndefined();
		expect(execution.output()).toHaveLength(1);
		expect(bed.fm.counters.requests('getRecords')).toBe(3);
	});

	it('stops after the configured retries, saying the server is busy', async () => {
		bed.fm.faults.rateLimitNext({ retryAfterSeconds: 0, count: 5, endpoint: 'getRecords' });
		const execution = await bed.engine.run({ nodes: [bed.node(getOne)] });
		expect(execution.error?.message).toMatch(/is busy: it answered HTTP 429 3 times in a row/);
		expect(execution.error?.description).toMatch(/Retries When Busy/);
		expect(bed.fm.counters.requests('getRecords')).toBe(3);
	});

	it('fails at once when Retry-After asks for longer than the credential allows', async () => {
		bed.fm.faults.rateLimitNext({ retryAfterSeconds: 120, status: 503, endpoint: 'getRecords' });
		const execution = await bed.engine.run({ nodes: [bed.node(getOne)] });
		expect(execution.error?.message).toMatch(
			/asked to wait 120 s before a retry, longer than the 5 s/,
		);
		expect(bed.fm.counters.requests('getRecords')).toBe(1);
	});

	it('retries a read once after a connection reset, and says so when it happens twice', async () => {
		bed.fm.faults.dropNext({ endpoint: 'getRecords' });
		const once = await bed.engine.run({ nodes: [bed.node(getOne)] });
		expect(once.error).toBeUndefined();
		expect(bed.fm.counters.requests('getRecords')).toBe(2);

		bed.fm.faults.dropNext({ endpoint: 'getRecords', count: 2 });
		const token = String((await bed.engine.credentials.stored(CREDENTIAL_ID)).sessionToken);
		const twice = await bed.engine.run({ nodes: [bed.node(getOne)] });
		expect(twice.error?.message).toMatch(
			/^Could not reach FileMaker Server at http:\/\/127\.0\.0\.1:\d+: the connection was closed/,
		);
		const serialized = JSON.stringify(twice.run.data) + JSON.stringify(twice.error);
		expect(serialized).not.toContain(token);
		expect(serialized).not.toContain(PASSWORD);
	});

	it('never sends a write twice after a connection reset', async () => {
		const before = bed.fm.store.count(DATABASE, 'Contacts');
		bed.fm.faults.dropNext({ endpoint: 'createRecord' });
		const execution = await bed.engine.run({ nodes: [bed.node(create)] });
		expect(execution.error?.message).toMatch(/the connection was closed/);
		expect(bed.fm.counters.requests('createRecord')).toBe(1);
		expect(bed.fm.store.count(DATABASE, 'Contacts')).toBe(before);
	});

	it('re-logs in once when FileMaker ends the session in the middle of Return All', async () => {
		bed.fm.store.insertMany(DATABASE, 'Contacts', 2480, (index) => ({
			email: `r${index}@example.com`,
		}));
		bed.fm.faults.setLatency(5, 'getRecords');
		const running = bed.engine.run({
			nodes: [
				bed.node({ ...getMany, returnAll: true, options: { portals: 'none', pageSize: 500 } }),
			],
		});
		await until(() => bed.fm.counters.requests('getRecords') >= 2);
		bed.fm.faults.expireAllSessions();
		const execution = await running;
		expect(execution.error).toBeUndefined();
		expect(execution.output()).toHaveLength(2500);
		expect(new Set(execution.output().map((item) => item.json.recordId)).size).toBe(2500);
		expect(bed.fm.counters.logins).toBe(1);
	});
});

describe('Credentials never follow a redirect to another host', () => {
	let bed: FileMakerTestBed;
	let elsewhere: CaptureServer;

	beforeEach(async () => {
		bed = await startTestBed();
		elsewhere = await startCaptureServer();
	});

	afterEach(async () => {
		await bed.close();
		await elsewhere.close();
	});

	it('at login: the other host receives nothing, and the error says why', async () => {
		bed.fm.faults.redirectNext({ location: `${elsewhere.url}/steal`, endpoint: 'login' });
		const execution = await bed.engine.run({ nodes: [bed.node(getOne)] });
		expect(execution.error?.message).toMatch(
			/answered with a redirect \(HTTP 307\) to another server, http:\/\/127\.0\.0\.1:\d+\. Requests that carry the credential do not follow redirects, so nothing was sent there\./,
		);
		expect(execution.error?.description).toMatch(/new address as the server URL/);
		expect(elsewhere.requests).toEqual([]);
	});

	it.each(['getRecords', 'find'] as const)(
		'on a node request (%s) with a session: the token stays home',
		async (endpoint) => {
			await bed.engine.run({ nodes: [bed.node(getOne)] });
			bed.fm.faults.redirectNext({ location: `${elsewhere.url}/steal`, endpoint, status: 308 });
			const node =
				endpoint === 'find'
					? {
							resource: 'record',
							operation: 'find',
							layout: layout('Contacts'),
							queryMode: 'json',
							query: '[{"lastName": "Smith"}]',
						}
					: getOne;
			const execution = await bed.engine.run({ nodes: [bed.node(node)] });
			expect(execution.error?.message).toMatch(/redirect \(HTTP 308\) to another server/);
			expect(elsewhere.requests).toEqual([]);
		},
	);
});

describe('Connections to a remote server over https', () => {
	const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
	let bed: FileMakerTestBed;

	beforeEach(async () => {
		bed = await startTestBed({ https: true, credential: { allowSelfSigned: true } });
		// The first execution logs in (through n8n's helper); the second opens the kept connection.
		for (let run = 0; run < 2; run++) {
			expect((await bed.engine.run({ nodes: [bed.node(getOne)] })).error).toBeUndefined();
		}
	});

	afterEach(async () => {
		await bed.close();
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	});

	async function connectionsFor(executions: number): Promise<number> {
		const before = bed.fm.connections();
		for (let run = 0; run < executions; run++) {
			expect((await bed.engine.run({ nodes: [bed.node(getOne)] })).error).toBeUndefined();
		}
		return bed.fm.connections() - before;
	}

	it('are kept open: 20 executions with a session need no new TLS handshake', async () => {
		expect(await connectionsFor(20)).toBe(0);
	});

	it("are opened per request through n8n's helper (with a proxy configured), as n8n does", async () => {
		process.env.HTTP_PROXY = 'http://127.0.0.1:9';
		process.env.NO_PROXY = '127.0.0.1,localhost';
		expect(await connectionsFor(20)).toBe(20);
	});
});
