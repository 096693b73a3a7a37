/** `npm run bench`: benchmarks that print ratios against baselines measured in the same run. */
import '../test/engine/environment';

import { UsageError, parseArgs } from './args';
import { benchFileMakerId } from './filemaker-id.bench';
import { benchGraph } from './graph.bench';
import { benchOData } from './odata.bench';
import { benchRemote } from './remote.bench';
import { summaryTable, type Row } from './remote/report';
import { benchSessions } from './sessions.bench';

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const selected = new Set(options.only);
	console.log(
		`Node ${process.version}; numbers are medians, ratios compare runs made side by side.`,
	);
	if (selected.has('sessions')) await benchSessions();
	/** Per benchmark with runs, the rows of each run. */
	const repeated: Row[][][] = [];
	if (selected.has('remote')) repeated.push(await benchRemote(options));
	if (selected.has('odata')) repeated.push(await benchOData(options));
	if (options.runs > 1 && repeated.length > 0) {
		const runs = Array.from({ length: options.runs }, (_, run) =>
			repeated.flatMap((bench) => bench[run]),
		);
		console.log(`\n  Summary of ${options.runs} runs`);
		console.log(summaryTable(runs));
	}
	if (selected.has('filemaker-id')) await benchFileMakerId();
	if (selected.has('graph')) await benchGraph(options);
}

main().catch((error: unknown) => {
	console.error(error instanceof UsageError ? error.message : error);
	process.exitCode = 1;
});
