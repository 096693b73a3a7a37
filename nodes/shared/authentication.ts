import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The FileMaker credentials a node accepts, each shown for its Authentication choice. */
export const fileMakerCredentials: INodeCredentialDescription[] = [
	{
		name: 'fileMakerServerApi',
		required: true,
		displayOptions: { show: { authentication: ['fileMakerServerApi'] } },
	},
	{
		name: 'fileMakerCloudApi',
		required: true,
		displayOptions: { show: { authentication: ['fileMakerCloudApi'] } },
	},
];

export const fileMakerAuthentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'FileMaker Server Account', value: 'fileMakerServerApi' },
		{ name: 'FileMaker Cloud (FileMaker ID)', value: 'fileMakerCloudApi' },
	],
	default: 'fileMakerServerApi',
};
