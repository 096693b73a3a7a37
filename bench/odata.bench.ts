import { availableParallelism, loadavg } from 'node:os';

import { ODATA_MEASUREMENTS, PAGE_SIZE, ROWS, RTT_MS } from './odata/plan';
import { measureODataRow } from './odata/measure-row';
import { startODataTopology } from './odata/topology';
import { progress } from './progress';
import { ChildProcesses } from './remote/child';
import { noLateness } from './remote/delay-line';
import { proxyNotes, runTable, type Row } from './remote/report';

/**
 * (d) FileMaker OData against a remote FileMaker Server: Return All over 50,000 rows against
 * a bare fetch loop, and creating 1,000 rows in one $batch against one request per row. The
 * sandboxes, the latency proxy (20 ms round trip) and the client each run in their own
 * process, shut down however the run ends. Returns the rows of every run, for the summary.
 */
export async function benchOData(options: { runs: number }): Promise<Row[][]> {
	console.log(
		`\n(d) FileMaker OData on a remote FileMaker Server: http, added round trip ${RTT_MS} ms ` +
			`(${RTT_MS / 2} ms each way); ${options.runs} run(s)`,
	);
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
		return runs;
	} finally {
		await children.closeAll();
	}
}
