/**
 * `npm run bench`: benchmarks that print ratios against baselines measured in the same run, then
 * one table of every part's rows, written to docs/benchmarks.md when every part ran (or with
 * `--write`).
 */
import '../test/engine/environment';

import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';

import { BENCHES, UsageError, parseArgs } from './args';
import {
	benchmarksMarkdown,
	duration,
	failures,
	goalsLine,
	machine,
	machineLine,
	partsLine,
} from './document';
import { benchFileMakerId } from './filemaker-id.bench';
import { benchGraph } from './graph.bench';
import { benchMailTrigger } from './mail-trigger.bench';
import { benchOData } from './odata.bench';
import { benchRemote } from './remote.bench';
import { summaryTable, type Row } from './remote/report';
import { combine, combinedTable, type PartReport } from './results';
import { benchSessions } from './sessions.bench';

const DOCUMENT = join(__dirname, '..', 'docs', 'benchmarks.md');

async function main() {
	const argv = process.argv.slice(2);
	const options = parseArgs(argv);
	const selected = new Set(options.only);
	const started = new Date();
	const on = machine();
	console.log(
		`Node ${process.version}; numbers are medians, ratios compare runs made side by side.`,
	);
	const parts: PartReport[] = [];
	/** Runs one part, timing it. */
	const part = async <R extends PartReport>(run: () => Promise<R>): Promise<R> => {
		const start = process.hrtime.bigint();
		const report = await run();
		report.seconds = Number(process.hrtime.bigint() - start) / 1e9;
		parts.push(report);
		return report;
	};

	if (selected.has('sessions')) await part(benchSessions);
	/** Per benchmark with runs, the rows of each run. */
	const repeated: Row[][][] = [];
	if (selected.has('remote')) repeated.push((await part(() => benchRemote(options))).rows);
	if (selected.has('odata')) repeated.push((await part(() => benchOData(options))).rows);
	if (options.runs > 1 && repeated.length > 0) {
		const runs = Array.from({ length: options.runs }, (_, run) =>
			repeated.flatMap((bench) => bench[run]),
		);
		console.log(`\n  Summary of ${options.runs} runs`);
		console.log(summaryTable(runs));
	}
	if (selected.has('filemaker-id')) await part(benchFileMakerId);
	if (selected.has('graph')) await part(() => benchGraph(options));
	if (selected.has('mail-trigger')) await part(() => benchMailTrigger(options));

	const seconds = (Date.now() - started.getTime()) / 1000;
	const rows = combine(parts);
	const ran = BENCHES.filter((name) => selected.has(name));
	console.log(
		`\nAll benchmarks: ours against the baseline of the same run` +
			`${options.runs > 1 ? `, medians of ${options.runs} runs (sessions and filemaker-id run once)` : ''}` +
			`. A ratio > 1 means ours does better, except ↓ (lower is better).`,
	);
	console.log(combinedTable(rows));
	console.log([`  ${goalsLine(rows)}`, ...failures(rows).map((line) => `    ${line}`)].join('\n'));
	console.log(
		`  Parts: ${partsLine(ran).replace(/`/g, '')}. ${machineLine(on)}; took ${duration(seconds)}.`,
	);

	const document = relative(process.cwd(), DOCUMENT);
	if (ran.length === BENCHES.length || options.write) {
		writeFileSync(
			DOCUMENT,
			benchmarksMarkdown({
				started,
				seconds,
				machine: on,
				loadAtEnd: loadavg(),
				command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
				ran,
				parts,
				rows,
			}),
		);
		console.log(`  Wrote ${document}.`);
	} else {
		console.log(`  ${document} left as it was: only some parts ran (add --write to write it).`);
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof UsageError ? error.message : error);
	process.exitCode = 1;
});
