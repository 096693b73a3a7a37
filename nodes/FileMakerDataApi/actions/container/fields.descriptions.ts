import type { INodeProperties } from 'n8n-workflow';

export const containerFieldProperty: INodeProperties = {
	displayName: 'Container Field Name or ID',
	name: 'containerField',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getContainerFields', loadOptionsDependsOn: ['layout.value'] },
	default: '',
	required: true,
	description:
		'The container field on the layout that holds the file. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const repetitionProperty: INodeProperties = {
	displayName: 'Repetition',
	name: 'repetition',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1,
	description: 'Which repetition of a repeating container field (1 for ordinary fields)',
};

export function binaryPropertyProperty(description: string): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file',
		description,
	};
}
