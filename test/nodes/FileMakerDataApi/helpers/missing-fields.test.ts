import {
	namesInFind,
	namesInWrite,
	notOnLayout,
} from '../../../../nodes/FileMakerDataApi/helpers/missing-fields';
import type {
	FieldMetaData,
	LayoutMetadata,
} from '../../../../nodes/FileMakerDataApi/helpers/layout-metadata';

const field = (name: string): FieldMetaData => ({
	name,
	type: 'normal',
	result: 'text',
	global: false,
	autoEnter: false,
	maxRepeat: 1,
	notEmpty: false,
});

const metadata: LayoutMetadata = {
	fieldMetaData: [field('email'), field('notes'), field('Company::name')],
	portalMetaData: { 'Phone list': [field('Phones::number')] },
};

describe('notOnLayout', () => {
	it('names fields and portals the layout lacks, each once, in the order sent', () => {
		expect(
			notOnLayout(
				{ fields: ['email', 'emial', 'Phones::numbr', 'emial'], portals: ['Phonez'] },
				metadata,
			),
		).toEqual(['"emial"', '"Phones::numbr"', 'portal "Phonez"']);
	});

	it('knows related fields, portal fields, repetitions, and portals by object or occurrence name', () => {
		expect(
			notOnLayout(
				{
					fields: ['notes(2)', 'Company::name', 'Phones::number'],
					portals: ['Phone list', 'Phones'],
				},
				metadata,
			),
		).toEqual([]);
	});

	it('does not blame a name that differs from a layout field only in case', () => {
		expect(notOnLayout({ fields: ['EMAIL'] }, metadata)).toEqual([]);
	});
});

describe('names a request sent', () => {
	it('in a write: fieldData and portalData, without deleteRelated, recordId and modId', () => {
		expect(
			namesInWrite({
				fieldData: { email: 'a', deleteRelated: 'Phones.7' },
				portalData: { Phones: [{ recordId: '7', modId: '1', 'Phones::number': '555' }] },
			}),
		).toEqual({ fields: ['email', 'Phones::number'], portals: ['Phones'] });
	});

	it('in a find: criteria without omit, then sort fields', () => {
		expect(namesInFind([{ a: '1', omit: 'false' }, { b: '2' }], [{ fieldName: 'c' }])).toEqual({
			fields: ['a', 'b', 'c'],
		});
	});
});
