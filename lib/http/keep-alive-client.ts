import http from 'node:http';
import https from 'node:https';

import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { TransportError } from './errors';

/**
 * Connections kept open per origin and certificate setting. n8n's HTTP helper opens a new TCP
 * and TLS connection for every request; against a remote server over https that costs two to
 * three network round trips each time (measured in bench/). Sockets are reused only for the
 * origin and TLS setting they were opened with.
 */
const agents = new Map<string, http.Agent>();

function agentFor(url: URL, allowSelfSigned: boolean): http.Agent {
	const key = `${url.origin}|${allowSelfSigned}`;
	let agent = agents.get(key);
	if (!agent) {
		agent =
			url.protocol === 'https:'
				? new https.Agent({ keepAlive: true, rejectUnauthorized: !allowSelfSigned })
				: new http.Agent({ keepAlive: true });
		agents.set(key, agent);
	}
	return agent;
}

function withQuery(url: URL, qs: IDataObject | undefined): URL {
	for (const [name, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null) continue;
		if (typeof value === 'object') {
			throw new TransportError(
				`The query parameter "${name}" is not a plain value`,
				'This is a bug in the node: please report it.',
			);
		}
		url.searchParams.append(name, String(value));
	}
	return url;
}

function encodeBody(options: IHttpRequestOptions): { body?: Buffer; contentType?: string } {
	const { body } = options;
	if (body === undefined || body === null || options.method === 'GET') return {};
	if (Buffer.isBuffer(body)) return { body };
	if (typeof body === 'string') return { body: Buffer.from(body) };
	return { body: Buffer.from(JSON.stringify(body)), contentType: 'application/json' };
}

function parse(raw: Buffer, contentType: string | undefined, json: boolean | undefined): unknown {
	const text = raw.toString('utf8');
	if (json || contentType?.includes('json')) {
		try {
			return text === '' ? '' : (JSON.parse(text) as unknown);
		} catch {
			return text;
		}
	}
	return text;
}

/**
 * One request over a kept-alive connection, for requests of JSON in and JSON out. It never
 * follows a redirect and never throws for an HTTP status: the answer comes back as it is, for
 * the transport rules and the service layer to judge. A timeout (`options.timeout`) ends the
 * attempt with ETIMEDOUT, like n8n's client; an abort signal ends it too.
 */
export async function keepAliveRequest(
	options: IHttpRequestOptions,
	signal?: AbortSignal,
): Promise<IN8nHttpFullResponse> {
	const url = withQuery(new URL(options.url), options.qs);
	const { body, contentType } = encodeBody(options);
	const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'n8n' };
	if (contentType) headers['Content-Type'] = contentType;
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		if (value !== undefined && value !== null) headers[name] = String(value);
	}
	if (body) headers['Content-Length'] = String(body.length);
	const client = url.protocol === 'https:' ? https : http;

	return await new Promise<IN8nHttpFullResponse>((resolve, reject) => {
		const request = client.request(
			url,
			{
				method: options.method ?? 'GET',
				headers,
				agent: agentFor(url, options.skipSslCertificateValidation === true),
				signal,
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', reject);
				response.on('end', () => {
					clearTimeout(timer);
					resolve({
						statusCode: response.statusCode ?? 0,
						statusMessage: response.statusMessage ?? '',
						headers: response.headers as IDataObject,
						body: parse(
							Buffer.concat(chunks),
							response.headers['content-type'],
							options.json,
						) as IN8nHttpFullResponse['body'],
					});
				});
			},
		);
		const timer = options.timeout
			? setTimeout(() => {
					request.destroy(Object.assign(new Error('Request timed out'), { code: 'ETIMEDOUT' }));
				}, options.timeout)
			: undefined;
		request.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		request.end(body);
	});
}
