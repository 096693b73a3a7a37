/** `npm run bench`: benchmarks that print ratios against baselines measured in the same run. */
import '../test/engine/environment';

import { UsageError, parseArgs } from './args';
import { benchFileMakerId } from './filemaker-id.bench';
import { benchRemote } from './remote.bench';
import { benchSessions } from './sessions.bench';

async function main() {
	const options = parseArgs(process.argv.slice(2));
	console.log(
		`Node ${process.version}; numbers are medians, ratios compare runs made side by side.`,
	);
	await benchSessions();
	await benchRemote(options);
	await benchFileMakerId();
}

main().catch((error: unknown) => {
	console.error(error instanceof UsageError ? error.message : error);
	process.exitCode = 1;
});
