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
import * as container from './actions/container';
import * as globalField from './actions/global';
import * as layout from './actions/layout';
import * as record from './actions/record';
import { router } from './actions/router';
import * as script from './actions/script';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class FileMakerDataApi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'FileMaker Data API',
		name: 'fileMakerDataApi',
		icon: { light: 'file:filemaker.svg', dark: 'file:filemaker.dark.svg' },
		group: ['input', 'output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Find, create and update FileMaker records, run scripts, and move container files with the FileMaker Data API',
		defaults: { name: 'FileMaker Data API' },
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
					{ name: 'Container', value: 'container' },
					{ name: 'Global Field', value: 'globalField' },
					{ name: 'Layout', value: 'layout' },
					{ name: 'Record', value: 'record' },
					{ name: 'Script', value: 'script' },
				],
				default: 'record',
			},
			...record.description,
			...script.description,
			...container.description,
			...globalField.description,
			...layout.description,
		],
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
