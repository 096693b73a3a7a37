/** docs/benchmarks.md: the combined table of a run of `npm run bench`, with where and how it ran. */
import { arch, availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';

import { BENCHES, type BenchName } from './args';
import {
	LOWER_IS_BETTER_MARK,
	combinedMarkdown,
	failed,
	formatRatio,
	type CombinedRow,
	type PartReport,
} from './results';

/** The machine a run is on, and its load when the run starts. */
export interface Machine {
	node: string;
	os: string;
	cpuModel: string;
	cpuCount: number;
	availableParallelism: number;
	totalMemoryBytes: number;
	/** 1, 5 and 15 minutes. */
	loadAtStart: number[];
}

export function machine(): Machine {
	const processors = cpus();
	return {
		node: process.version,
		os: `${platform()} ${release()} ${arch()}`,
		cpuModel: processors[0]?.model.trim() || 'unknown CPU',
		cpuCount: processors.length,
		availableParallelism: availableParallelism(),
		totalMemoryBytes: totalmem(),
		loadAtStart: loadavg(),
	};
}

/** `Node v20.20.2, 2 × Intel(R) Xeon(R) …, 7.8 GiB`: for the terminal and the README. */
export function machineLine(of: Machine): string {
	return `Node ${of.node}, ${of.cpuCount} × ${of.cpuModel}, ${gib(of.totalMemoryBytes)} of memory`;
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(', ');

export function duration(seconds: number): string {
	const minutes = Math.floor(seconds / 60);
	const rest = Math.round(seconds - minutes * 60);
	return minutes > 0 ? `${minutes} min ${rest} s` : `${seconds.toFixed(1)} s`;
}

export interface RunRecord {
	/** When the run started. */
	started: Date;
	seconds: number;
	machine: Machine;
	loadAtEnd: number[];
	/** As typed, e.g. `npm run bench -- --runs 3`. */
	command: string;
	ran: BenchName[];
	parts: PartReport[];
	rows: CombinedRow[];
}

/** The parts that ran, and those left out, in words. */
export function partsLine(ran: BenchName[]): string {
	const left = BENCHES.filter((name) => !ran.includes(name));
	const names = (list: readonly string[]) => list.map((name) => `\`${name}\``).join(', ');
	return left.length === 0
		? `all ${BENCHES.length}: ${names(ran)}`
		: `only ${names(ran)}; not run: ${names(left)} (\`--only\`), so this is not a full record`;
}

/** Goals that failed, one line each, or `none`. */
export function failures(rows: CombinedRow[]): string[] {
	return failed(rows).map(
		(row) =>
			`${row.first.part}: ${row.first.measurement}: ratio ${formatRatio(row.ratio)}` +
			`${row.runs > 1 ? ` (median; met in ${row.passed}/${row.runs} runs)` : ''}, goal ${row.first.goal}`,
	);
}

/** How many rows with a goal met it, e.g. `Goals met: 7 of 9 rows that have one.` */
export function goalsLine(rows: CombinedRow[]): string {
	const withGoal = rows.filter((row) => row.passed !== undefined).length;
	if (withGoal === 0) return 'No row here has a goal.';
	const met = withGoal - failed(rows).length;
	return met === withGoal
		? `Every goal was met (${withGoal} rows have one).`
		: `Goals met: ${met} of the ${withGoal} rows that have one. Not met:`;
}

export function benchmarksMarkdown(record: RunRecord): string {
	const { machine: on } = record;
	const repeated = record.rows.some((row) => row.runs > 1);
	const failing = failures(record.rows);
	const lines = [
		'# Benchmarks',
		'',
		'Written by `npm run bench` (`bench/run.ts`) at the end of a run: do not edit it by hand, run',
		'the command again. Every row is ours against a baseline measured in the same run, on the same',
		'machine, side by side.',
		'',
		`- **Date**: ${record.started.toISOString()} (start of the run; it took ${duration(record.seconds)})`,
		`- **Machine**: Node ${on.node} on ${on.os}; ${on.cpuCount} × ${on.cpuModel}` +
			` (${on.availableParallelism} available to Node); ${gib(on.totalMemoryBytes)} of memory`,
		`- **Load average** (1, 5, 15 min): ${load(on.loadAtStart)} at the start,` +
			` ${load(record.loadAtEnd)} at the end`,
		`- **Command**: \`${record.command}\``,
		`- **Parts**: ${partsLine(record.ran)}`,
		'',
		'## How to read it',
		'',
		'- **ratio** compares ours with the baseline as the part defines it; **of** says which figure',
		'  over which. A ratio above 1 means ours does better (fewer logins or requests, less time,',
		`  more throughput), except in rows marked ${LOWER_IS_BETTER_MARK}: the remote part's`,
		"  single-record find is our time over the baseline's, so there below 1 is better and its",
		'  goal is an upper bound.',
		'- **goal** is the part\'s own; **result** says whether the ratio met it ("–": reported,',
		'  no goal).',
		repeated
			? '- With `--runs N`, the remote, OData, Graph and Mail Trigger parts ran N times: ours,' +
				'\n  baseline and ratio are medians over the runs, **ratio min–max** their range, **result**' +
				'\n  how many runs met the goal ("pass" only when every run did). The sessions and' +
				'\n  FileMaker ID parts run once (**runs** 1).'
			: '- One run of each part (`--runs 1`); times are medians within the part (see below).',
		'- **counts**: the other figures that matter for the row (logins, requests, new connections…),',
		'  ours | baseline; `/op` per operation, otherwise totals over the measurement.',
		"- Every part's detailed output (per run tables, proxy timing, notes) is printed by the",
		'  command above the combined table; it is not repeated here.',
		'',
		'## Results',
		'',
		combinedMarkdown(record.rows),
		'',
		goalsLine(record.rows),
		...(failing.length === 0 ? [] : ['', ...failing.map((line) => `- ${line}`)]),
		'',
		'## The parts',
		'',
	];
	for (const part of record.parts) {
		lines.push(
			`### \`${part.part}\`: ${part.title}`,
			'',
			part.about,
			'',
			...(part.seconds === undefined ? [] : [`Took ${duration(part.seconds)}.`, '']),
		);
	}
	return `${lines.join('\n').trimEnd()}\n`;
}
