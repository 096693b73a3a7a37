import type { IHttpRequestOptions } from 'n8n-workflow';

import { keepAliveRequest } from './keep-alive-client';
import type { Send } from './request-rules';
import { viaHttpRequest } from './request-rules';

/**
 * A `Send` for requests that carry their own authentication headers (no n8n credential
 * lifecycle): over kept-alive connections where allowed (see network-environment.ts), else
 * through n8n's helper, so its proxy and SSRF settings apply.
 */
export function plainSend(
	keepAlive: boolean,
	httpRequest: (options: IHttpRequestOptions) => Promise<unknown>,
	signal?: AbortSignal,
): Send {
	return keepAlive
		? async (options) => await keepAliveRequest(options, signal)
		: viaHttpRequest(httpRequest);
}
