/** `npm run bench`: benchmarks that print ratios against baselines measured in the same run. */
import '../test/engine/environment';

import { benchReturnAll } from './return-all.bench';
import { benchSessions } from './sessions.bench';

async function main() {
	console.log(
		`Node ${process.version}; numbers are medians, ratios compare runs made side by side.`,
	);
	await benchSessions();
	await benchReturnAll();
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
