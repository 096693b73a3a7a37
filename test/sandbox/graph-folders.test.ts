import { ALICE, BOB, call, errorOf, q, startWorld, valueOf, type GraphWorld } from './graph-client';

describe('Graph sandbox: mail folders', () => {
	let world: GraphWorld;
	let token: string;
	const base = `/users/${ALICE.id}`;

	beforeAll(async () => {
		world = await startWorld();
		token = world.appToken();
	});
	afterAll(() => world.graph.close());

	it('lists the folders under the root by name, hidden ones only on request', async () => {
		const answer = await call(world.graph, 'GET', `${base}/mailFolders`, { token });
		expect(answer.status).toBe(200);
		const names = valueOf(answer).map((folder) => folder.displayName);
		expect(names).toEqual([
			'Archive',
			'Conversation History',
			'Deleted Items',
			'Drafts',
			'Inbox',
			'Junk Email',
			'Outbox',
			'Sent Items',
		]);
		expect(valueOf(answer)[0]).toEqual({
			id: expect.stringMatching(/^AQMk/),
			displayName: 'Archive',
			parentFolderId: expect.any(String),
			childFolderCount: 0,
			unreadItemCount: 0,
			totalItemCount: 0,
			sizeInBytes: 0,
			isHidden: false,
		});
		const hidden = await call(
			world.graph,
			'GET',
			`${base}/mailFolders/?includeHiddenFolders=true`,
			{ token },
		);
		expect(valueOf(hidden).map((folder) => folder.displayName)).toContain('Sync Issues');
		expect(valueOf(hidden).find((folder) => folder.displayName === 'Sync Issues')?.isHidden).toBe(
			true,
		);
	});

	it('pages folder lists with $top and an absolute @odata.nextLink', async () => {
		const first = await call(world.graph, 'GET', `${base}/mailFolders?$top=3`, { token });
		expect(valueOf(first)).toHaveLength(3);
		const next = first.body?.['@odata.nextLink'] as string;
		expect(next.startsWith(`${world.graph.url}/v1.0${base}/mailFolders?`)).toBe(true);
		expect(next).toContain('%24top=3');
		expect(next).toContain('%24skip=3');
		const second = await call(world.graph, 'GET', next, { token });
		expect(valueOf(second).map((folder) => folder.displayName)).toEqual([
			'Drafts',
			'Inbox',
			'Junk Email',
		]);
		const last = await call(world.graph, 'GET', second.body?.['@odata.nextLink'] as string, {
			token,
		});
		expect(valueOf(last)).toHaveLength(2);
		expect(last.body?.['@odata.nextLink']).toBeUndefined();
		const tenPerPage = await call(
			world.graph,
			'GET',
			`${base}/mailFolders/?includeHiddenFolders=true`,
			{ token },
		);
		expect(valueOf(tenPerPage)).toHaveLength(9);
	});

	it('gets folders by well-known name (any case) or id, and refuses bad ids', async () => {
		for (const name of ['inbox', 'Inbox', 'INBOX']) {
			const answer = await call(world.graph, 'GET', `${base}/mailFolders/${name}`, { token });
			expect(answer.body?.displayName).toBe('Inbox');
		}
		for (const [name, display] of [
			['drafts', 'Drafts'],
			['sentitems', 'Sent Items'],
			['deleteditems', 'Deleted Items'],
			['archive', 'Archive'],
			['junkemail', 'Junk Email'],
		]) {
			const answer = await call(world.graph, 'GET', `${base}/mailFolders('${name}')`, { token });
			expect(answer.body?.displayName).toBe(display);
		}
		const inbox = await call(world.graph, 'GET', `${base}/mailFolders/inbox`, { token });
		const byId = await call(
			world.graph,
			'GET',
			`${base}/mailFolders/${encodeURIComponent(inbox.body?.id as string)}`,
			{
				token,
			},
		);
		expect(byId.body?.displayName).toBe('Inbox');
		const malformed = await call(world.graph, 'GET', `${base}/mailFolders/not a folder`, { token });
		expect(malformed.status).toBe(400);
		expect(errorOf(malformed)).toMatchObject({
			code: 'ErrorInvalidIdMalformed',
			message: 'Id is malformed.',
		});
		const missing = await call(
			world.graph,
			'GET',
			`${base}/mailFolders/AQMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAuAAAD`,
			{
				token,
			},
		);
		expect(missing.status).toBe(404);
		expect(errorOf(missing).code).toBe('ErrorItemNotFound');
	});

	it('creates folders and child folders (201) and refuses duplicates with 409 ErrorFolderExists', async () => {
		const created = await call(world.graph, 'POST', `${base}/mailFolders`, {
			token,
			body: { displayName: 'Processed' },
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			displayName: 'Processed',
			childFolderCount: 0,
			isHidden: false,
		});
		const id = created.body?.id as string;
		const duplicate = await call(world.graph, 'POST', `${base}/mailFolders`, {
			token,
			body: { displayName: 'processed' },
		});
		expect(duplicate.status).toBe(409);
		expect(errorOf(duplicate)).toMatchObject({
			code: 'ErrorFolderExists',
			message:
				"A folder with the specified name already exists., Could not create folder 'processed'.",
		});
		const child = await call(world.graph, 'POST', `${base}/mailFolders/${id}/childFolders`, {
			token,
			body: { displayName: '2024' },
		});
		expect(child.status).toBe(201);
		expect(child.body?.parentFolderId).toBe(id);
		const children = await call(world.graph, 'GET', `${base}/mailFolders/${id}/childFolders`, {
			token,
		});
		expect(valueOf(children).map((folder) => folder.displayName)).toEqual(['2024']);
		const parent = await call(world.graph, 'GET', `${base}/mailFolders/${id}`, { token });
		expect(parent.body?.childFolderCount).toBe(1);
		const nested = await call(
			world.graph,
			'GET',
			`${base}/mailFolders/${id}/childFolders/${child.body?.id as string}/messages`,
			{ token },
		);
		expect(nested.status).toBe(200);
		const inboxChild = await call(world.graph, 'POST', `${base}/mailFolders/inbox/childFolders`, {
			token,
			body: { displayName: 'Processed' },
		});
		expect(inboxChild.status).toBe(201);
		const noName = await call(world.graph, 'POST', `${base}/mailFolders`, { token, body: {} });
		expect(noName.status).toBe(400);
		const unknownProperty = await call(world.graph, 'POST', `${base}/mailFolders`, {
			token,
			body: { displayName: 'x', colour: 'red' },
		});
		expect(unknownProperty.status).toBe(400);
	});

	it('filters and selects folders, and counts their messages', async () => {
		world.graph.mail.deliver({ subject: 'one', to: [BOB.address] });
		world.graph.mail.deliver({ subject: 'two', to: [BOB.address], isRead: true });
		const inbox = await call(
			world.graph,
			'GET',
			`/users/${BOB.id}/mailFolders?${q('$filter', "displayName eq 'inbox'")}&$select=displayName,totalItemCount,unreadItemCount`,
			{ token },
		);
		expect(valueOf(inbox)).toEqual([
			{ id: expect.any(String), displayName: 'Inbox', totalItemCount: 2, unreadItemCount: 1 },
		]);
		const unknown = await call(world.graph, 'GET', `/users/${BOB.id}/mailFolders?$select=colour`, {
			token,
		});
		expect(errorOf(unknown)).toMatchObject({
			code: 'RequestBroker--ParseUri',
			message: "Could not find a property named 'colour' on type 'microsoft.graph.mailFolder'.",
		});
	});
});
