import { availableParallelism, loadavg } from 'node:os';

import { ODATA_MEASUREMENTS, PAGE_SIZE, ROWS, RTT_MS } from './odata/plan';
import { measureODataRow } from './odata/measure-row';
import { startODataTopology } from './odata/topology';
import { progress } from './progress';
import type { RepeatedReport } from './remote.bench';
import { ChildProcesses } from './remote/child';
import { noLateness } from './remote/delay-line';
import { proxyNotes, resultRow, runTable, type Row } from './remote/report';

/** What the two sides are, for docs/benchmarks.md. */
const ABOUT = [
	'FileMaker OData against a remote FileMaker Server: the sandboxes, a latency proxy',
	`(${RTT_MS} ms round trip, ${RTT_MS / 2} ms each way) and the client each run in their own`,
	"process. Ours: the FileMaker OData node in n8n's engine.",
	...ODATA_MEASUREMENTS.map(
		(one) => `${one.label}: ours = ${one.sides.ours}; baseline = ${one.sides.baseline}.`,
	),
	"The Return All baseline is a bare loop on Node's global fetch (which keeps connections alive)",
	'that asks with the same headers as our node, parses the JSON and keeps the rows.',
	`Return All reads ${ROWS.toLocaleString('en')} rows in pages of`,
	`${PAGE_SIZE.toLocaleString('en')}; ratio = our throughput / the baseline's. Create: ratio =`,
	'per-row time / $batch time; the table is put back to the demo rows before every create.',
	'Times are medians per operation over operations of the two sides in turns, after an untimed',
	'warm-up of each. Counts: new TCP connections and OData requests per operation.',
].join(' ');

/**
 * (d) FileMaker OData against a remote FileMaker Server: Return All over 50,000 rows against
 * a bare fetch loop, and creating 1,000 rows in one $batch against one request per row. The
 * sandboxes, the latency proxy (20 ms round trip) and the client each run in their own
 * process, shut down however the run ends. Returns the rows of every run, for the summary and
 * the combined table.
 */
export async function benchOData(options: { runs: number }): Promise<RepeatedReport> {
	const title =
		`(d) FileMaker OData on a remote FileMaker Server: http, added round trip ${RTT_MS} ms ` +
		`(${RTT_MS / 2} ms each way); ${options.runs} run(s)`;
	console.log(`\n${title}`);
	for (const measurement of ODATA_MEASUREMENTS) {
		console.log(
			`  ${measurement.label}: ours = ${measurement.sides.ours}; ` +
				`baseline = ${measurement.sides.baseline}.`,
		);
	}
	console.log(
		[
			`  Return All reads ${ROWS.toLocaleString('en')} rows in pages of ${PAGE_SIZE.toLocaleString('en')}; ratio = our throughput / baseline throughput.`,
			'  Create: ratio = per-row time / $batch time; the table is put back to the demo rows before every create.',
			'  Times are per operation. Per operation: new TCP connections and OData requests. The sandbox closes',
			"  connections idle for 5 s (Node's default), so the $batch side reconnects after each per-row operation.",
		].join('\n'),
	);
	const children = new ChildProcesses();
	try {
		const topology = await startODataTopology(children);
		const runs: Row[][] = [];
		for (let run = 1; run <= options.runs; run++) {
			const load = loadavg()[0].toFixed(1);
			const lateness = noLateness();
			const rows: Row[] = [];
			for (const measurement of ODATA_MEASUREMENTS) {
				progress(`run ${run}/${options.runs}: ${measurement.label}`);
				rows.push(await measureODataRow(topology, measurement, lateness));
			}
			progress('');
			console.log(
				`\n  Run ${run} of ${options.runs} (load average ${load} on ${availableParallelism()} cores)`,
			);
			console.log(runTable(rows));
			const notes = proxyNotes(rows, lateness);
			if (notes.length > 0) console.log(notes.join('\n'));
			runs.push(rows);
		}
		return {
			part: 'odata',
			title,
			about: ABOUT,
			runs: runs.map((rows) => rows.map((row) => resultRow('odata', row))),
			rows: runs,
		};
	} finally {
		await children.closeAll();
	}
}
