import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { progress } from './progress';
import type { PartReport } from './results';
import { ChildProcesses } from './remote/child';
import { noLateness } from './remote/delay-line';
import { measureRow } from './remote/measure-row';
import { MEASUREMENTS, RECORDS, targetKey } from './remote/plan';
import { notes, resultRow, runTable, type Row } from './remote/report';
import { startTopology } from './remote/topology';

/** What a repeated part hands the runner: its report, and its own rows for the summary. */
export type RepeatedReport = PartReport & { rows: Row[][] };

/** What the two sides are, for docs/benchmarks.md. */
const ABOUT = [
	`A remote FileMaker Server, where users meet it. Each sandbox (http, https) runs in its own`,
	`process with ${RECORDS.toLocaleString('en')} Contacts; a latency proxy in another process`,
	'adds a round-trip time, so every new connection pays its TCP and TLS handshakes; the client',
	"runs in a third. Ours: the Data API node in n8n's engine, Record → Get Many with Return All",
	'(every option at its default), and Record → Find of one record by a unique email. Baseline:',
	"a lean client on Node's global fetch, which keeps connections alive, logged in once; it",
	'downloads and parses the answers and does nothing else (Return All in pages of 1,000; a find',
	'is one `POST …/_find` on a warm connection). Return All: ratio = our throughput / the',
	"baseline's (goal ≥ 0.9). Find: ratio = our time / the baseline's (goal ≤ 1.3), so there",
	'lower is better. Times are medians per operation over timed rounds of the two sides in turns',
	`(${MEASUREMENTS.map((one) => `${one.label}: ${one.rounds} rounds of ${one.perRound}`).join('; ')}),`,
	"after an untimed warm-up round of each. Counts: new TCP connections through each side's proxy",
	'listener and Data API requests the sandbox answered, per operation.',
].join(' ');

/**
 * (b) Return All and (c) a single-record find against a remote FileMaker Server, where users
 * meet it. Each sandbox (http, https) runs in its own process with 20,000 Contacts; a latency
 * proxy in another process adds a round-trip time, so every new connection pays its TCP and
 * TLS handshakes; the client (our node in n8n's engine, and a keep-alive fetch baseline) runs
 * in a third. Children, proxy and sockets are shut down however the run ends. Returns the rows
 * of every run, for the summary `run.ts` prints and for the combined table.
 */
export async function benchRemote(options: {
	runs: number;
	rtts: number[];
}): Promise<RepeatedReport> {
	const title =
		`(b, c) A remote FileMaker Server: ${RECORDS.toLocaleString('en')} records, http and ` +
		`https, added round trip ${options.rtts.join(' and ')} ms; ${options.runs} run(s)`;
	console.log(
		`\n${title}\n` +
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
		return {
			part: 'remote',
			title,
			about: ABOUT,
			runs: runs.map((rows) => rows.map((row) => resultRow('remote', row))),
			rows: runs,
		};
	} finally {
		await children.closeAll();
		rmSync(folder, { recursive: true, force: true });
	}
}
