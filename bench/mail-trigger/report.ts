import { median } from '../measure';
import { formatRatio, type Count, type ResultRow } from '../results';
import { formatTable } from '../table';
import type { Transport } from './plan';

/** One measurement at one target in one run. */
export interface TriggerRow {
	transport: Transport;
	rttMs: number;
	label: string;
	unit: string;
	ours: number;
	baseline: number;
	/** Digits after the point for `ours` and `baseline`. */
	digits: number;
	ratio: number;
	/** Every ratio is > 1 where ours does better. */
	ratioOf: 'base/ours' | 'ours/base';
	/** `''`: reported, no goal. */
	goal: string;
	pass?: boolean;
	/** What the sides asked of the sandboxes and the proxy, per operation or per poll. */
	counts: Count[];
}

const number = (value: number, digits: number) =>
	value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const count = (value: number) =>
	Number.isInteger(value) ? number(value, 0) : number(value, value >= 10 ? 1 : 2);
const counts = (row: TriggerRow) =>
	row.counts.map((one) => `${one.name} ${count(one.ours)} | ${count(one.baseline)}`).join('; ');
const result = (row: TriggerRow) => (row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL');

export function triggerRunTable(rows: TriggerRow[]): string {
	return formatTable(
		[
			'Graph',
			'RTT',
			'measurement',
			'ours',
			'baseline',
			'unit',
			'ratio',
			'of',
			'goal',
			'result',
			'counts: ours | base',
		],
		rows.map((row) => [
			row.transport,
			`${row.rttMs} ms`,
			row.label,
			number(row.ours, row.digits),
			number(row.baseline, row.digits),
			row.unit,
			formatRatio(row.ratio),
			row.ratioOf,
			row.goal,
			result(row),
			counts(row),
		]),
		[false, true, false, true, true, false, true, false, false, false, false],
	);
}

/** Per row of the runs: medians of the figures, and min / median / max of the ratio. */
export function triggerSummaryTable(runs: TriggerRow[][]): string {
	const rows = runs[0].map((_, index) => runs.map((run) => run[index]));
	return formatTable(
		['Graph', 'RTT', 'measurement', 'ours', 'baseline', 'unit', 'ratio min', 'median', 'max'],
		rows.map((same) => {
			const first = same[0];
			const ratios = same.map((row) => row.ratio);
			return [
				first.transport,
				`${first.rttMs} ms`,
				first.label,
				number(median(same.map((row) => row.ours)), first.digits),
				number(median(same.map((row) => row.baseline)), first.digits),
				first.unit,
				formatRatio(Math.min(...ratios)),
				formatRatio(median(ratios)),
				formatRatio(Math.max(...ratios)),
			];
		}),
		[false, true, false, true, true, false, true, true, true],
	);
}

/** A row in the shape every part reports (`results.ts`), for the combined table. */
export function triggerResultRow(row: TriggerRow): ResultRow {
	return {
		part: 'mail-trigger',
		measurement: `${row.transport}, ${row.rttMs} ms RTT: ${row.label}`,
		ours: row.ours,
		baseline: row.baseline,
		unit: row.unit,
		digits: row.digits,
		ratio: row.ratio,
		ratioOf: row.ratioOf,
		higherIsBetter: true,
		goal: row.goal,
		pass: row.pass,
		counts: row.counts,
	};
}
