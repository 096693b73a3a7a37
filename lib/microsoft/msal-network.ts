import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { HttpRequest, TransportSettings } from '../http/request-rules';
import { sendWithRules, viaHttpRequest } from '../http/request-rules';

export interface MsalNetworkSettings {
	/** `https://login.microsoftonline.com` or a national cloud's: the only host msal may reach. */
	authorityHost: string;
	/** Where requests for the authority host really go (a gateway or test stand-in), if not there. */
	identityEndpoint?: string;
	transport: TransportSettings;
}

/**
 * msal's network client on n8n's HTTP helper, so that n8n's proxy settings apply to token
 * requests as to every other request, under this package's transport rules (a timeout, no
 * redirects, Retry-After). msal sends only to its authority; anything else is refused.
 * `onFailure` sees what failed (a timeout, a refused redirect…): msal itself only reports
 * "network_error" for it.
 */
export function n8nNetworkClient(
	http: HttpRequest,
	settings: MsalNetworkSettings,
	onFailure: (error: unknown) => void = () => {},
): INetworkModule {
	const send = async <T>(
		method: IHttpRequestMethods,
		url: string,
		options: NetworkRequestOptions | undefined,
	): Promise<NetworkResponse<T>> => {
		const answer = await sendWithRules(
			viaHttpRequest(http),
			{
				options: {
					method,
					url: routed(url, settings),
					headers: options?.headers,
					body: options?.body,
					json: false,
					encoding: 'text',
				},
				idempotent: method === 'GET',
				serverName: 'The Microsoft identity platform',
			},
			settings.transport,
		).catch((error: unknown) => {
			onFailure(error);
			throw error;
		});
		return {
			status: answer.statusCode,
			headers: stringHeaders(answer.headers),
			body: parsed(answer.body) as T,
		};
	};
	return {
		sendGetRequestAsync: async (url, options) => await send('GET', url, options),
		sendPostRequestAsync: async (url, options) => await send('POST', url, options),
	};
}

function routed(url: string, settings: MsalNetworkSettings): string {
	const target = new URL(url);
	if (target.origin !== new URL(settings.authorityHost).origin) {
		throw new Error(`msal asked for ${target.origin}, which is not the credential's authority`);
	}
	if (!settings.identityEndpoint) return url;
	return `${settings.identityEndpoint}${target.pathname}${target.search}`;
}

function stringHeaders(headers: IDataObject): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [
			name,
			Array.isArray(value) ? value.join(', ') : String(value),
		]),
	);
}

/** msal reads JSON bodies as objects; an answer that is not JSON is handed on as text. */
function parsed(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return body;
	}
}
