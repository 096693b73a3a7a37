/**
 * Microsoft's national clouds: each has its own sign-in host (authority) and Graph host, and
 * tokens of one are not accepted by the other.
 * https://learn.microsoft.com/graph/deployments
 */
export const NATIONAL_CLOUDS = {
	global: {
		name: 'Global (microsoft.com)',
		authorityHost: 'https://login.microsoftonline.com',
		graphHost: 'https://graph.microsoft.com',
	},
	usGovernment: {
		name: 'US Government L4 (GCC High)',
		authorityHost: 'https://login.microsoftonline.us',
		graphHost: 'https://graph.microsoft.us',
	},
	usGovernmentDod: {
		name: 'US Government L5 (DOD)',
		authorityHost: 'https://login.microsoftonline.us',
		graphHost: 'https://dod-graph.microsoft.us',
	},
	china: {
		name: 'China (operated by 21Vianet)',
		authorityHost: 'https://login.chinacloudapi.cn',
		graphHost: 'https://microsoftgraph.chinacloudapi.cn',
	},
} as const;

export type NationalCloud = keyof typeof NATIONAL_CLOUDS;

export function isNationalCloud(value: string): value is NationalCloud {
	return Object.hasOwn(NATIONAL_CLOUDS, value);
}
