import { median } from '../measure';
import type { ResultRow } from '../results';
import { formatTable } from '../table';
import type { Transport } from './plan';

export interface Pair {
	ours: number;
	baseline: number;
}

/** One measurement at one target in one run. */
export interface GraphRow {
	transport: Transport;
	rttMs: number;
	label: string;
	/** What `ours` and `baseline` count. */
	unit: string;
	ours: number;
	baseline: number;
	/** Digits after the point for `ours` and `baseline`. */
	digits: number;
	ratio: number;
	/** What the ratio is: every ratio is > 1 where ours does better. */
	ratioOf: 'base/ours' | 'ours/base';
	/** `''`: reported, no goal. */
	goal: string;
	pass?: boolean;
	/**
	 * What the sides asked of the sandboxes and the proxy, over the row's operations: token
	 * requests (client credentials), Graph message-list requests, new TCP connections.
	 */
	tokens: Pair;
	graphRequests: Pair;
	connections: Pair;
	/** Whether the counts are per operation (Return All) or totals over the row's executions. */
	countsPerOperation: boolean;
}

const number = (value: number, digits: number) =>
	value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const count = (value: number) => number(value, Number.isInteger(value) ? 0 : 1);
const pair = (value: Pair) => `${count(value.ours)} | ${count(value.baseline)}`;
const ratio = (value: number) =>
	Number.isFinite(value) ? value.toFixed(value >= 100 ? 0 : 2) : '∞';
const result = (row: GraphRow) => (row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL');

export function graphRunTable(rows: GraphRow[]): string {
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
			'token requests ours | base',
			'Graph requests ours | base',
			'new conns ours | base',
		],
		rows.map((row) => [
			row.transport,
			`${row.rttMs} ms`,
			row.label,
			number(row.ours, row.digits),
			number(row.baseline, row.digits),
			row.unit,
			ratio(row.ratio),
			row.ratioOf,
			row.goal,
			result(row),
			pair(row.tokens),
			pair(row.graphRequests),
			pair(row.connections),
		]),
		[false, true, false, true, true, false, true, false, false, false, true, true, true],
	);
}

/** Per row of the runs: medians of the figures, and min / median / max of the ratio. */
export function graphSummaryTable(runs: GraphRow[][]): string {
	const rows = runs[0].map((_, index) => runs.map((run) => run[index]));
	return formatTable(
		[
			'Graph',
			'RTT',
			'measurement',
			'ours',
			'baseline',
			'unit',
			'ratio min',
			'median',
			'max',
			'of',
			'goal',
			'passed',
		],
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
				ratio(Math.min(...ratios)),
				ratio(median(ratios)),
				ratio(Math.max(...ratios)),
				first.ratioOf,
				first.goal,
				first.pass === undefined ? '' : `${same.filter((row) => row.pass).length}/${same.length}`,
			];
		}),
		[false, true, false, true, true, false, true, true, true, false, false, true],
	);
}

/** A row in the shape every part reports (`results.ts`), for the combined table. */
export function graphResultRow(row: GraphRow): ResultRow {
	const per = row.countsPerOperation ? '/op' : '';
	return {
		part: 'graph',
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
		counts: [
			{ name: `token requests${per}`, ...row.tokens },
			{ name: `Graph requests${per}`, ...row.graphRequests },
			{ name: `new conns${per}`, ...row.connections },
		],
	};
}
