import {
	ALICE,
	BOB,
	allPages,
	call,
	errorOf,
	q,
	startWorld,
	valueOf,
	type GraphWorld,
} from './graph-client';

describe('Graph sandbox: listing messages', () => {
	let world: GraphWorld;
	let token: string;
	const base = `/users/${ALICE.id}`;
	const start = Date.parse('2024-03-01T08:00:00Z');

	beforeAll(async () => {
		world = await startWorld();
		token = world.appToken();
		for (let i = 0; i < 1000; i++) {
			world.graph.mail.deliver(
				{ subject: `Message ${i}`, from: BOB.address, to: [ALICE.address], body: `Body ${i}` },
				{ receivedAt: start + i * 60_000 },
			);
		}
	});
	afterAll(() => world.graph.close());

	it('returns 1,000 messages in one page with $top=1000', async () => {
		const answer = await call(
			world.graph,
			'GET',
			`${base}/mailFolders/inbox/messages?$top=1000&$select=subject`,
			{
				token,
			},
		);
		expect(answer.status).toBe(200);
		expect(valueOf(answer)).toHaveLength(1000);
		expect(answer.body?.['@odata.nextLink']).toBeUndefined();
		expect(valueOf(answer)[0].subject).toBe('Message 999');
	});

	it('pages by 10 with $top=10: 100 pages through absolute nextLinks, no message twice', async () => {
		const pages = await allPages(
			world.graph,
			token,
			`${base}/mailFolders/inbox/messages?$top=10&$select=subject,receivedDateTime`,
		);
		expect(pages).toHaveLength(100);
		const ids = pages.flatMap((page) => valueOf(page).map((message) => message.id));
		expect(new Set(ids).size).toBe(1000);
		const first = pages[0].body?.['@odata.nextLink'] as string;
		expect(first).toBe(
			`${world.graph.url}/v1.0${base}/mailFolders/inbox/messages?%24top=10&%24select=subject%2CreceivedDateTime&%24skip=10`,
		);
		const received = pages.flatMap((page) =>
			valueOf(page).map((message) => message.receivedDateTime as string),
		);
		expect([...received].sort().reverse()).toEqual(received);
	});

	it('uses a page size of 10 without $top and honours $skip', async () => {
		const answer = await call(world.graph, 'GET', `${base}/messages?$skip=995`, { token });
		expect(valueOf(answer)).toHaveLength(5);
		const first = await call(world.graph, 'GET', `${base}/messages`, { token });
		expect(valueOf(first)).toHaveLength(10);
		expect(first.body?.['@odata.nextLink']).toContain('%24skip=10');
	});

	it('refuses $top outside 1..1000 and non-numbers', async () => {
		for (const top of ['0', '1001', 'abc', '-1']) {
			const answer = await call(world.graph, 'GET', `${base}/messages?$top=${top}`, { token });
			expect(answer.status).toBe(400);
			expect(errorOf(answer).code).toBe('BadRequest');
		}
		const text = await call(world.graph, 'GET', `${base}/messages?$top=abc`, { token });
		expect(errorOf(text).message).toBe(
			"Invalid value 'abc' for $top query option found. The $top query option requires a non-negative integer value.",
		);
	});

	it('returns the message resource with Graph property names and an etag', async () => {
		const answer = await call(world.graph, 'GET', `${base}/messages?$top=1`, { token });
		const [message] = valueOf(answer);
		expect(Object.keys(message)).toEqual([
			'@odata.etag',
			'id',
			'createdDateTime',
			'lastModifiedDateTime',
			'changeKey',
			'categories',
			'receivedDateTime',
			'sentDateTime',
			'hasAttachments',
			'internetMessageId',
			'subject',
			'bodyPreview',
			'importance',
			'parentFolderId',
			'conversationId',
			'conversationIndex',
			'isDeliveryReceiptRequested',
			'isReadReceiptRequested',
			'isRead',
			'isDraft',
			'webLink',
			'inferenceClassification',
			'body',
			'sender',
			'from',
			'toRecipients',
			'ccRecipients',
			'bccRecipients',
			'replyTo',
			'flag',
		]);
		expect(message).toMatchObject({
			'@odata.etag': `W/"${message.changeKey as string}"`,
			receivedDateTime: '2024-03-02T00:39:00Z',
			sentDateTime: '2024-03-02T00:39:00Z',
			subject: 'Message 999',
			importance: 'normal',
			isRead: false,
			isDraft: false,
			body: { contentType: 'html', content: expect.stringContaining('Body 999') },
			bodyPreview: 'Body 999',
			from: { emailAddress: { name: BOB.address, address: BOB.address } },
			toRecipients: [{ emailAddress: { name: ALICE.address, address: ALICE.address } }],
			flag: { flagStatus: 'notFlagged' },
			inferenceClassification: 'focused',
		});
		expect(message.id).toMatch(/^[A-Za-z0-9_-]+=*$/);
		expect(message.id).toMatch(/[-_]/);
		expect(answer.body?.['@odata.context']).toBe(
			`${world.graph.url}/v1.0/$metadata#users('${ALICE.id}')/messages`,
		);
	});

	it('selects properties (id and etag always) and refuses unknown ones', async () => {
		const answer = await call(
			world.graph,
			'GET',
			`${base}/messages?$top=2&$select=subject,isRead`,
			{ token },
		);
		expect(Object.keys(valueOf(answer)[0])).toEqual(['@odata.etag', 'id', 'subject', 'isRead']);
		const unknown = await call(world.graph, 'GET', `${base}/messages?$select=subject,isJunk`, {
			token,
		});
		expect(unknown.status).toBe(400);
		expect(errorOf(unknown)).toMatchObject({
			code: 'RequestBroker--ParseUri',
			message: "Could not find a property named 'isJunk' on type 'microsoft.graph.message'.",
		});
	});

	it('orders by receivedDateTime, sentDateTime and subject, ascending or descending', async () => {
		const oldest = await call(
			world.graph,
			'GET',
			`${base}/messages?$top=2&${q('$orderby', 'receivedDateTime asc')}`,
			{
				token,
			},
		);
		expect(valueOf(oldest).map((m) => m.subject)).toEqual(['Message 0', 'Message 1']);
		const bySubject = await call(
			world.graph,
			'GET',
			`${base}/messages?$top=3&${q('$orderby', 'subject desc')}`,
			{
				token,
			},
		);
		expect(valueOf(bySubject).map((m) => m.subject)).toEqual([
			'Message 999',
			'Message 998',
			'Message 997',
		]);
		const bySent = await call(world.graph, 'GET', `${base}/messages?$top=1&$orderby=sentDateTime`, {
			token,
		});
		expect(valueOf(bySent)[0].subject).toBe('Message 0');
		const unknown = await call(world.graph, 'GET', `${base}/messages?$orderby=colour`, { token });
		expect(errorOf(unknown).code).toBe('RequestBroker--ParseUri');
	});

	it('counts with $count=true', async () => {
		const answer = await call(
			world.graph,
			'GET',
			`${base}/messages?$count=true&$top=5&$select=id`,
			{ token },
		);
		expect(answer.body?.['@odata.count']).toBe(1000);
		expect(valueOf(answer)).toHaveLength(5);
	});

	it('returns text bodies with Prefer: outlook.body-content-type="text" and says so', async () => {
		world.graph.mail.deliver(
			{
				subject: 'Styled',
				to: [BOB.address],
				body: {
					contentType: 'html',
					content: '<html><body><p>Hello&nbsp;<b>Bob</b></p><p>Line 2</p></body></html>',
				},
			},
			{},
		);
		const text = await call(world.graph, 'GET', `/users/${BOB.id}/messages?$select=body`, {
			token,
			headers: { Prefer: 'outlook.body-content-type="text"' },
		});
		expect(text.headers.get('preference-applied')).toBe('outlook.body-content-type="text"');
		expect(valueOf(text)[0].body).toEqual({ contentType: 'text', content: 'Hello Bob\r\nLine 2' });
		const html = await call(world.graph, 'GET', `/users/${BOB.id}/messages?$select=body`, {
			token,
		});
		expect(html.headers.get('preference-applied')).toBeNull();
		expect(valueOf(html)[0].body).toMatchObject({ contentType: 'html' });
	});

	it('lists every folder for /messages and one folder for mailFolders/{id}/messages', async () => {
		world.graph.mail.deliver({ subject: 'Archived', to: [ALICE.address] }, { folder: 'archive' });
		const all = await call(world.graph, 'GET', `${base}/messages?$count=true&$top=1`, { token });
		expect(all.body?.['@odata.count']).toBe(1001);
		const archive = await call(world.graph, 'GET', `${base}/mailFolders/archive/messages`, {
			token,
		});
		expect(valueOf(archive).map((m) => m.subject)).toEqual(['Archived']);
	});
});
