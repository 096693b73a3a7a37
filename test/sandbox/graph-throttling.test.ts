import { ALICE, call, errorOf, startWorld, type GraphWorld } from './graph-client';

describe('Graph sandbox: throttling and other faults', () => {
	let world: GraphWorld;
	let token: string;
	const list = `/users/${ALICE.id}/messages`;

	beforeAll(async () => {
		world = await startWorld();
		token = world.appToken();
	});
	afterAll(() => world.graph.close());
	beforeEach(() => {
		world.graph.faults.reset();
		world.graph.counters.reset();
	});

	it('answers 429 TooManyRequests with Retry-After seconds (rateLimitNext), then serves again', async () => {
		world.graph.faults.rateLimitNext({ retryAfterSeconds: 7, endpoint: 'list', count: 2 });
		const other = await call(world.graph, 'GET', `/users/${ALICE.id}/mailFolders`, { token });
		expect(other.status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const throttled = await call(world.graph, 'GET', list, { token });
			expect(throttled.status).toBe(429);
			expect(throttled.headers.get('retry-after')).toBe('7');
			expect(errorOf(throttled)).toEqual({
				code: 'TooManyRequests',
				message: 'Please retry again later.',
				innerError: expect.objectContaining({
					code: '429',
					status: '429',
					message: 'Please retry after',
					'request-id': throttled.headers.get('request-id'),
				}),
			});
		}
		expect((await call(world.graph, 'GET', list, { token })).status).toBe(200);
		expect(world.graph.counters.event('throttled')).toBe(2);
		expect(world.graph.counters.requests('list')).toBe(3);
	});

	it('sends Retry-After as an HTTP date, and 503 ServiceNotAvailable', async () => {
		world.graph.faults.rateLimitNext({
			retryAfterSeconds: 5,
			retryAfterDate: true,
			endpoint: 'send',
		});
		const dated = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
			token,
			body: {},
		});
		expect(dated.status).toBe(429);
		const at = Date.parse(dated.headers.get('retry-after') ?? '');
		expect(at - Date.now()).toBeGreaterThan(3000);
		world.graph.faults.rateLimitNext({ retryAfterSeconds: 2, status: 503 });
		const unavailable = await call(world.graph, 'GET', list, { token });
		expect(unavailable.status).toBe(503);
		expect(unavailable.headers.get('retry-after')).toBe('2');
		expect(errorOf(unavailable).code).toBe('ServiceNotAvailable');
		expect(world.graph.counters.event('serviceUnavailable')).toBe(1);
	});

	it("throttles with a fractional Retry-After as Graph's throttling page shows (throttleNext)", async () => {
		world.graph.faults.throttleNext({ retryAfterSeconds: 2.128, endpoint: 'get' });
		const listed = await call(world.graph, 'GET', list, { token });
		expect(listed.status).toBe(200);
		const id = world.graph.mail.deliver({ subject: 'x', to: [ALICE.address] }).id;
		const throttled = await call(world.graph, 'GET', `${list}/${id}`, { token });
		expect(throttled.status).toBe(429);
		expect(throttled.headers.get('retry-after')).toBe('2.128');
	});

	it('throttles every Nth request in a storm until stopped', async () => {
		world.graph.faults.throttleEvery(3, { retryAfterSeconds: 1 });
		const statuses: number[] = [];
		for (let i = 0; i < 9; i++)
			statuses.push((await call(world.graph, 'GET', list, { token })).status);
		expect(statuses).toEqual([200, 200, 429, 200, 200, 429, 200, 200, 429]);
		world.graph.faults.stopThrottling();
		expect((await call(world.graph, 'GET', list, { token })).status).toBe(200);
		expect(world.graph.counters.event('throttled')).toBe(3);
	});

	it('fails, drops and hangs requests on demand', async () => {
		world.graph.faults.failNext({ status: 500, endpoint: 'list' });
		const failed = await call(world.graph, 'GET', list, { token });
		expect(failed.status).toBe(500);
		expect(errorOf(failed).code).toBe('generalException');
		world.graph.faults.failNext({ status: 404, code: 'ErrorItemNotFound', message: 'gone' });
		expect(errorOf(await call(world.graph, 'GET', list, { token }))).toMatchObject({
			code: 'ErrorItemNotFound',
			message: 'gone',
		});
		world.graph.faults.dropNext({ endpoint: 'list' });
		await expect(call(world.graph, 'GET', list, { token })).rejects.toThrow();
		world.graph.faults.hangNext({ endpoint: 'list' });
		await expect(
			fetch(`${world.graph.url}/v1.0${list}`, {
				headers: { Authorization: `Bearer ${token}` },
				signal: AbortSignal.timeout(300),
			}),
		).rejects.toThrow();
		expect((await call(world.graph, 'GET', list, { token })).status).toBe(200);
	});

	it('offers the control API under /__sandbox', async () => {
		const post = (path: string, body: unknown) =>
			fetch(`${world.graph.url}/__sandbox/${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
		expect((await post('throttle-next', { endpoint: 'list', retryAfterSeconds: 3 })).status).toBe(
			200,
		);
		expect((await call(world.graph, 'GET', list, { token })).headers.get('retry-after')).toBe('3');
		const delivered = await post('deliver', {
			message: { subject: 'Via control API', to: [ALICE.address] },
		});
		expect(await delivered.json()).toMatchObject({
			mailbox: ALICE.address,
			id: expect.any(String),
		});
		const messages = (await (
			await fetch(`${world.graph.url}/__sandbox/mailboxes/${ALICE.address}/messages`)
		).json()) as Array<{
			subject: string;
		}>;
		expect(messages.map((m) => m.subject)).toContain('Via control API');
		expect((await post('throttle-every', { every: 0 })).status).toBe(400);
		const counters = (await (
			await fetch(`${world.graph.url}/__sandbox/counters`)
		).json()) as Record<string, number>;
		expect(counters['requests.list']).toBe(1);
	});
});
