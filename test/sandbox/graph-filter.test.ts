import { parseFilter } from '../../sandbox/microsoft/graph/query/filter-parser';
import { ALICE, BOB, call, errorOf, q, startWorld, valueOf, type GraphWorld } from './graph-client';

describe('Graph sandbox: the $filter parser', () => {
	it('parses comparisons, functions, lambdas, not and parentheses with precedence', () => {
		expect(
			parseFilter("isRead eq false and (importance eq 'high' or not hasAttachments eq true)"),
		).toEqual({
			type: 'and',
			left: {
				type: 'compare',
				operator: 'eq',
				left: { type: 'path', path: 'isRead' },
				right: { type: 'boolean', value: false },
			},
			right: {
				type: 'or',
				left: {
					type: 'compare',
					operator: 'eq',
					left: { type: 'path', path: 'importance' },
					right: { type: 'string', value: 'high' },
				},
				right: {
					type: 'not',
					operand: {
						type: 'compare',
						operator: 'eq',
						left: { type: 'path', path: 'hasAttachments' },
						right: { type: 'boolean', value: true },
					},
				},
			},
		});
		expect(parseFilter("categories/any(c:c eq 'Red')")).toEqual({
			type: 'any',
			path: 'categories',
			variable: 'c',
			predicate: {
				type: 'compare',
				operator: 'eq',
				left: { type: 'variable', name: 'c' },
				right: { type: 'string', value: 'Red' },
			},
		});
		expect(parseFilter("startswith(subject,'It''s')")).toEqual({
			type: 'call',
			name: 'startswith',
			args: [
				{ type: 'path', path: 'subject' },
				{ type: 'string', value: "It's" },
			],
		});
		expect(parseFilter('receivedDateTime ge 2024-03-01T10:00:00Z')).toMatchObject({
			right: { type: 'datetime', value: Date.parse('2024-03-01T10:00:00Z') },
		});
		expect(parseFilter('receivedDateTime ge 2024-03-01')).toMatchObject({
			right: { type: 'datetime', value: Date.parse('2024-03-01T00:00:00Z') },
		});
	});

	it.each([
		"subject eq 'open",
		'isRead eq',
		'(isRead eq true',
		'isRead eq true)',
		"subject eq 'a' and",
		'',
		'isRead == true',
	])('refuses %j as "Invalid filter clause"', (text) => {
		expect(() => parseFilter(text)).toThrow('Invalid filter clause');
	});
});

