import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, layout, startTestBed } from '../../helpers/filemaker';

const contacts = layout('Contacts');

type Condition = {
	field: string;
	operator: string;
	value?: string;
	upTo?: string;
};

function condition(field: string, operator: string, value?: string, upTo?: string): Condition {
	return { field, operator, value, upTo };
}

function findNode(
	bed: FileMakerTestBed,
	requests: Array<{ omit?: boolean; conditions: Condition[] }>,
	extra = {},
) {
	return bed.node({
		resource: 'record',
		operation: 'find',
		layout: contacts,
		queryMode: 'builder',
		findRequests: {
			request: requests.map((request) => ({
				omit: request.omit ?? false,
				conditions: { condition: request.conditions },
			})),
		},
		returnAll: true,
		...extra,
	});
}

describe('Record: Find', () => {
	let bed: FileMakerTestBed;
	beforeAll(async () => (bed = await startTestBed()));
	afterAll(async () => await bed.close());

	async function lastNames(node: ReturnType<typeof findNode>) {
		const execution = await bed.engine.run({ nodes: [node] });
		expect(execution.error).toBeUndefined();
		return execution.output().map((item) => item.json.lastName);
	}

	it('finds by whole-field equality, not by word prefix', async () => {
		expect(
			await lastNames(findNode(bed, [{ conditions: [condition('lastName', 'equals', 'Smith')] }])),
		).toEqual(['Smith', 'Smith']);
		expect(
			await lastNames(
				findNode(bed, [{ conditions: [condition('lastName', 'matchesWord', 'Smith')] }]),
			),
		).toEqual(['Smith', 'Smithson', 'Smith']);
	});

	it('ANDs conditions in a request, ORs requests, and removes omitted records', async () => {
		const names = await lastNames(
			findNode(
				bed,
				[
					{ conditions: [condition('company', 'equals', 'Bell Labs')] },
					{
						conditions: [
							condition('company', 'equals', 'Acme Corp'),
							condition('status', 'equals', 'Lead'),
						],
					},
					{ omit: true, conditions: [condition('status', 'equals', 'Archived')] },
				],
				{ sort: { rule: [{ fieldName: 'lastName', sortOrder: 'ascend' }] } },
			),
		);
		expect(names).toEqual(['Smithson', 'Thompson']);
	});

	it('compares numbers and ranges', async () => {
		expect(
			await lastNames(
				findNode(bed, [{ conditions: [condition('score', 'greaterOrEqual', '95')] }], {
					sort: { rule: [{ fieldName: 'score', sortOrder: 'ascend' }] },
				}),
			),
		).toEqual(['Johnson', 'Hamilton']);
		expect(
			await lastNames(findNode(bed, [{ conditions: [condition('score', 'between', '20', '30')] }])),
		).toEqual(['Smithson', 'Smith']);
	});

	it('matches user values literally: find operators in a value are escaped', async () => {
		const local = await startTestBed();
		try {
			local.fm.store.insert(DATABASE, 'Contacts', {
				email: 'star@x.example',
				lastName: 'A*B',
				company: '<none>',
			});
			local.fm.store.insert(DATABASE, 'Contacts', { email: 'axb@x.example', lastName: 'AxxB' });
			const execution = await local.engine.run({
				nodes: [findNode(local, [{ conditions: [condition('lastName', 'equals', 'A*B')] }])],
			});
			expect(execution.output().map((item) => item.json.email)).toEqual(['star@x.example']);

			// Unescaped, "<none>" would be FileMaker's "less than" and find most contacts.
			const angleBrackets = await local.engine.run({
				nodes: [findNode(local, [{ conditions: [condition('company', 'matchesWord', '<none>')] }])],
			});
			expect(angleBrackets.output().map((item) => item.json.email)).toEqual(['star@x.example']);

			const raw = await local.engine.run({
				nodes: [findNode(local, [{ conditions: [condition('lastName', 'findSyntax', '==A*B')] }])],
			});
			expect(
				raw
					.output()
					.map((item) => item.json.email)
					.sort(),
			).toEqual(['axb@x.example', 'star@x.example']);
		} finally {
			await local.close();
		}
	});

	it('finds empty and non-empty fields', async () => {
		const local = await startTestBed();
		try {
			local.fm.store.insert(DATABASE, 'Contacts', {
				email: 'nocompany@x.example',
				lastName: 'Nobody',
			});
			const execution = await local.engine.run({
				nodes: [findNode(local, [{ conditions: [condition('company', 'isEmpty')] }])],
			});
			expect(execution.output().map((item) => item.json.lastName)).toEqual(['Nobody']);
		} finally {
			await local.close();
		}
	});

	it('accepts a query in JSON, in FileMaker find syntax', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'find',
					layout: contacts,
					queryMode: 'json',
					query: '[{"company": "==Bell Labs"}, {"lastName": "Ritchie", "omit": "true"}]',
					returnAll: true,
				}),
			],
		});
		expect(execution.output().map((item) => item.json.lastName)).toEqual(['Thompson']);
	});

	it('returns no items and no error when nothing matches', async () => {
		const execution = await bed.engine.run({
			nodes: [findNode(bed, [{ conditions: [condition('lastName', 'equals', 'Nobody At All')] }])],
		});
		expect(execution.error).toBeUndefined();
		expect(execution.output()).toEqual([]);
	});

	it('fails with FileMaker error 401 when nothing matches and the builder asked for that', async () => {
		const execution = await bed.engine.run({
			nodes: [
				findNode(bed, [{ conditions: [condition('lastName', 'equals', 'Nobody At All')] }], {
					options: { onNoMatch: 'fail' },
				}),
			],
		});
		expect(execution.error?.message).toBe(
			'No records match the request (FileMaker error 401; layout "Contacts")',
		);
	});

	it('pages through a large found set with Return All', async () => {
		const local = await startTestBed();
		try {
			local.fm.store.insertMany(DATABASE, 'Contacts', 2500, (index) => ({
				email: `page${index}@example.com`,
				company: index % 2 === 0 ? 'Even Ltd' : 'Odd Ltd',
			}));
			const execution = await local.engine.run({
				nodes: [
					findNode(local, [{ conditions: [condition('company', 'equals', 'Even Ltd')] }], {
						options: { portals: 'none', pageSize: 500 },
					}),
				],
			});
			expect(execution.output()).toHaveLength(1250);
			expect(local.fm.counters.requests('find')).toBe(3);
		} finally {
			await local.close();
		}
	});

	it('explains a request without conditions', async () => {
		const execution = await bed.engine.run({ nodes: [findNode(bed, [{ conditions: [] }])] });
		expect(execution.error?.message).toBe('Find request 1 has no conditions');
	});
});
