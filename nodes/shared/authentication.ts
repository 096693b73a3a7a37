import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

const SIGNED_IN = 'fileMakerServerOAuthApi';

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
	{
		name: SIGNED_IN,
		required: true,
		displayOptions: { show: { authentication: [SIGNED_IN] } },
	},
];

export const fileMakerAuthentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'FileMaker Server Account', value: 'fileMakerServerApi' },
		{ name: 'FileMaker Cloud (FileMaker ID)', value: 'fileMakerCloudApi' },
		{ name: 'FileMaker Server OAuth (Signed-In Person)', value: SIGNED_IN },
	],
	default: 'fileMakerServerApi',
};

/** Where the person's session comes from, with the OAuth credential. */
export const signedInSessionProperty: INodeProperties = {
	displayName: 'Signed-In Session',
	name: 'signedInSession',
	type: 'string',
	default: '={{ $json.fileMakerSession }}',
	required: true,
	displayOptions: { show: { authentication: [SIGNED_IN] } },
	description:
		'The "fileMakerSession" field of the FileMaker Sign-In node\'s output. Keep the default right after that node; further on, point to that node\'s output field.',
};
