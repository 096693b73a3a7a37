import type { INodeParameters } from 'n8n-workflow';

import type { FileMakerTestBed } from '../../helpers/filemaker';
import { DATABASE, layout, startTestBed } from '../../helpers/filemaker';

/**
 * Values that contain FileMaker find operators (Claris' "Find operators" list), stored in the
 * `notes` of one contact, with decoys: values the operator would find if it reached FileMaker
 * unescaped. Each case has a company of its own, so its finds see only its own records.
 */
interface OperatorCase {
	operator: string;
	value: string;
	decoys: string[];
	/** What "Contains" looks for: the operator unless given. */
	part?: string;
}

const CASES: OperatorCase[] = [
	{ operator: '…', value: '1…5', decoys: ['3'] },
	{ operator: '...', value: '1...5', decoys: ['3'] },
	{ operator: '..', value: '1..5', decoys: ['3'] },
	{ operator: '!', value: '!', decoys: ['twice', 'twice'] },
	{ operator: '~', value: '~カナ', decoys: ['かな'] },
	{ operator: '@', value: 'A@B', decoys: ['AxB'] },
	{ operator: '#', value: 'A#B', decoys: ['A5B'] },
	{ operator: '*', value: 'A*B', decoys: ['AxxB'] },
	{ operator: '""', value: 'say "hi"', decoys: ['say hi'], part: '"hi"' },
	{ operator: '=', value: '=Joe', decoys: ['Joe Smith'] },
	{ operator: '==', value: '==Joe', decoys: ['Joe'] },
	{ operator: '<', value: '<m', decoys: ['apple'] },
	{ operator: '>', value: '>m', decoys: ['zebra'] },
	{ operator: '≤', value: '≤m', decoys: ['apple'] },
	{ operator: '≥', value: '≥m', decoys: ['zebra'] },
	{ operator: '\\', value: 'back\\slash', decoys: ['backslash'] },
	// In a text field the sandbox, like FileMaker, reads these as operators only in date fields
	// (see the date test below); they still have to match themselves.
	{ operator: '?', value: 'why?', decoys: [] },
	{ operator: '//', value: 'a//b', decoys: [] },
];

const company = (index: number) => `operators-${index}`;
const targetEmail = (index: number) => `target-${index}@operators.example`;

type Condition = { field: string; operator: string; value?: string; upTo?: string };

/** n8n reads a parameter that starts with "=" as an expression: send such text as one. */
const fixed = (text: string) => (text.startsWith('=') ? `={{ ${JSON.stringify(text)} }}` : text);

describe('Find operators in values are matched literally', () => {
	let bed: FileMakerTestBed;
	const recordIds = new Map<number, number>();

	beforeAll(async () => {
		bed = await startTestBed();
		CASES.forEach(({ value, decoys }, index) => {
			const target = bed.fm.store.insert(DATABASE, 'Contacts', {
				email: targetEmail(index),
				company: company(index),
				notes: value,
			});
			recordIds.set(index, target.recordId);
			decoys.forEach((decoy, decoyIndex) =>
				bed.fm.store.insert(DATABASE, 'Contacts', {
					email: `decoy-${index}-${decoyIndex}@operators.example`,
					company: company(index),
					notes: decoy,
				}),
			);
		});
	});
	afterAll(async () => await bed.close());

	async function find(conditions: Condition[], extra: INodeParameters = {}): Promise<string[]> {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'find',
					layout: layout('Contacts'),
					queryMode: 'builder',
					findRequests: { request: [{ omit: false, conditions: { condition: conditions } }] },
					returnAll: true,
					...extra,
				}),
			],
		});
		expect(execution.error).toBeUndefined();
		return execution
			.output()
			.map((item) => String(item.json.email))
			.sort();
	}

	/** Finds `notes` with `operator` and `value` among the records of case `index`. */
	async function findNotes(index: number, operator: string, value: string) {
		return await find([
			{ field: 'company', operator: 'equals', value: company(index) },
			{ field: 'notes', operator, value: fixed(value) },
		]);
	}

	describe.each(CASES.map((testCase, index) => ({ ...testCase, index })))(
		'$operator in "$value"',
		({ value, operator, decoys, part, index }) => {
			it('is found by Is Equal To, Contains and Has a Word Starting With, and only it', async () => {
				const target = [targetEmail(index)];
				expect(await findNotes(index, 'equals', value)).toEqual(target);
				expect(await findNotes(index, 'contains', part ?? operator)).toEqual(target);
				expect(await findNotes(index, 'matchesWord', value)).toEqual(target);
			});

			if (decoys.length > 0) {
				it('finds the decoys when sent unescaped', async () => {
					const unescaped = await findNotes(index, 'findSyntax', value);
					expect(unescaped).not.toEqual([targetEmail(index)]);
					expect(unescaped).toContain(`decoy-${index}-0@operators.example`);
				});
			}

			it('is the record Create or Update matches', async () => {
				const execution = await bed.engine.run({
					nodes: [
						bed.node({
							resource: 'record',
							operation: 'upsert',
							layout: layout('Contacts'),
							dataMode: 'json',
							fieldData: JSON.stringify({
								email: targetEmail(index),
								company: company(index),
								notes: value,
								firstName: `Matched ${index}`,
							}),
							matchFields: ['company', 'notes'],
						}),
					],
				});
				expect(execution.error).toBeUndefined();
				expect(execution.output().map((item) => item.json)).toEqual([
					expect.objectContaining({ action: 'updated', recordId: String(recordIds.get(index)) }),
				]);
				const touched = bed.fm.store
					.records(DATABASE, 'Contacts')
					.filter((record) => record.fields.firstName === `Matched ${index}`)
					.map((record) => record.fields.email);
				expect(touched).toEqual([targetEmail(index)]);
			});
		},
	);

	it('does not read ? as "invalid date" in a date field', async () => {
		bed.fm.store.insert(DATABASE, 'Contacts', {
			email: 'invalid-date@operators.example',
			company: 'operators-dates',
			createdDate: 'soon',
		});
		const byDate = (operator: string) =>
			find([
				{ field: 'company', operator: 'equals', value: 'operators-dates' },
				{ field: 'createdDate', operator, value: '?' },
			]);
		expect(await byDate('matchesWord')).toEqual([]);
		expect(await byDate('findSyntax')).toEqual(['invalid-date@operators.example']);
	});

	it('keeps a dot at the end of a bound inside its bound in Is Between', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'find',
					layout: layout('Contacts'),
					queryMode: 'builder',
					findRequests: {
						request: [
							{
								omit: false,
								conditions: {
									condition: [{ field: 'score', operator: 'between', value: '20.', upTo: '30' }],
								},
							},
						],
					},
					returnAll: true,
				}),
			],
		});
		expect(execution.output().map((item) => item.json.lastName)).toEqual(['Smithson', 'Smith']);
	});
});
