import { FileMakerDataApi } from '../../../nodes/FileMakerDataApi/FileMakerDataApi.node';

/** Every `description` of the node's parameters, their options and nested values. */
function descriptions(value: unknown, path = ''): Array<{ path: string; text: string }> {
	if (Array.isArray(value)) return value.flatMap((entry) => descriptions(entry, path));
	if (typeof value !== 'object' || value === null) return [];
	const object = value as Record<string, unknown>;
	const here = `${path}/${String(object.name ?? '')}`;
	const own =
		typeof object.description === 'string' ? [{ path: here, text: object.description }] : [];
	return [...own, ...descriptions(object.options, here), ...descriptions(object.values, here)];
}

describe('parameter descriptions', () => {
	const all = descriptions(new FileMakerDataApi().description.properties);

	it('are found', () => {
		expect(all.length).toBeGreaterThan(50);
	});

	it('never say the same sentence twice', () => {
		const doubled = all.filter(({ text }) => {
			const sentences = text.split(/(?<=\.)\s+/).map((sentence) => sentence.trim());
			return new Set(sentences).size !== sentences.length;
		});
		expect(doubled).toEqual([]);
	});

	it('lead dropdowns from the layout with what to pick, before how to pick it', () => {
		const standard = all.filter(({ text }) => text.startsWith('Choose from the list'));
		expect(standard).toEqual([]);
	});
});
