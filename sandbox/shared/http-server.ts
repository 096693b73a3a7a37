import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface StartServerOptions {
	/** Serve https with a self-signed certificate for localhost and 127.0.0.1. */
	https?: boolean;
	/** 0 (the default) picks a free port. */
	port?: number;
	host?: string;
}

export interface RunningServer {
	/** Base URL without a trailing slash, e.g. `http://127.0.0.1:43123`. */
	url: string;
	/** Stops listening and ends open keep-alive connections, so test runners can exit. */
	close(): Promise<void>;
	/** How many TCP connections clients have opened so far (one TLS handshake each over https). */
	connections(): number;
}

export async function startHttpServer(
	app: RequestListener,
	options: StartServerOptions = {},
): Promise<RunningServer> {
	const { https = false, port = 0, host = '127.0.0.1' } = options;
	const server: Server = https
		? createHttpsServer(await selfSignedCertificate(), app)
		: createHttpServer(app);

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});

	let connections = 0;
	server.on(https ? 'secureConnection' : 'connection', () => connections++);

	const address = server.address() as AddressInfo;
	return {
		connections: () => connections,
		url: `${https ? 'https' : 'http'}://${urlHost(host)}:${address.port}`,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}

function urlHost(host: string): string {
	if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
	return host.includes(':') ? `[${host}]` : host;
}

let certificate: Promise<{ key: string; cert: string }> | undefined;

/**
 * The self-signed certificate every https sandbox of this process serves (one per process:
 * generating keys is the slow part of starting https). One sandbox calling another over https
 * (FileMaker Server redeeming a code at the identity provider) trusts it as its CA.
 */
export function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
	certificate ??= generate([{ name: 'commonName', value: 'localhost' }], {
		keyType: 'ec',
		curve: 'P-256',
		algorithm: 'sha256',
		notAfterDate: new Date(Date.now() + 365 * 24 * 60 * 60 * 1000),
		extensions: [
			{
				name: 'subjectAltName',
				altNames: [
					{ type: 2, value: 'localhost' },
					{ type: 7, ip: '127.0.0.1' },
					{ type: 7, ip: '::1' },
				],
			},
		],
	}).then((pems) => ({ key: pems.private, cert: pems.cert }));
	return certificate;
}
