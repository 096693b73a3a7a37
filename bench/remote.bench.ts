import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { progress } from './progress';
import { ChildProcesses } from './remote/child';
import { noLateness } from './remote/delay-line';
import { measureRow } from './remote/measure-row';
import { MEASUREMENTS, RECORDS, targetKey } from './remote/plan';
import { notes, runTable, type Row } from './remote/report';
import { startTopology } from './remote/topology';

/**
 * (b) Return All and (c) a single-record find against a remote FileMaker Server, where users
 * meet it. Each sandbox (http, https) runs in its own process with 20,000 Contacts; a latency
 * proxy in another process adds a round-trip time, so every new connection pays its TCP and
 * TLS handshakes; the client (our node in n8n's engine, and a keep-alive fetch baseline) runs
 * in a third. Children, proxy and sockets are shut down however the run ends. Returns the rows
 * of every run, for the summary `run.ts` prints.
 */
export async function benchRemote(options: { runs: number; rtts: number[] }): Promise<Row[][]> {
	console.log(
		`\n(b, c) A remote FileMaker Server: ${RECORDS.toLocaleString('en')} records, http and ` +
			`https, added round trip ${options.rtts.join(' and ')} ms; ${options.runs} run(s)\n` +
			'  Return All: ratio = our throughput / baseline throughput. Find: ratio = our time / ' +
			'baseline time.\n  Times are per operation. Over the timed rounds: new TCP connections ' +
			'and Data API requests per operation.',
	);
	const children = new ChildProcesses();
	const folder = mkdtempSync(join(tmpdir(), 'fm-bench-'));
	try {
		const topology = await startTopology(children, options.rtts, folder);
		const runs: Row[][] = [];
		for (let run = 1; run <= options.runs; run++) {
			const load = loadavg()[0].toFixed(1);
			const lateness = noLateness();
			const rows: Row[] = [];
			for (const target of topology.targets) {
				for (const measurement of MEASUREMENTS) {
					progress(`run ${run}/${options.runs}: ${targetKey(target)} ${measurement.label}`);
					rows.push(await measureRow(topology, target, measurement, lateness));
				}
			}
			const engineAloneMs = await topology.client.call('engineAlone');
			progress('');
			console.log(
				`\n  Run ${run} of ${options.runs} (load average ${load} on ${availableParallelism()} cores)`,
			);
			console.log(runTable(rows));
			console.log(notes(rows, lateness, engineAloneMs));
			runs.push(rows);
		}
		return runs;
	} finally {
		await children.closeAll();
		rmSync(folder, { recursive: true, force: true });
	}
}
