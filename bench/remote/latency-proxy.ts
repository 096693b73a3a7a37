import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

import { DelayLine, noLateness, type Lateness } from './delay-line';

export interface LatencyProxyOptions {
	upstreamPort: number;
	upstreamHost?: string;
	/** Round-trip time to add; 0 forwards at once. */
	rttMs: number;
}

export interface ProxyStats {
	/** Connections clients opened through the proxy. */
	connections: number;
	bytesToServer: number;
	bytesToClient: number;
	lateness: Lateness;
}

export interface LatencyProxy {
	port: number;
	stats(): ProxyStats;
	resetStats(): void;
	close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 that puts a network with round-trip time `rttMs` between a client
 * and a server: every chunk, each way, arrives rttMs / 2 after it was sent, in order. The
 * proxy only sees bytes, so TLS stays end to end between client and server.
 *
 * A connection to the proxy is accepted at once on loopback, but over a real network the
 * client can send nothing before the TCP handshake's SYN-ACK comes back, one RTT after it
 * started connecting; so what a client sends on a new connection leaves no earlier than one
 * RTT after the connection opened. A new connection thus pays TCP's round trip, then TLS's
 * (the ClientHello and the server's answer are chunks like any other), then the request's.
 * Not modelled: bandwidth, packet loss, and TCP slow start on new connections (which would
 * cost a new connection more still).
 */
export async function startLatencyProxy(options: LatencyProxyOptions): Promise<LatencyProxy> {
	const { upstreamPort, upstreamHost = '127.0.0.1', rttMs } = options;
	const oneWayMs = rttMs / 2;
	const stats = emptyStats();
	const sockets = new Set<Socket>();
	const lines = new Set<DelayLine>();

	const server = createServer({ allowHalfOpen: true }, (client) => {
		stats.connections++;
		const openedAt = performance.now();
		const upstream = connect({ port: upstreamPort, host: upstreamHost, allowHalfOpen: true });
		const toServer = new DelayLine(
			(chunk) => (chunk ? upstream.write(chunk) : upstream.end()),
			stats.lateness,
		);
		const toClient = new DelayLine(
			(chunk) => (chunk ? client.write(chunk) : client.end()),
			stats.lateness,
		);
		const serverDue = () => Math.max(performance.now(), openedAt + rttMs) + oneWayMs;
		const clientDue = () => performance.now() + oneWayMs;

		let torn = false;
		const tearDown = () => {
			if (torn) return;
			torn = true;
			toServer.clear();
			toClient.clear();
			client.destroy();
			upstream.destroy();
			lines.delete(toServer);
			lines.delete(toClient);
		};
		for (const socket of [client, upstream]) {
			socket.setNoDelay(true);
			sockets.add(socket);
			socket.on('error', tearDown);
			socket.on('close', () => {
				sockets.delete(socket);
				// A side that went away without ending its stream takes the other side with it.
				if (!socket.readableEnded) tearDown();
			});
		}
		lines.add(toServer);
		lines.add(toClient);

		client.on('data', (chunk: Buffer) => {
			stats.bytesToServer += chunk.length;
			toServer.push(chunk, serverDue());
		});
		client.on('end', () => toServer.push(null, serverDue()));
		upstream.on('data', (chunk: Buffer) => {
			stats.bytesToClient += chunk.length;
			toClient.push(chunk, clientDue());
		});
		upstream.on('end', () => toClient.push(null, clientDue()));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});

	return {
		port: (server.address() as AddressInfo).port,
		stats: () => structuredClone(stats),
		// In place: open connections keep counting into the same object.
		resetStats: () => {
			const { lateness, ...counts } = emptyStats();
			Object.assign(stats, counts);
			Object.assign(stats.lateness, lateness);
		},
		close: async () => {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const line of lines) line.clear();
			for (const socket of sockets) socket.destroy();
			await closed;
		},
	};
}

function emptyStats(): ProxyStats {
	return { connections: 0, bytesToServer: 0, bytesToClient: 0, lateness: noLateness() };
}
