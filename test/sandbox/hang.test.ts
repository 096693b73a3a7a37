import { startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { DataApi } from './data-api';

describe('FileMaker sandbox: hangNext', () => {
	let fm: FileMakerSandbox;
	let api: DataApi;

	beforeAll(async () => {
		fm = await startFileMakerSandbox();
		api = new DataApi(fm);
		await api.login();
	});
	afterAll(() => fm.close());
	beforeEach(() => {
		fm.faults.reset();
		fm.counters.reset();
	});

	const layouts = (signal?: AbortSignal) =>
		fetch(api.url('/databases/Contacts/layouts'), {
			headers: { Authorization: `Bearer ${api.token}` },
			signal,
		});

	/** Resolves once the sandbox has counted `count` requests to `layouts`. */
	const arrived = async (count: number) => {
		while (fm.counters.requests('layouts') < count) await new Promise((r) => setTimeout(r, 5));
	};

	it('accepts the request and never answers, so the client times out', async () => {
		fm.faults.hangNext({ endpoint: 'layouts' });
		const started = performance.now();
		await expect(layouts(AbortSignal.timeout(150))).rejects.toThrow(
			expect.objectContaining({ name: 'TimeoutError' }),
		);
		expect(performance.now() - started).toBeGreaterThanOrEqual(140);
		expect(fm.counters.requests('layouts')).toBe(1);
		expect((await layouts()).status).toBe(200);
	});

	it('hangs only the matching requests; others are answered meanwhile', async () => {
		fm.faults.hangNext({ endpoint: 'layouts', count: 2 });
		const controller = new AbortController();
		const hung = [layouts(controller.signal), layouts(controller.signal)];
		for (const pending of hung) pending.catch(() => undefined);
		await arrived(2);
		expect((await api.get('/productInfo')).status).toBe(200);
		expect((await layouts()).status).toBe(200);
		controller.abort();
		await expect(Promise.all(hung)).rejects.toThrow();
	});

	it('is offered over the control API', async () => {
		const armed = await fetch(`${fm.url}/__sandbox/hang-next`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ endpoint: 'layouts' }),
		});
		expect(await armed.json()).toEqual({ ok: true });
		await expect(layouts(AbortSignal.timeout(100))).rejects.toThrow();
		expect((await layouts()).status).toBe(200);
	});

	it('does not keep close() waiting: hung connections are destroyed', async () => {
		const other = await startFileMakerSandbox();
		const client = new DataApi(other);
		await client.login();
		other.faults.hangNext({ count: 3 });
		const hung = [1, 2, 3].map(() =>
			fetch(client.url('/databases/Contacts/layouts'), {
				headers: { Authorization: `Bearer ${client.token}` },
			}),
		);
		for (const pending of hung) pending.catch(() => undefined);
		while (other.counters.requests('layouts') < 3) await new Promise((r) => setTimeout(r, 5));

		// Were the hung connections kept, close() would never resolve and the test would time out.
		await other.close();
		for (const pending of hung) await expect(pending).rejects.toThrow();
	});
});
