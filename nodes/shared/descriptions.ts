import type { INodeProperties } from 'n8n-workflow';

/** What a script's non-zero error does to the item; both FileMaker nodes run scripts. */
export const onScriptErrorOption: INodeProperties = {
	displayName: 'On Script Error',
	name: 'onScriptError',
	type: 'options',
	options: [
		{
			name: 'Fail the Item',
			value: 'fail',
			description:
				'A non-zero scriptError stops the item with an error (or goes to the error output)',
		},
		{
			name: 'Output the Error',
			value: 'output',
			description: 'Put scriptError and scriptResult into the output and carry on',
		},
	],
	default: 'fail',
};
