import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

export const NO_OP = 'bench.noOp';

/** A node that passes its input on: what n8n's engine costs a workflow with one node. */
export class NoOp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation (bench)',
		name: 'noOp',
		group: ['transform'],
		version: 1,
		description: 'Passes its input on',
		defaults: { name: 'No Operation' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}
