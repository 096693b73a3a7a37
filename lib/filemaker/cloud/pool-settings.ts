import type { TransportSettings } from '../../http/request-rules';
import { sendWithRules, viaHttpRequest } from '../../http/request-rules';
import type { HttpRequest } from '../session';

/** The Amazon Cognito user pool behind FileMaker ID (Claris ID). */
export interface CognitoPool {
	region: string;
	userPoolId: string;
	clientId: string;
	/** Cognito's endpoint; `https://cognito-idp.<region>.amazonaws.com/` unless overridden. */
	endpoint: string;
}

/** Where Claris publishes its pool settings (`data.Region`, `data.UserPool_ID`, `data.Client_ID`). */
export const CLARIS_POOL_SETTINGS_URL =
	'https://www.ifmcloud.com/endpoint/userpool/2.2.0.my.claris.com.json';

/** The values Claris published in 2025, used when its endpoint cannot be reached. */
export const KNOWN_CLARIS_POOL = {
	region: 'us-west-2',
	userPoolId: 'us-west-2_NqkuZcXQY',
	clientId: '4l9rvl4mv5es1eep1qe97cautn',
} as const;

export interface PoolOverrides {
	region?: string;
	userPoolId?: string;
	clientId?: string;
	endpoint?: string;
	settingsUrl?: string;
}

const published = new Map<string, Promise<Omit<CognitoPool, 'endpoint'> | undefined>>();

function cognitoEndpoint(region: string): string {
	return `https://cognito-idp.${region}.amazonaws.com/`;
}

async function fetchPublished(
	http: HttpRequest,
	url: string,
	transport: TransportSettings,
): Promise<Omit<CognitoPool, 'endpoint'> | undefined> {
	try {
		const answer = await sendWithRules(
			viaHttpRequest(http),
			{ options: { method: 'GET', url, json: true }, idempotent: true, serverName: url },
			{ ...transport, busyRetries: 0 },
		);
		const body = (typeof answer.body === 'string' ? JSON.parse(answer.body) : answer.body) as {
			data?: { Region?: unknown; UserPool_ID?: unknown; Client_ID?: unknown };
		};
		const { Region, UserPool_ID, Client_ID } = body?.data ?? {};
		if (typeof UserPool_ID !== 'string' || typeof Client_ID !== 'string') return undefined;
		return {
			region: typeof Region === 'string' ? Region : UserPool_ID.split('_')[0],
			userPoolId: UserPool_ID,
			clientId: Client_ID,
		};
	} catch {
		return undefined;
	}
}

/**
 * The pool to sign in to: the overrides when they name a pool and client, else Claris'
 * published settings (fetched once per process and URL), else the known values.
 */
export async function resolvePool(
	http: HttpRequest,
	overrides: PoolOverrides,
	transport: TransportSettings,
): Promise<CognitoPool> {
	let pool: Omit<CognitoPool, 'endpoint'>;
	if (overrides.userPoolId && overrides.clientId) {
		pool = {
			region: overrides.region || overrides.userPoolId.split('_')[0],
			userPoolId: overrides.userPoolId,
			clientId: overrides.clientId,
		};
	} else {
		const url = overrides.settingsUrl || CLARIS_POOL_SETTINGS_URL;
		let pending = published.get(url);
		if (!pending) {
			pending = fetchPublished(http, url, transport);
			published.set(url, pending);
			// A failed fetch is not kept: the next sign-in asks again.
			void pending.then((found) => found ?? published.delete(url));
		}
		pool = (await pending) ?? KNOWN_CLARIS_POOL;
	}
	return { ...pool, endpoint: overrides.endpoint || cognitoEndpoint(pool.region) };
}
