/** Where Claris publishes the Claris ID pool; the sandbox serves the same path. */
export const POOL_SETTINGS_PATH = '/endpoint/userpool/2.2.0.my.claris.com.json';

/** The values of Claris' own pool, as of 2025, which clients fall back to. */
export const CLARIS_POOL = {
	region: 'us-west-2',
	userPoolId: 'us-west-2_NqkuZcXQY',
	clientId: '4l9rvl4mv5es1eep1qe97cautn',
} as const;

export interface PoolSettingsDocument {
	errcode: 'Ok';
	errmessage: null;
	data: {
		Region: string;
		UserPool_ID: string;
		Client_ID: string;
		API_Host: string;
		FCC_Host: string;
	};
	csrid: null;
}

/**
 * The document at `https://www.ifmcloud.com/endpoint/userpool/2.2.0.my.claris.com.json`, as
 * Claris Customer Console Help ("Using Claris ID for external authentication") shows it, with
 * this pool's region, id and client. Claris notes that Region and API_Host are not used for
 * authentication; API_Host and FCC_Host keep Claris' values.
 */
export function poolSettings(pool: {
	region: string;
	userPoolId: string;
	clientId: string;
}): PoolSettingsDocument {
	return {
		errcode: 'Ok',
		errmessage: null,
		data: {
			Region: pool.region,
			UserPool_ID: pool.userPoolId,
			Client_ID: pool.clientId,
			API_Host: 'api-cp-global.ifmcloud.com/2-2',
			FCC_Host: 'console.claris.com',
		},
		csrid: null,
	};
}
