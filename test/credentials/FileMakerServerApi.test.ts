import type { FileMakerTestBed } from '../helpers/filemaker';
import { CREDENTIAL_ID, PASSWORD, layout, startTestBed } from '../helpers/filemaker';

const findSmith = {
	resource: 'record',
	operation: 'find',
	layout: layout('Contacts'),
	queryMode: 'json',
	query: JSON.stringify([{ lastName: 'Smith' }]),
	returnAll: true,
};

describe('FileMaker Server credential: one Data API session for every execution', () => {
	let bed: FileMakerTestBed;

	beforeEach(async () => {
		bed = await startTestBed();
	});

	afterEach(async () => await bed.close());

	it('logs in once for 100 executions and keeps the token in the stored credential', async () => {
		for (let run = 0; run < 100; run++) {
			const execution = await bed.engine.run({ nodes: [bed.node(findSmith)] });
			expect(execution.error).toBeUndefined();
			expect(execution.output().length).toBeGreaterThan(0);
		}
		expect(bed.fm.counters.logins).toBe(1);
		expect(bed.fm.counters.requests('find')).toBe(100);
		const stored = await bed.engine.credentials.stored(CREDENTIAL_ID);
		expect(stored.sessionToken).toEqual(expect.any(String));
		expect(bed.fm.sessions.activeCount()).toBe(1);
	});

	it('logs in once more after FileMaker expired the session, and the user sees no error', async () => {
		await bed.engine.run({ nodes: [bed.node(findSmith)] });
		const firstToken = (await bed.engine.credentials.stored(CREDENTIAL_ID)).sessionToken;
		bed.fm.faults.expireAllSessions();

		const execution = await bed.engine.run({ nodes: [bed.node(findSmith)] });

		expect(execution.error).toBeUndefined();
		expect(execution.output().length).toBeGreaterThan(0);
		expect(bed.fm.counters.logins).toBe(2);
		const secondToken = (await bed.engine.credentials.stored(CREDENTIAL_ID)).sessionToken;
		expect(secondToken).not.toBe(firstToken);
		await bed.engine.run({ nodes: [bed.node(findSmith)] });
		expect(bed.fm.counters.logins).toBe(2);
	});

	it('survives the 15-minute idle timeout the same way', async () => {
		await bed.engine.run({ nodes: [bed.node(findSmith)] });
		bed.fm.clock.advance(14 * 60_000);
		await bed.engine.run({ nodes: [bed.node(findSmith)] });
		expect(bed.fm.counters.logins).toBe(1);

		bed.fm.clock.advance(15 * 60_000 + 1_000);
		const execution = await bed.engine.run({ nodes: [bed.node(findSmith)] });
		expect(execution.error).toBeUndefined();
		expect(bed.fm.counters.logins).toBe(2);
	});

	it('lets 10 concurrent executions with an empty session share one login', async () => {
		// A login slow enough that every execution asks for a session while it runs.
		bed.fm.faults.setLatency(200, 'login');
		const executions = await Promise.all(
			Array.from(
				{ length: 10 },
				async () => await bed.engine.run({ nodes: [bed.node(findSmith)] }),
			),
		);
		for (const execution of executions) {
			expect(execution.error).toBeUndefined();
			expect(execution.output().length).toBeGreaterThan(0);
		}
		expect(bed.fm.counters.logins).toBe(1);
		expect(bed.fm.counters.requests('login')).toBe(1);
		// All ten waited on the one login in flight: no token needed checking.
		expect(bed.fm.counters.requests('validateSession')).toBe(0);
	});

	it('lets 10 concurrent executions share one re-login after the session expired', async () => {
		await bed.engine.run({ nodes: [bed.node(findSmith)] });
		bed.fm.faults.expireAllSessions();
		bed.fm.faults.setLatency(200, 'login');
		const executions = await Promise.all(
			Array.from(
				{ length: 10 },
				async () => await bed.engine.run({ nodes: [bed.node(findSmith)] }),
			),
		);
		expect(executions.map((execution) => execution.error)).toEqual(Array(10).fill(undefined));
		expect(bed.fm.counters.logins).toBe(2);
		// All ten waited on the one re-login in flight: none needed a validateSession check.
		expect(bed.fm.counters.requests('validateSession')).toBe(0);
	});

	it('shares the session with dropdowns: loading layouts does not log in again', async () => {
		await bed.engine.run({ nodes: [bed.node(findSmith)] });
		const layouts = await bed.engine.listSearch(bed.node(findSmith), 'searchLayouts');
		expect(layouts.results.map((result) => result.value)).toContain('Contacts');
		const fields = await bed.engine.loadOptions(bed.node(findSmith), 'getFields');
		expect(fields.map((field) => field.value)).toContain('email');
		expect(bed.fm.counters.logins).toBe(1);
		expect(bed.fm.counters.logouts).toBe(0);
	});
});

describe('FileMaker Server credential: errors', () => {
	it('names FileMaker error 212 for a wrong password, without the password or a token', async () => {
		const bed = await startTestBed({ credential: { password: 'not-the-password' } });
		try {
			const execution = await bed.engine.run({ nodes: [bed.node(findSmith)] });
			const error = execution.error;
			expect(error?.message).toMatch(/refused the login/);
			expect(error?.message).toMatch(/212/);
			expect(error?.description).toMatch(/password/i);
			const serialized = JSON.stringify(execution.run.data) + JSON.stringify(error);
			expect(serialized).not.toContain('not-the-password');
			expect(serialized).not.toContain(PASSWORD);
			expect(serialized).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
			expect(bed.fm.counters.failedLogins).toBe(1);
		} finally {
			await bed.close();
		}
	});

	it('says what is wrong with a server URL without a scheme', async () => {
		const bed = await startTestBed({ credential: { serverUrl: 'fms.example.com' } });
		try {
			const execution = await bed.engine.run({ nodes: [bed.node(findSmith)] });
			expect(execution.error?.message).toMatch(/not a URL.*https:\/\//);
			expect(bed.fm.counters.requests()).toBe(0);
		} finally {
			await bed.close();
		}
	});

	it('says the server cannot be reached, and where', async () => {
		const bed = await startTestBed();
		const url = bed.fm.url;
		await bed.close();
		const execution = await bed.engine.run({ nodes: [bed.node(findSmith)] });
		expect(execution.error?.message).toContain(`Could not reach FileMaker Server at ${url}`);
		expect(execution.error?.description).toMatch(/ECONNREFUSED/);
	});
});

describe('FileMaker Server credential: TLS', () => {
	it('refuses a self-signed certificate by default and says how to allow it', async () => {
		const bed = await startTestBed({ https: true });
		try {
			const execution = await bed.engine.run({ nodes: [bed.node(findSmith)] });
			expect(execution.error?.message).toMatch(/TLS certificate .* is not trusted/);
			expect(execution.error?.description).toMatch(/Allow Self-Signed Certificates/);
			expect(bed.fm.counters.logins).toBe(0);
		} finally {
			await bed.close();
		}
	});

	it('connects to a self-signed server when the credential allows it', async () => {
		const bed = await startTestBed({ https: true, credential: { allowSelfSigned: true } });
		try {
			expect(bed.fm.url).toMatch(/^https:/);
			const execution = await bed.engine.run({ nodes: [bed.node(findSmith)] });
			expect(execution.error).toBeUndefined();
			expect(execution.output().length).toBeGreaterThan(0);
		} finally {
			await bed.close();
		}
	});
});
