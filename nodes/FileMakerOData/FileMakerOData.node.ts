import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	fileMakerAuthentication,
	fileMakerCredentials,
	signedInSessionProperty,
} from '../shared/authentication';
import { odataProperties } from './actions/descriptions';
import { router } from './actions/router';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class FileMakerOData implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FileMaker OData',
		name: 'fileMakerOData',
		icon: { light: 'file:filemaker.svg', dark: 'file:filemaker.dark.svg' },
		group: ['input', 'output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Query FileMaker tables with OData: conditions that data cannot break, Return All, counts',
		defaults: { name: 'FileMaker OData' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: fileMakerCredentials,
		properties: [
			fileMakerAuthentication,
			signedInSessionProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Row', value: 'row' },
					{ name: 'Script', value: 'script' },
					{ name: 'Table', value: 'table' },
				],
				default: 'row',
			},
			...odataProperties,
		],
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
