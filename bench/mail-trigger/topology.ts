import { join } from 'node:path';

import type { Child, ChildProcesses } from '../remote/child';
import type { ProxyApi } from '../remote/proxy.process';
import type { MailTriggerClientApi } from './client.process';
import { openTargets, sandboxCertificateFile } from '../graph/topology';
import { TRANSPORTS, listenerName, type TriggerTarget, type Transport } from './plan';
import type { MailTriggerSandboxApi } from './sandbox.process';

/** The processes of the Mail Trigger benchmark, ready to arm. */
export interface TriggerTopology {
	client: Child<MailTriggerClientApi>;
	proxy: Child<ProxyApi>;
	sandboxes: Record<Transport, Child<MailTriggerSandboxApi>>;
	targets: TriggerTarget[];
}

/**
 * As the graph part's topology (bench/graph/topology.ts): the Microsoft sandboxes per transport,
 * each pair in a process of its own, with an empty watched folder; the latency proxy with a
 * listener per target, side and service; and the client, which trusts exactly the https
 * sandbox's self-signed certificate (NODE_EXTRA_CA_CERTS), nothing turned off. All are owned by
 * `children`.
 */
export async function startTriggerTopology(
	children: ChildProcesses,
	rtts: number[],
	folder: string,
): Promise<TriggerTopology> {
	const proxy = children.start<ProxyApi>(
		'Mail Trigger latency proxy',
		join(__dirname, '..', 'remote', 'proxy.process.ts'),
	);
	const started = await Promise.all(
		TRANSPORTS.map(async (transport) => {
			const sandbox = children.start<MailTriggerSandboxApi>(
				`Mail Trigger sandboxes (${transport})`,
				join(__dirname, 'sandbox.process.ts'),
			);
			const info = await sandbox.call('start', { https: transport === 'https' });
			return { transport, sandbox, ...info };
		}),
	);
	const targets = await openTargets(proxy, started, rtts, listenerName);
	const caFile = sandboxCertificateFile(folder, started);
	const client = children.start<MailTriggerClientApi>(
		'Mail Trigger bench client',
		join(__dirname, 'client.process.ts'),
		{ NODE_EXTRA_CA_CERTS: caFile, NODE_TLS_REJECT_UNAUTHORIZED: undefined },
	);
	await client.call('setup', { targets });
	const sandboxes = Object.fromEntries(
		started.map(({ transport, sandbox }) => [transport, sandbox]),
	) as Record<Transport, Child<MailTriggerSandboxApi>>;
	return { client, proxy, sandboxes, targets };
}
