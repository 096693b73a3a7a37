import fc from 'fast-check';

import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, startTestBed } from '../../helpers/filemaker';
import { contactsTable, odataNode } from '../../helpers/odata';
import { startCloudTestBed } from '../../helpers/filemaker-cloud';
import { useSimulatedTime } from '../../helpers/simulated-time';

/** Values built to break a naive filter, as data a workflow might carry. */
const hostile = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 20 }),
	fc
		.array(
			fc.constantFrom(
				"'",
				'"',
				' ',
				'(',
				')',
				' and ',
				' or ',
				'not ',
				' eq ',
				'=',
				'*',
				'%',
				'é',
				'日本',
				'😀',
				"O'Brien",
				'',
			),
			{ maxLength: 8 },
		)
		.map((parts) => parts.join('')),
);

describe('FileMaker OData: values from items cannot change the query', () => {
	let bed: FileMakerTestBed;
	beforeAll(async () => (bed = await startTestBed()));
	afterAll(async () => await bed.close());

	it('finds exactly the rows holding each of about 300 generated values, and no other', async () => {
		// Empty is not a value to match but the "Is Empty" condition: FileMaker stores it as null.
		const values = fc
			.sample(hostile, { numRuns: 330, seed: 20261129 })
			.filter((value) => value !== '');
		for (const [index, value] of values.entries()) {
			bed.fm.store.insert(DATABASE, 'Contacts', {
				email: `escape${index}@example.com`,
				notes: value,
			});
		}
		// As a workflow passes data: each item's value through an expression, one query per item.
		const execution = await bed.engine.run({
			input: values.map((value) => ({ json: { value } })),
			nodes: [
				odataNode({
					resource: 'row',
					operation: 'getMany',
					table: contactsTable,
					conditions: {
						condition: [{ field: 'notes', operator: 'eq', value: '={{ $json.value }}' }],
					},
					returnAll: true,
					options: { select: ['id'] },
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		const found = values.map(() => [] as unknown[]);
		for (const item of execution.output()) {
			found[(item.pairedItem as { item: number }).item].push(item.json.id);
		}
		const records = bed.fm.store.records(DATABASE, 'Contacts');
		values.forEach((value, index) => {
			const expected = records
				.filter((record) => record.fields.notes === value)
				.map((record) => record.fields.id);
			expect({ value, ids: found[index].sort() }).toEqual({ value, ids: [...expected].sort() });
		});
	});
});

describe('FileMaker OData on FileMaker Cloud', () => {
	it('reads every row with Return All, with FMID on each request and no Data API session', async () => {
		const cloud = await startCloudTestBed();
		try {
			const execution = await cloud.engine.run({
				nodes: [
					{
						...cloud.node({
							resource: 'row',
							operation: 'getMany',
							table: contactsTable,
							returnAll: true,
						}),
						type: odataNode({}).type,
					},
				],
			});
			expect(execution.error).toBeUndefined();
			expect(execution.output()).toHaveLength(cloud.cloud.fm.store.count(DATABASE, 'Contacts'));
			expect(cloud.cloud.cognito.counters.srpLogins).toBe(1);
			expect(cloud.cloud.fm.counters.logins).toBe(0);
			expect(cloud.cloud.fm.authLog.presented({ scheme: 'FMID' }).length).toBeGreaterThan(0);
		} finally {
			await cloud.close();
		}
	});

	it('refreshes an expired idToken once per hour, not once per execution', async () => {
		const time = useSimulatedTime();
		const cloud = await startCloudTestBed();
		try {
			const node = {
				...cloud.node({ resource: 'row', operation: 'getMany', table: contactsTable, limit: 1 }),
				type: odataNode({}).type,
			};
			expect((await cloud.engine.run({ nodes: [node] })).error).toBeUndefined();
			time.advance(61 * 60_000);
			for (let run = 0; run < 5; run++) {
				expect((await cloud.engine.run({ nodes: [node] })).error).toBeUndefined();
			}
			expect(cloud.cloud.cognito.counters.srpLogins).toBe(1);
			expect(cloud.cloud.cognito.counters.refreshes).toBe(1);
		} finally {
			await cloud.close();
			time.restore();
		}
	});
});
