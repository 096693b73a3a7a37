import type { FileMakerTestBed } from '../../helpers/filemaker';
import { layout, startTestBed } from '../../helpers/filemaker';

describe('Pickers: layouts, scripts, fields, portals and the field mapping', () => {
	let bed: FileMakerTestBed;
	beforeAll(async () => (bed = await startTestBed()));
	afterAll(async () => await bed.close());

	const onLayout = (name: string) =>
		bed.node({ resource: 'record', operation: 'create', layout: layout(name) });

	it('lists layouts, with folders shown and a search filter', async () => {
		const all = await bed.engine.listSearch(onLayout(''), 'searchLayouts');
		expect(all.results).toEqual(
			expect.arrayContaining([
				{ name: 'Contacts (People)', value: 'Contacts' },
				{ name: 'Phones', value: 'Phones' },
			]),
		);
		const filtered = await bed.engine.listSearch(onLayout(''), 'searchLayouts', 'system');
		expect(filtered.results).toEqual([{ name: 'Log (System)', value: 'Log' }]);
	});

	it('lists scripts', async () => {
		const scripts = await bed.engine.listSearch(onLayout(''), 'searchScripts', 'touch');
		expect(scripts.results).toEqual([{ name: 'Touch Contact (Contacts)', value: 'Touch Contact' }]);
		const options = await bed.engine.loadOptions(onLayout(''), 'getScripts');
		expect(options.map((option) => option.value)).toContain('Echo');
	});

	it('lists the fields of the chosen layout, and nothing before one is chosen', async () => {
		expect(await bed.engine.loadOptions(onLayout(''), 'getFields')).toEqual([]);
		const fields = await bed.engine.loadOptions(onLayout('Contact List'), 'getFields');
		expect(fields.map((field) => field.value)).toEqual(['id', 'firstName', 'lastName', 'email']);
		const containers = await bed.engine.loadOptions(onLayout('Contacts'), 'getContainerFields');
		expect(containers.map((field) => field.value)).toEqual(['photo']);
		const portals = await bed.engine.loadOptions(onLayout('Contact Details'), 'getPortals');
		expect(portals.map((portal) => portal.value)).toEqual(['Phones']);
	});

	it('builds the field mapping from writable fields: no globals, no containers', async () => {
		const { fields } = await bed.engine.resourceMapping(onLayout('Contacts'), 'getMappingFields');
		const ids = fields.map((field) => field.id);
		expect(ids).toEqual(expect.arrayContaining(['email', 'firstName', 'score', 'notes']));
		expect(ids).not.toContain('photo');
		expect(ids).not.toContain('gCurrentUser');
		expect(fields.find((field) => field.id === 'score')?.type).toBe('number');
		expect(fields.find((field) => field.id === 'email')?.required).toBe(true);
	});

	it('shows FileMaker errors in the dropdown', async () => {
		await expect(bed.engine.loadOptions(onLayout('Nope'), 'getFields')).rejects.toThrow(/105/);
	});
});
