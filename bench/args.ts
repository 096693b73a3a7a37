/** The benchmarks of `npm run bench`, in the order they run; `--only` picks some of them. */
export const BENCHES = [
	'sessions',
	'remote',
	'odata',
	'filemaker-id',
	'graph',
	'mail-trigger',
] as const;
export type BenchName = (typeof BENCHES)[number];

/** Command-line options of `npm run bench -- [options]`. */
export interface BenchOptions {
	/**
	 * How often to repeat the remote, OData, Graph and Mail Trigger benchmarks (one table per
	 * run, then a summary).
	 */
	runs: number;
	/**
	 * Round-trip times the latency proxy adds in the remote Data API, Graph and Mail Trigger
	 * benchmarks, in milliseconds.
	 */
	rtts: number[];
	/** The benchmarks to run. */
	only: BenchName[];
	/**
	 * Write docs/benchmarks.md even though `--only` left some parts out (it is written anyway
	 * when every part ran).
	 */
	write: boolean;
}

/** A wrong command line: shown as its message alone, without a stack. */
export class UsageError extends Error {}

const USAGE =
	'Usage: npm run bench -- [--runs <n>] [--rtt <ms>[,<ms>...]] ' +
	`[--only <${BENCHES.join('|')}>[,...]] [--write]`;

const isBench = (name: string): name is BenchName => (BENCHES as readonly string[]).includes(name);

export function parseArgs(argv: string[]): BenchOptions {
	const options: BenchOptions = { runs: 1, rtts: [0, 5], only: [...BENCHES], write: false };
	for (let index = 0; index < argv.length; index++) {
		const [flag, inline] = argv[index].split('=', 2);
		if (flag === '--write' && inline === undefined) {
			options.write = true;
			continue;
		}
		const value = () => {
			const text = inline ?? argv[++index];
			if (text === undefined) throw new UsageError(`${flag} needs a value. ${USAGE}`);
			return text;
		};
		if (flag === '--runs') {
			options.runs = Number(value());
			if (!Number.isInteger(options.runs) || options.runs < 1) {
				throw new UsageError(`--runs takes a whole number of at least 1. ${USAGE}`);
			}
		} else if (flag === '--rtt') {
			options.rtts = value()
				.split(',')
				.map((text) => Number(text.trim()));
			if (options.rtts.some((rtt) => !Number.isFinite(rtt) || rtt < 0)) {
				throw new UsageError(`--rtt takes milliseconds of at least 0, e.g. --rtt 0,5. ${USAGE}`);
			}
		} else if (flag === '--only') {
			const names = value()
				.split(',')
				.map((text) => text.trim());
			const unknown = names.filter((name) => !isBench(name));
			if (unknown.length > 0 || names.length === 0) {
				throw new UsageError(`--only takes names of benchmarks: ${BENCHES.join(', ')}. ${USAGE}`);
			}
			options.only = BENCHES.filter((name) => names.includes(name));
		} else {
			throw new UsageError(`Unknown option "${argv[index]}". ${USAGE}`);
		}
	}
	return options;
}
