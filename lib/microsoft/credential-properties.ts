import type { INodeProperties } from 'n8n-workflow';

import { NATIONAL_CLOUDS } from './clouds';

/** Credential fields both Microsoft credentials share; their names are part of saved credentials. */
export const nationalCloudProperty: INodeProperties = {
	displayName: 'National Cloud',
	name: 'nationalCloud',
	type: 'options',
	options: Object.entries(NATIONAL_CLOUDS).map(([value, cloud]) => ({ name: cloud.name, value })),
	default: 'global',
	description: 'Where the tenant lives; it decides the sign-in and Graph hosts',
};

/**
 * Where requests for Microsoft's hosts really go, for a gateway in front of them (or a local
 * stand-in for tests); tokens are still issued for the national cloud.
 */
export const endpointProperties: INodeProperties[] = [
	{
		displayName:
			"Only for a gateway in front of Microsoft's endpoints (or a local stand-in for tests): requests go there instead, tokens are still issued for the national cloud.",
		name: 'endpointsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Identity Platform Endpoint',
		name: 'identityEndpoint',
		type: 'string',
		default: '',
		placeholder: 'https://login-gateway.example.com',
	},
	{
		displayName: 'Graph Endpoint',
		name: 'graphEndpoint',
		type: 'string',
		default: '',
		placeholder: 'https://graph-gateway.example.com',
	},
];