describe('Graph sandbox: $filter and $orderby on messages', () => {
	let world: GraphWorld;
	let token: string;
	const base = `/users/${ALICE.id}/mailFolders/inbox/messages`;
	const T = (minute: number) => Date.parse('2024-03-01T10:00:00Z') + minute * 60_000;

	beforeAll(async () => {
		world = await startWorld();
		token = world.appToken();
		const mail = world.graph.mail;
		mail.deliver(
			{
				subject: "Invoice 42 from O'Brien",
				from: 'billing@vendor.test',
				to: [ALICE.address],
				importance: 'high',
				categories: ['Red', 'Finance'],
				flag: 'flagged',
				attachments: [{ name: 'invoice.pdf', content: 'pdf' }],
			},
			{ receivedAt: T(0) },
		);
		mail.deliver(
			{ subject: 'Lunch?', from: BOB.address, to: [ALICE.address], isRead: true },
			{ receivedAt: T(10) },
		);
		mail.deliver(
			{
				subject: 'invoice reminder',
				from: 'billing@vendor.test',
				to: [ALICE.address],
				isRead: true,
				importance: 'low',
				categories: ['Blue'],
				flag: 'complete',
			},
			{ receivedAt: T(20) },
		);
		mail.deliver(
			{
				subject: 'Weekly report',
				from: 'carol@contoso.test',
				to: [ALICE.address],
				categories: ['red'],
				attachments: [{ name: 'logo.png', content: 'png', isInline: true, contentId: 'logo' }],
			},
			{ receivedAt: T(30) },
		);
	});
	afterAll(() => world.graph.close());

	const subjects = async (filter: string, orderby?: string) => {
		const order = orderby === undefined ? '' : `&${q('$orderby', orderby)}`;
		const answer = await call(world.graph, 'GET', `${base}?${q('$filter', filter)}${order}`, {
			token,
		});
		if (answer.status !== 200) throw new Error(`${answer.status} ${answer.text}`);
		return valueOf(answer).map((message) => message.subject);
	};
	const failure = async (filter: string, orderby?: string) => {
		const order = orderby === undefined ? '' : `&${q('$orderby', orderby)}`;
		const answer = await call(world.graph, 'GET', `${base}?${q('$filter', filter)}${order}`, {
			token,
		});
		expect(answer.status).toBe(400);
		return errorOf(answer);
	};

	it.each<[string, string[]]>([
		['isRead eq false', ['Weekly report', "Invoice 42 from O'Brien"]],
		['isRead eq true', ['invoice reminder', 'Lunch?']],
		['isRead ne true', ['Weekly report', "Invoice 42 from O'Brien"]],
		['receivedDateTime ge 2024-03-01T10:20:00Z', ['Weekly report', 'invoice reminder']],
		['receivedDateTime gt 2024-03-01T10:20:00Z', ['Weekly report']],
		['receivedDateTime le 2024-03-01T10:10:00Z', ['Lunch?', "Invoice 42 from O'Brien"]],
		['receivedDateTime lt 2024-03-01T10:10:00Z', ["Invoice 42 from O'Brien"]],
		[
			"from/emailAddress/address eq 'billing@vendor.test'",
			['invoice reminder', "Invoice 42 from O'Brien"],
		],
		[
			"from/emailAddress/address eq 'BILLING@vendor.test'",
			['invoice reminder', "Invoice 42 from O'Brien"],
		],
		['hasAttachments eq true', ["Invoice 42 from O'Brien"]],
		['hasAttachments eq false', ['Weekly report', 'invoice reminder', 'Lunch?']],
		["contains(subject,'invoice')", ['invoice reminder', "Invoice 42 from O'Brien"]],
		["contains(subject,'O''Brien')", ["Invoice 42 from O'Brien"]],
		["startswith(subject,'Invoice')", ['invoice reminder', "Invoice 42 from O'Brien"]],
		["importance eq 'high'", ["Invoice 42 from O'Brien"]],
		["categories/any(c:c eq 'Red')", ['Weekly report', "Invoice 42 from O'Brien"]],
		["flag/flagStatus eq 'flagged'", ["Invoice 42 from O'Brien"]],
		["flag/flagstatus eq 'complete'", ['invoice reminder']],
		["isRead eq false and importance eq 'high'", ["Invoice 42 from O'Brien"]],
		[
			"importance eq 'low' or importance eq 'high'",
			['invoice reminder', "Invoice 42 from O'Brien"],
		],
		['not (isRead eq true)', ['Weekly report', "Invoice 42 from O'Brien"]],
		[
			"(isRead eq true or hasAttachments eq true) and not startswith(subject,'Lunch')",
			['invoice reminder', "Invoice 42 from O'Brien"],
		],
		['isRead', ['invoice reminder', 'Lunch?']],
	])('%s', async (filter, expected) => {
		expect(await subjects(filter)).toEqual(expected);
	});

	it('answers unknown properties with RequestBroker--ParseUri and unsupported forms with ErrorInvalidUrlQueryFilter', async () => {
		expect(await failure('isJunk ne true')).toEqual({
			code: 'RequestBroker--ParseUri',
			message: "Could not find a property named 'isJunk' on type 'microsoft.graph.message'.",
			innerError: expect.any(Object),
		});
		for (const filter of [
			"toRecipients/any(r:r/emailAddress/address eq 'x@y.z')",
			"body/content eq 'x'",
			"isRead eq 'true'",
			"receivedDateTime ge '2024-01-01'",
			'subject eq true',
			'contains(importance, subject)',
			'categories eq 1',
		]) {
			expect(await failure(filter)).toMatchObject({
				code: 'ErrorInvalidUrlQueryFilter',
				message: 'The query filter contains one or more invalid nodes.',
			});
		}
		expect(await failure("subject eq 'unterminated")).toMatchObject({
			code: 'BadRequest',
			message: 'Invalid filter clause',
		});
	});

	it('accepts $orderby properties that come first in $filter, in the same order', async () => {
		expect(
			await subjects(
				'receivedDateTime ge 2024-03-01T00:00:00Z and isRead eq false',
				'receivedDateTime desc',
			),
		).toEqual(['Weekly report', "Invoice 42 from O'Brien"]);
		expect(
			await subjects(
				"receivedDateTime ge 2024-03-01 and subject ne 'x'",
				'receivedDateTime asc,subject',
			),
		).toEqual(["Invoice 42 from O'Brien", 'Lunch?', 'invoice reminder', 'Weekly report']);
		expect(await subjects("contains(subject,'invoice')", 'subject asc')).toEqual([
			"Invoice 42 from O'Brien",
			'invoice reminder',
		]);
		expect(await subjects('isRead eq true or isRead eq false', 'isRead')).toHaveLength(4);
		// $orderby without $filter is always fine.
		const plain = await call(world.graph, 'GET', `${base}?${q('$orderby', 'subject')}`, { token });
		expect(plain.status).toBe(200);
	});

	it.each<[string, string]>([
		['isRead eq false', 'receivedDateTime desc'],
		['isRead eq false and receivedDateTime ge 2024-03-01', 'receivedDateTime desc'],
		["receivedDateTime ge 2024-03-01 and subject ne 'x'", 'subject,receivedDateTime'],
		["subject ne 'x'", 'receivedDateTime,subject'],
		["from/emailAddress/address eq 'a@b.c'", 'receivedDateTime desc'],
	])('answers InefficientFilter for $filter=%s with $orderby=%s', async (filter, orderby) => {
		expect(await failure(filter, orderby)).toEqual({
			code: 'InefficientFilter',
			message: 'The restriction or sort order is too complex for this operation.',
			innerError: expect.any(Object),
		});
	});
});
