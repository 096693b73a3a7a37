import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

type LegacyRequest = (uriOrObject: string | object, options?: object) => Promise<unknown>;

/**
 * A credential test only gets n8n's legacy `request` helper; this speaks to it in the options
 * the transport rules use (the full answer whatever its status, no redirects, a timeout), so the
 * test runs the same code as an execution.
 */
export function viaLegacyRequest(request: LegacyRequest) {
	return async (options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> => {
		const answer = (await request({
			method: options.method ?? 'GET',
			uri: options.url,
			qs: options.qs,
			headers: options.headers,
			body: options.body,
			json: options.json !== false,
			timeout: options.timeout,
			rejectUnauthorized: options.skipSslCertificateValidation !== true,
			followRedirect: false,
			followAllRedirects: false,
			resolveWithFullResponse: true,
			simple: false,
		})) as IN8nHttpFullResponse;
		return { statusCode: answer.statusCode, headers: answer.headers, body: answer.body };
	};
}
