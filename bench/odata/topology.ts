import { join } from 'node:path';

import type { Child, ChildProcesses } from '../remote/child';
import type { ProxyApi } from '../remote/proxy.process';
import type { SandboxApi } from '../remote/sandbox.process';
import type { ODataClientApi } from './client.process';
import {
	ODATA_MEASUREMENTS,
	PAGE_SIZE,
	ROWS,
	RTT_MS,
	SIDES,
	listenerName,
	type ODataMeasurementName,
	type Side,
} from './plan';

/** The processes of the OData benchmark, ready to measure. */
export interface ODataTopology {
	client: Child<ODataClientApi>;
	proxy: Child<ProxyApi>;
	sandboxes: Record<'read' | 'write', Child<SandboxApi>>;
}

/**
 * Starts two http sandboxes, each in its own process: `read` with ROWS Contacts rows, `write`
 * with the demo file's rows (remembered, so the bench can put them back before every create).
 * Then the latency proxy, in a process of its own, with a listener per side of each
 * measurement (so each side's connections are counted on their own), and the client. All are
 * owned by `children`.
 *
 * Why two sandboxes: the sandbox checks a unique field (email) by scanning the table, where
 * FileMaker uses an index; among 50,000 rows a $batch of 1,000 creates costs the sandbox about
 * 0.8 s instead of under 0.1 s, which would measure the sandbox, not the node.
 */
export async function startODataTopology(children: ChildProcesses): Promise<ODataTopology> {
	const entry = (name: string) => join(__dirname, '..', 'remote', `${name}.process.ts`);
	const proxy = children.start<ProxyApi>('OData latency proxy', entry('proxy'));
	const read = children.start<SandboxApi>('OData read sandbox', entry('sandbox'));
	const write = children.start<SandboxApi>('OData write sandbox', entry('sandbox'));
	const [readInfo, writeInfo] = await Promise.all([
		read.call('start', { https: false, records: ROWS, odataPageSize: PAGE_SIZE }),
		write.call('start', { https: false }),
	]);
	await write.call('saveState');
	const ports = { read: readInfo.port, write: writeInfo.port };

	const urls = {} as Record<ODataMeasurementName, Record<Side, string>>;
	for (const measurement of ODATA_MEASUREMENTS) {
		const sides = {} as Record<Side, string>;
		for (const side of SIDES) {
			const { port } = await proxy.call('open', {
				name: listenerName(measurement.name, side),
				upstreamPort: ports[measurement.sandbox],
				rttMs: RTT_MS,
			});
			sides[side] = `http://127.0.0.1:${port}`;
		}
		urls[measurement.name] = sides;
	}

	const client = children.start<ODataClientApi>(
		'OData bench client',
		join(__dirname, 'client.process.ts'),
	);
	await client.call('setup', { urls });
	return { client, proxy, sandboxes: { read, write } };
}
