import {
	ALICE,
	BOB,
	call,
	errorOf,
	q,
	startWorld,
	valueOf,
	type GraphWorld,
	type Json,
} from './graph-client';

describe('Graph sandbox: late delivery and delta', () => {
	let world: GraphWorld;
	let token: string;
	const inbox = `/users/${ALICE.id}/mailFolders/inbox/messages`;

	beforeEach(async () => {
		world = await startWorld();
		token = world.appToken();
	});
	afterEach(() => world.graph.close());

	const seed = (subject: string, options = {}) =>
		world.graph.mail.deliver({ subject, from: BOB.address, to: [ALICE.address] }, options).id;

	/** Runs a whole delta round from `url`; returns its entries and the deltaLink. */
	const round = async (url: string, headers: Record<string, string> = {}) => {
		const entries: Json[] = [];
		let next: string | undefined = url;
		let pages = 0;
		for (;;) {
			const page = await call(world.graph, 'GET', next, { token, headers });
			if (page.status !== 200) throw new Error(`${page.status} ${page.text}`);
			pages++;
			entries.push(...valueOf(page));
			next = page.body?.['@odata.nextLink'] as string | undefined;
			if (!next) return { entries, pages, deltaLink: page.body?.['@odata.deltaLink'] as string };
		}
	};

	it('shows a late message from visibleAt on, with its earlier receivedDateTime rounded to the second', async () => {
		const now = world.clock.now();
		const id = seed('Late', { receivedAt: now - 90_500.4, visibleAt: now + 60_000 });
		seed('On time');
		const before = await call(world.graph, 'GET', `${inbox}?$select=subject`, { token });
		expect(valueOf(before).map((m) => m.subject)).toEqual(['On time']);
		expect(
			(await call(world.graph, 'GET', `/users/${ALICE.id}/messages/${id}`, { token })).status,
		).toBe(404);
		const since = new Date(now - 10_000).toISOString();
		const poll = await call(
			world.graph,
			'GET',
			`${inbox}?${q('$filter', `receivedDateTime ge ${since}`)}`,
			{ token },
		);
		expect(valueOf(poll)).toHaveLength(1);
		world.clock.advance(60_000);
		const after = await call(world.graph, 'GET', `${inbox}?$select=subject,receivedDateTime`, {
			token,
		});
		expect(valueOf(after).map((m) => m.subject)).toEqual(['On time', 'Late']);
		const late = valueOf(after)[1];
		expect(late.receivedDateTime).toBe(
			new Date(Math.floor((now - 90_500.4) / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
		);
		// A poll for "received since my last poll" misses it for good: this is the trap.
		const missed = await call(
			world.graph,
			'GET',
			`${inbox}?${q('$filter', `receivedDateTime ge ${since}`)}`,
			{ token },
		);
		expect(valueOf(missed).map((m) => m.subject)).toEqual(['On time']);
	});

	it('runs a first round in pages (Prefer: odata.maxpagesize) ending in a deltaLink', async () => {
		for (let i = 0; i < 5; i++) seed(`Message ${i}`);
		const first = await call(world.graph, 'GET', `${inbox}/delta?$select=subject,isRead`, {
			token,
			headers: { Prefer: 'odata.maxpagesize=2' },
		});
		expect(first.status).toBe(200);
		expect(first.headers.get('preference-applied')).toBe('odata.maxpagesize=2');
		expect(valueOf(first)).toHaveLength(2);
		expect(valueOf(first)[0]).toEqual({
			'@odata.type': '#microsoft.graph.message',
			'@odata.etag': expect.stringMatching(/^W\/"/),
			id: expect.any(String),
			subject: 'Message 0',
			isRead: false,
		});
		expect(first.body?.['@odata.context']).toBe(
			`${world.graph.url}/v1.0/$metadata#Collection(message)`,
		);
		expect(first.body?.['@odata.nextLink']).toMatch(
			/\/mailfolders\('AQMk[^']+'\)\/messages\/delta\?\$skiptoken=/,
		);
		const rest = await round(first.body?.['@odata.nextLink'] as string, {
			Prefer: 'odata.maxpagesize=2',
		});
		expect(rest.pages).toBe(2);
		expect(rest.entries.map((m) => m.subject)).toEqual(['Message 2', 'Message 3', 'Message 4']);
		expect(rest.deltaLink).toMatch(/\/messages\/delta\?\$deltatoken=/);
		// A retried page (after a 429, say) answers again.
		const again = await call(world.graph, 'GET', first.body?.['@odata.nextLink'] as string, {
			token,
		});
		expect(again.status).toBe(200);
	});

	it('returns additions, changes, late arrivals and @removed in the next round', async () => {
		const keep = seed('Keep');
		const change = seed('Change me');
		const remove = seed('Remove me');
		const move = seed('Move me');
		const first = await round(`${inbox}/delta?$select=subject,isRead`);
		expect(first.entries).toHaveLength(4);
		const nothing = await round(first.deltaLink);
		expect(nothing.entries).toEqual([]);

		const now = world.clock.now();
		seed('New');
		seed('Late', { receivedAt: now - 3_600_000, visibleAt: now + 30_000 });
		world.graph.mail.update(ALICE.address, change, { isRead: true });
		expect(
			(await call(world.graph, 'DELETE', `/users/${ALICE.id}/messages/${remove}`, { token }))
				.status,
		).toBe(204);
		const moved = await call(world.graph, 'POST', `/users/${ALICE.id}/messages/${move}/move`, {
			token,
			body: { destinationId: 'archive' },
		});
		expect(moved.status).toBe(201);

		const second = await round(first.deltaLink);
		expect(second.entries).toEqual([
			expect.objectContaining({ id: change, subject: 'Change me', isRead: true }),
			expect.objectContaining({ subject: 'New' }),
			{ '@odata.type': '#microsoft.graph.message', id: remove, '@removed': { reason: 'deleted' } },
			{ '@odata.type': '#microsoft.graph.message', id: move, '@removed': { reason: 'deleted' } },
		]);
		expect(second.entries.map((entry) => entry.id)).not.toContain(keep);
		world.clock.advance(30_000);
		const third = await round(second.deltaLink);
		expect(third.entries.map((entry) => entry.subject)).toEqual(['Late']);
		const archive = await round(`/users/${ALICE.id}/mailFolders/archive/messages/delta`);
		expect(archive.entries.map((entry) => entry.id)).toEqual([moved.body?.id]);
	});

	it('keeps $filter=receivedDateTime ge, changeType=created and $orderby in the tokens', async () => {
		const at = Date.parse('2024-05-01T12:00:00Z');
		seed('Old', { receivedAt: at - 86_400_000 });
		seed('Recent', { receivedAt: at });
		const filtered = await round(
			`${inbox}/delta?${q('$filter', 'receivedDateTime ge 2024-05-01T00:00:00Z')}&changeType=created`,
		);
		expect(filtered.entries.map((m) => m.subject)).toEqual(['Recent']);
		const changed = seed('Newer', { receivedAt: at + 1000 });
		world.graph.mail.update(ALICE.address, changed, { isRead: true });
		const next = await round(filtered.deltaLink);
		expect(next.entries.map((m) => m.subject)).toEqual(['Newer']);
		const unsupported = await call(
			world.graph,
			'GET',
			`${inbox}/delta?${q('$filter', 'isRead eq false')}`,
			{ token },
		);
		expect(unsupported.status).toBe(400);
		expect(errorOf(unsupported)).toMatchObject({
			code: 'ErrorInvalidUrlQuery',
			message:
				"The '$filter' parameter value is not supported for 'Messages' resource; only a value of 'receivedDateTime ge value' is supported.",
		});
		const ordered = await round(
			`${inbox}/delta?${q('$orderby', 'receivedDateTime desc')}&$select=subject`,
		);
		expect(ordered.entries.map((m) => m.subject)).toEqual(['Newer', 'Recent', 'Old']);
	});

	it('answers 410 SyncStateNotFound for unknown or expired tokens', async () => {
		seed('One');
		const first = await round(`${inbox}/delta`);
		const unknown = await call(world.graph, 'GET', `${inbox}/delta?$deltatoken=forged`, { token });
		expect(unknown.status).toBe(410);
		expect(errorOf(unknown).code).toBe('SyncStateNotFound');
		world.graph.faults.expireDeltaTokens();
		const expired = await call(world.graph, 'GET', first.deltaLink, { token });
		expect(expired.status).toBe(410);
		expect(errorOf(expired).message).toMatch(
			/^The sync state generation is not found; generation=/,
		);
		const restart = await round(`${inbox}/delta`);
		expect(restart.entries).toHaveLength(1);
		const elsewhere = await call(
			world.graph,
			'GET',
			restart.deltaLink.replace(/mailfolders\('[^']+'\)/, 'mailFolders/archive'),
			{ token },
		);
		expect(elsewhere.status).toBe(410);
	});
});
