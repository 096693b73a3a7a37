import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Child, ChildProcesses } from '../remote/child';
import type { ProxyApi } from '../remote/proxy.process';
import type { GraphClientApi } from './client.process';
import {
	SERVICES,
	SIDES,
	TRANSPORTS,
	listenerName,
	type GraphTarget,
	type Service,
	type Side,
	type Transport,
} from './plan';
import type { GraphSandboxApi } from './sandbox.process';

/** The processes of the Graph benchmark, ready to measure. */
export interface GraphTopology {
	client: Child<GraphClientApi>;
	proxy: Child<ProxyApi>;
	sandboxes: Record<Transport, Child<GraphSandboxApi>>;
	targets: GraphTarget[];
}

/**
 * Starts the Microsoft sandboxes (seeded) per transport, each pair in a process of its own; the
 * latency proxy (the remote benchmark's) with a listener per target, side and service, so each
 * side's connections are counted on their own; and the client. All are owned by `children`.
 *
 * Trusting the https Graph sandbox: its certificate is self-signed. The client process starts
 * with NODE_EXTRA_CA_CERTS naming exactly that certificate (read from the sandbox as it
 * presents it), so our node (n8n's HTTP helper) and the fetch baselines verify it like any
 * other; nothing is turned off, and only that one certificate is added, in that one process.
 */
export async function startGraphTopology(
	children: ChildProcesses,
	rtts: number[],
	folder: string,
): Promise<GraphTopology> {
	const proxy = children.start<ProxyApi>(
		'Graph latency proxy',
		join(__dirname, '..', 'remote', 'proxy.process.ts'),
	);
	const started = await Promise.all(
		TRANSPORTS.map(async (transport) => {
			const sandbox = children.start<GraphSandboxApi>(
				`Microsoft sandboxes (${transport})`,
				join(__dirname, 'sandbox.process.ts'),
			);
			const info = await sandbox.call('start', { https: transport === 'https' });
			return { transport, sandbox, ...info };
		}),
	);
	const folderIds = {} as Record<Transport, string>;
	for (const { transport, folderId } of started) folderIds[transport] = folderId;
	const targets = await openTargets(proxy, started, rtts, listenerName);
	const caFile = sandboxCertificateFile(folder, started);
	const client = children.start<GraphClientApi>(
		'Graph bench client',
		join(__dirname, 'client.process.ts'),
		{ NODE_EXTRA_CA_CERTS: caFile, NODE_TLS_REJECT_UNAUTHORIZED: undefined },
	);
	await client.call('setup', { targets, folderIds });
	const sandboxes = Object.fromEntries(
		started.map(({ transport, sandbox }) => [transport, sandbox]),
	) as Record<Transport, Child<GraphSandboxApi>>;
	return { client, proxy, sandboxes, targets };
}

/** What a process of Microsoft sandboxes reports once started. */
interface StartedSandboxes {
	transport: Transport;
	identityPort: number;
	graphPort: number;
	/** The https Graph sandbox's self-signed certificate (PEM). */
	certificate?: string;
}

/**
 * One target per transport and added round trip, each with a proxy listener per side and
 * service (named by the part's `listenerName`), so each side's connections are counted on their
 * own. Shared by the Graph and Mail Trigger parts.
 */
export async function openTargets(
	proxy: Child<ProxyApi>,
	started: StartedSandboxes[],
	rtts: number[],
	name: (target: Pick<GraphTarget, 'transport' | 'rttMs'>, side: Side, service: Service) => string,
): Promise<GraphTarget[]> {
	const targets: GraphTarget[] = [];
	for (const { transport, identityPort, graphPort } of started) {
		const upstream: Record<Service, number> = { identity: identityPort, graph: graphPort };
		const scheme: Record<Service, string> = { identity: 'http', graph: transport };
		for (const rttMs of rtts) {
			const urls = {} as GraphTarget['urls'];
			for (const side of SIDES) {
				const services = {} as Record<Service, string>;
				for (const service of SERVICES) {
					const { port } = await proxy.call('open', {
						name: name({ transport, rttMs }, side, service),
						upstreamPort: upstream[service],
						rttMs,
					});
					services[service] = `${scheme[service]}://127.0.0.1:${port}`;
				}
				urls[side] = services;
			}
			targets.push({ transport, rttMs, urls });
		}
	}
	return targets;
}

/** The https sandbox's certificate in a file, for the client's NODE_EXTRA_CA_CERTS. */
export function sandboxCertificateFile(folder: string, started: StartedSandboxes[]): string {
	const caFile = join(folder, 'https-graph-sandbox.pem');
	writeFileSync(caFile, started.find((sandbox) => sandbox.certificate)?.certificate ?? '');
	return caFile;
}
