/**
 * The one shape every part of `npm run bench` reports its rows in, and the combined table of
 * them all: per row, ours against its baseline measured in the same run, and the ratio.
 */
import type { BenchName } from './args';
import { median } from './measure';
import { formatTable } from './table';

/** A count both sides made, e.g. requests or new connections (per operation or in all). */
export interface Count {
	name: string;
	ours: number;
	baseline: number;
}

/** One measurement of one part in one run. */
export interface ResultRow {
	part: BenchName;
	/** Where and what, unique within the part: e.g. `https, 5 ms RTT: find 1 record`. */
	measurement: string;
	ours: number;
	baseline: number;
	/** What `ours` and `baseline` are in, e.g. `ms/op`. */
	unit: string;
	/** Digits after the point for `ours` and `baseline`; none: 2 under 10, else 1. */
	digits?: number;
	/** As the part defines it (see `ratioOf`). */
	ratio: number;
	/** Which figure over which: `base/ours` or `ours/base`. */
	ratioOf: 'base/ours' | 'ours/base';
	/**
	 * True where a ratio above 1 means ours does better (every row but the remote part's find,
	 * whose ratio is our time over the baseline's).
	 */
	higherIsBetter: boolean;
	/** `''`: reported, no goal. */
	goal: string;
	/** Absent where there is no goal. */
	pass?: boolean;
	/** The counts that matter for this row. */
	counts: Count[];
}

/** What a part hands the runner: its rows per run, and what its two sides are. */
export interface PartReport {
	part: BenchName;
	/** The part's heading, as it prints it. */
	title: string;
	/** What ours and the baseline are, and how the part measures (a paragraph). */
	about: string;
	/** The rows of each run; one run for parts that do not repeat. */
	runs: ResultRow[][];
	/** Wall time of the part, seconds. */
	seconds?: number;
}

/** One row of the combined table: a measurement over the runs that made it. */
export interface CombinedRow {
	first: ResultRow;
	runs: number;
	ours: number;
	baseline: number;
	ratio: number;
	ratioMin: number;
	ratioMax: number;
	/** Runs that met the goal; undefined where there is no goal. */
	passed?: number;
	counts: Count[];
}

/** Per part and measurement, over the part's runs: medians, and the ratio's min and max. */
export function combine(parts: PartReport[]): CombinedRow[] {
	const combined: CombinedRow[] = [];
	for (const part of parts) {
		const byMeasurement = new Map<string, ResultRow[]>();
		for (const run of part.runs) {
			for (const row of run) {
				const same = byMeasurement.get(row.measurement) ?? [];
				same.push(row);
				byMeasurement.set(row.measurement, same);
			}
		}
		for (const same of byMeasurement.values()) {
			const first = same[0];
			const ratios = same.map((row) => row.ratio);
			combined.push({
				first,
				runs: same.length,
				ours: median(same.map((row) => row.ours)),
				baseline: median(same.map((row) => row.baseline)),
				ratio: median(ratios),
				ratioMin: Math.min(...ratios),
				ratioMax: Math.max(...ratios),
				passed: first.pass === undefined ? undefined : same.filter((row) => row.pass).length,
				counts: first.counts.map((count, index) => ({
					name: count.name,
					ours: median(same.map((row) => row.counts[index].ours)),
					baseline: median(same.map((row) => row.counts[index].baseline)),
				})),
			});
		}
	}
	return combined;
}

const number = (value: number, digits: number) =>
	value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const figure = (value: number, digits: number | undefined) =>
	number(value, digits ?? (value < 10 ? 2 : 1));
const count = (value: number) =>
	Number.isInteger(value) ? number(value, 0) : number(value, value >= 10 ? 1 : 2);
export const formatRatio = (value: number) =>
	Number.isFinite(value) ? value.toFixed(value >= 100 ? 0 : 2) : '∞';

/** A row whose ratio reads the other way (lower is better) is marked so in the table. */
export const LOWER_IS_BETTER_MARK = '↓';

function result(row: CombinedRow): string {
	if (row.passed === undefined) return '–';
	if (row.runs === 1) return row.passed === 1 ? 'pass' : 'FAIL';
	return `${row.passed === row.runs ? 'pass' : 'FAIL'} ${row.passed}/${row.runs}`;
}

/** The cells of the combined table; `repeated`: some row has more than one run. */
function cells(rows: CombinedRow[]): { header: string[]; body: string[][]; right: boolean[] } {
	const repeated = rows.some((row) => row.runs > 1);
	const header = [
		'part',
		'measurement',
		repeated ? 'ours (median)' : 'ours',
		repeated ? 'baseline (median)' : 'baseline',
		'unit',
		repeated ? 'ratio (median)' : 'ratio',
		...(repeated ? ['ratio min–max', 'runs'] : []),
		'of',
		'goal',
		'result',
		'counts: ours | baseline',
	];
	const body = rows.map((row) => {
		const { first } = row;
		return [
			first.part,
			first.measurement,
			figure(row.ours, first.digits),
			figure(row.baseline, first.digits),
			first.unit,
			`${formatRatio(row.ratio)}${first.higherIsBetter ? '' : ` ${LOWER_IS_BETTER_MARK}`}`,
			...(repeated
				? [
						row.runs > 1 ? `${formatRatio(row.ratioMin)}–${formatRatio(row.ratioMax)}` : '',
						String(row.runs),
					]
				: []),
			first.ratioOf,
			first.goal || '–',
			result(row),
			row.counts.map((one) => `${one.name} ${count(one.ours)} | ${count(one.baseline)}`).join('; '),
		];
	});
	const right = [
		false,
		false,
		true,
		true,
		false,
		true,
		...(repeated ? [true, true] : []),
		false,
		false,
		false,
		false,
	];
	return { header, body, right };
}

/** The combined table for the terminal. */
export function combinedTable(rows: CombinedRow[]): string {
	const { header, body, right } = cells(rows);
	return formatTable(header, body, right);
}

/** The combined table in Markdown. */
export function combinedMarkdown(rows: CombinedRow[]): string {
	const { header, body, right } = cells(rows);
	const escape = (cell: string) => cell.replace(/\|/g, '\\|');
	const line = (row: string[]) => `| ${row.map(escape).join(' | ')} |`;
	return [
		line(header),
		`| ${right.map((alignRight) => (alignRight ? '---:' : '---')).join(' | ')} |`,
		...body.map(line),
	].join('\n');
}

/** Rows whose goal failed in at least one run. */
export const failed = (rows: CombinedRow[]) =>
	rows.filter((row) => row.passed !== undefined && row.passed < row.runs);
