import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Child, ChildProcesses } from './child';
import type { ClientApi } from './client.process';
import { RECORDS, TRANSPORTS, targetKey, type Target, type Transport } from './plan';
import type { ProxyApi } from './proxy.process';
import type { SandboxApi } from './sandbox.process';

const entry = (name: string) => join(__dirname, `${name}.process.ts`);

/** The processes of the remote benchmark, ready to measure. */
export interface Topology {
	client: Child<ClientApi>;
	proxy: Child<ProxyApi>;
	sandboxes: Record<Transport, Child<SandboxApi>>;
	targets: Target[];
}

/**
 * Starts a seeded sandbox per transport, the latency proxy with a listener per target and
 * side, and the client, each in its own process (all owned by `children`).
 *
 * Trusting the https sandbox: its certificate is self-signed. Our credential says so, as a
 * user would (allowSelfSigned). The fetch baseline verifies it like any client: the client
 * process starts with NODE_EXTRA_CA_CERTS naming exactly that certificate (made fresh by the
 * sandbox process, whose key never leaves it), and without NODE_TLS_REJECT_UNAUTHORIZED.
 * Nothing is trusted or turned off outside that one process, and inside it only that one
 * certificate is added.
 */
export async function startTopology(
	children: ChildProcesses,
	rtts: number[],
	folder: string,
): Promise<Topology> {
	const proxy = children.start<ProxyApi>('latency proxy', entry('proxy'));
	const started = await Promise.all(
		TRANSPORTS.map(async (transport) => {
			const sandbox = children.start<SandboxApi>(`${transport} sandbox`, entry('sandbox'));
			const info = await sandbox.call('start', { https: transport === 'https', records: RECORDS });
			return { transport, sandbox, ...info };
		}),
	);

	const targets: Target[] = [];
	for (const { transport, port: upstreamPort } of started) {
		for (const rttMs of rtts) {
			const open = async (side: 'ours' | 'baseline') => {
				const name = `${targetKey({ transport, rttMs })}/${side}`;
				const { port } = await proxy.call('open', { name, upstreamPort, rttMs });
				return `${transport}://127.0.0.1:${port}`;
			};
			targets.push({
				transport,
				rttMs,
				oursUrl: await open('ours'),
				baselineUrl: await open('baseline'),
			});
		}
	}

	const caFile = join(folder, 'https-sandbox.pem');
	writeFileSync(caFile, started.find((sandbox) => sandbox.certificate)?.certificate ?? '');
	const client = children.start<ClientApi>('bench client', entry('client'), {
		NODE_EXTRA_CA_CERTS: caFile,
		NODE_TLS_REJECT_UNAUTHORIZED: undefined,
	});
	await client.call('setup', { targets });

	const sandboxes = Object.fromEntries(
		started.map(({ transport, sandbox }) => [transport, sandbox]),
	) as Record<Transport, Child<SandboxApi>>;
	return { client, proxy, sandboxes, targets };
}
