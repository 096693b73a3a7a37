import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

/**
 * `helpers.httpRequest` for code that runs outside n8n (the `bin` command), on Node's fetch.
 * Only the form the transport rules use: full response, no status errors, no redirects.
 */
export async function fetchHttpRequest(
	options: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const url = new URL(options.url);
	for (const [name, value] of Object.entries(options.qs ?? {})) {
		if (value !== undefined && value !== null) url.searchParams.append(name, String(value));
	}
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = String(value);
	let body: string | undefined;
	if (typeof options.body === 'string') body = options.body;
	else if (options.body !== undefined && options.method !== 'GET') {
		body = JSON.stringify(options.body);
		headers['Content-Type'] ??= 'application/json';
	}
	const response = await fetch(url, {
		method: options.method ?? 'GET',
		headers,
		body,
		redirect: 'manual',
		signal: options.timeout ? AbortSignal.timeout(options.timeout) : undefined,
	});
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = text === '' ? '' : JSON.parse(text);
	} catch {
		// Not JSON: keep the text.
	}
	return {
		statusCode: response.status,
		statusMessage: response.statusText,
		headers: Object.fromEntries(response.headers.entries()) as IDataObject,
		body: parsed as IN8nHttpFullResponse['body'],
	};
}
