import type { FileMakerTestBed } from '../../helpers/filemaker';
import { layout, startTestBed } from '../../helpers/filemaker';

describe('Global Field and Layout', () => {
	let bed: FileMakerTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	it('sets a global field for the shared session, which later reads see', async () => {
		const set = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'globalField',
					operation: 'set',
					globalFields: { field: [{ name: 'Contacts::gCurrentUser', value: 'n8n' }] },
				}),
			],
		});
		expect(set.output()[0].json).toEqual({ globalFields: { 'Contacts::gCurrentUser': 'n8n' } });
		const read = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'get',
					layout: layout('Contacts'),
					recordId: '1',
				}),
			],
		});
		expect(read.output()[0].json.gCurrentUser).toBe('n8n');
		expect(bed.fm.counters.logins).toBe(1);
	});

	it("sets global fields in a session of the operation's own, which nobody else sees, and logs it out", async () => {
		const getFirst = (options = {}) =>
			bed.node({
				resource: 'record',
				operation: 'get',
				layout: layout('Contacts'),
				recordId: '1',
				options,
			});
		await bed.engine.run({ nodes: [getFirst()] });
		const sharedToken = String(
			(await bed.engine.credentials.stored('filemaker-sandbox')).sessionToken,
		);

		const own = await bed.engine.run({
			nodes: [
				getFirst({
					ownSessionGlobals: { field: [{ name: 'Contacts::gCurrentUser', value: 'private' }] },
				}),
			],
		});
		expect(own.error).toBeUndefined();
		expect(own.output()[0].json.gCurrentUser).toBe('private');
		expect(bed.fm.counters.logins).toBe(2);
		expect(bed.fm.counters.logouts).toBe(1);
		expect(bed.fm.sessions.activeCount()).toBe(1);
		expect(bed.fm.sessions.isOpen(sharedToken)).toBe(true);

		// The shared session never saw the value, and its token was not replaced.
		const shared = await bed.engine.run({ nodes: [getFirst()] });
		expect(shared.output()[0].json.gCurrentUser).toBe('');
		expect(String((await bed.engine.credentials.stored('filemaker-sandbox')).sessionToken)).toBe(
			sharedToken,
		);
	});

	it('logs the own session out when the operation fails', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'record',
					operation: 'get',
					layout: layout('Contacts'),
					recordId: '9999',
					options: {
						ownSessionGlobals: { field: [{ name: 'Contacts::gCurrentUser', value: 'x' }] },
					},
				}),
			],
		});
		expect(execution.error?.message).toMatch(/FileMaker error 101/);
		expect(bed.fm.counters.logouts).toBe(1);
		expect(bed.fm.sessions.activeCount()).toBe(0);
	});

	it('asks for fully qualified global field names', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'globalField',
					operation: 'set',
					globalFields: { field: [{ name: 'gCurrentUser', value: 'n8n' }] },
				}),
			],
		});
		expect(execution.error?.message).toBe('The global field "gCurrentUser" is not fully qualified');
	});

	it('lists layouts with their folders', async () => {
		const execution = await bed.engine.run({
			nodes: [bed.node({ resource: 'layout', operation: 'getMany' })],
		});
		expect(execution.output().map((item) => item.json)).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ name: 'Contacts', folder: 'People' }),
				expect.objectContaining({ name: 'Phones', folder: '' }),
			]),
		);
	});

	it('returns the fields, portals and value lists of a layout', async () => {
		const execution = await bed.engine.run({
			nodes: [
				bed.node({
					resource: 'layout',
					operation: 'getMetadata',
					layout: layout('Contact Details'),
				}),
			],
		});
		const { json } = execution.output()[0];
		expect(json.layout).toBe('Contact Details');
		expect(json.fieldMetaData).toEqual(
			expect.arrayContaining([expect.objectContaining({ name: 'email', result: 'text' })]),
		);
		expect(Object.keys(json.portalMetaData as object)).toEqual(['Phones']);
		expect(json.valueLists).toEqual(
			expect.arrayContaining([expect.objectContaining({ name: 'Status' })]),
		);
	});
});
