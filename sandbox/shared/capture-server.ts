import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { startHttpServer } from './http-server';

export interface CapturedRequest {
	method: string;
	/** Path and query string, as the request line carried them. */
	url: string;
	/** Header names in lower case, as Node reads them. */
	headers: IncomingHttpHeaders;
	/** The body as UTF-8 text; '' when there was none. */
	body: string;
}

export interface CaptureServer {
	/** Base URL without a trailing slash, e.g. `http://127.0.0.1:43123`. */
	url: string;
	/** Every request received so far, in arrival order. */
	requests: CapturedRequest[];
	close(): Promise<void>;
}

export interface CaptureServerOptions {
	/** Serve https with the sandbox's self-signed certificate for localhost and 127.0.0.1. */
	https?: boolean;
}

/**
 * "Another host": records every request it receives and answers each with 200 `{}`. Tests
 * point a redirect at it to see what a client sends across hosts (for instance, that no
 * `Authorization` header or cookie follows the redirect).
 */
export async function startCaptureServer(
	options: CaptureServerOptions = {},
): Promise<CaptureServer> {
	const requests: CapturedRequest[] = [];
	const server = await startHttpServer(
		(req: IncomingMessage, res: ServerResponse) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				requests.push({
					method: req.method ?? '',
					url: req.url ?? '',
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				});
				res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
			});
		},
		{ https: options.https },
	);
	return { url: server.url, requests, close: server.close };
}
