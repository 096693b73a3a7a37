import { ALICE, call, errorOf, q, startWorld, valueOf, type GraphWorld } from './graph-client';

describe('Graph sandbox: $search on messages', () => {
	let world: GraphWorld;
	let token: string;
	const base = `/users/${ALICE.id}/messages`;
	const at = (hour: number) => Date.parse('2024-04-02T00:00:00Z') + hour * 3_600_000;

	beforeAll(async () => {
		world = await startWorld();
		token = world.appToken();
		const mail = world.graph.mail;
		mail.deliver(
			{
				subject: 'Pizza on Friday',
				from: { address: 'randiw@contoso.test', name: 'Randi Welch' },
				to: [ALICE.address],
				body: 'Who wants pepperoni?',
			},
			{ receivedAt: at(1) },
		);
		mail.deliver(
			{
				subject: 'Budget',
				from: 'danas@contoso.test',
				to: [ALICE.address],
				body: 'The pizza budget is spent.',
			},
			{ receivedAt: at(2) },
		);
		mail.deliver(
			{
				subject: 'Quarterly numbers',
				from: 'pizza.shop@food.test',
				to: [ALICE.address],
				body: '<p>Invoice</p>',
			},
			{ receivedAt: at(3) },
		);
		mail.deliver(
			{
				subject: 'Re: numbers',
				from: 'danas@contoso.test',
				to: [ALICE.address],
				body: 'See the attachment',
				attachments: [{ name: 'q3-report.xlsx', content: 'x' }],
			},
			{ receivedAt: at(4) },
		);
		for (let i = 0; i < 15; i++) {
			mail.deliver(
				{
					subject: `Digest ${i}`,
					from: 'news@letters.test',
					to: [ALICE.address],
					body: 'weekly digest',
				},
				{ receivedAt: at(10 + i) },
			);
		}
	});
	afterAll(() => world.graph.close());

	const search = async (text: string, extra = '') => {
		const answer = await call(world.graph, 'GET', `${base}?${q('$search', text)}${extra}`, {
			token,
		});
		if (answer.status !== 200) throw new Error(`${answer.status} ${answer.text}`);
		return valueOf(answer).map((message) => message.subject);
	};

	it('matches words in from, subject and body, newest sent first', async () => {
		expect(await search('"pizza"')).toEqual(['Quarterly numbers', 'Budget', 'Pizza on Friday']);
		expect(await search('pizza')).toEqual(['Quarterly numbers', 'Budget', 'Pizza on Friday']);
		expect(await search('"pepperoni"')).toEqual(['Pizza on Friday']);
		expect(await search('"invoice"')).toEqual(['Quarterly numbers']);
	});

	it('narrows with from:, subject:, body:, attachment: and combines terms', async () => {
		expect(await search('"from:danas"')).toEqual(['Re: numbers', 'Budget']);
		expect(await search('"from:randi"')).toEqual(['Pizza on Friday']);
		expect(await search('"subject:pizza"')).toEqual(['Pizza on Friday']);
		expect(await search('"body:budget"')).toEqual(['Budget']);
		expect(await search('"attachment:q3-report.xlsx"')).toEqual(['Re: numbers']);
		expect(await search('"from:danas subject:numbers"')).toEqual(['Re: numbers']);
		expect(await search('"pizza OR pepperoni"')).toEqual([
			'Quarterly numbers',
			'Budget',
			'Pizza on Friday',
		]);
		expect(await search('"pizza NOT from:danas"')).toEqual([
			'Quarterly numbers',
			'Pizza on Friday',
		]);
		expect(await search('"numbers"')).toEqual(['Re: numbers', 'Quarterly numbers']);
	});

	it('pages search results with $top and a $skiptoken nextLink', async () => {
		const first = await call(world.graph, 'GET', `${base}?${q('$search', '"digest"')}&$top=10`, {
			token,
		});
		expect(valueOf(first)).toHaveLength(10);
		const next = first.body?.['@odata.nextLink'] as string;
		expect(next).toContain('%24skiptoken=');
		expect(next).not.toContain('%24skip=');
		const second = await call(world.graph, 'GET', next, { token });
		expect(valueOf(second)).toHaveLength(5);
		expect(second.body?.['@odata.nextLink']).toBeUndefined();
	});

	it('refuses $orderby (SearchWithOrderBy), $skip and $filter with $search', async () => {
		const ordered = await call(
			world.graph,
			'GET',
			`${base}?${q('$search', '"pizza"')}&$orderby=receivedDateTime`,
			{ token },
		);
		expect(ordered.status).toBe(400);
		expect(errorOf(ordered)).toMatchObject({
			code: 'SearchWithOrderBy',
			message: "The query parameter '$orderBy' is not supported with '$search'.",
		});
		const skipped = await call(world.graph, 'GET', `${base}?${q('$search', '"pizza"')}&$skip=1`, {
			token,
		});
		expect(skipped.status).toBe(400);
		const filtered = await call(
			world.graph,
			'GET',
			`${base}?${q('$search', '"pizza"')}&${q('$filter', 'isRead eq false')}`,
			{ token },
		);
		expect(filtered.status).toBe(400);
	});
});
