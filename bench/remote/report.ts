import type { BenchName } from '../args';
import { median } from '../measure';
import type { ResultRow } from '../results';
import { formatTable } from '../table';
import type { Lateness } from './delay-line';
import type { Measurement, Transport } from './plan';

/** One measurement at one target in one run (the remote Data API and the OData benchmarks). */
export interface Row {
	transport: Transport;
	rttMs: number;
	measurement: Pick<Measurement, 'label' | 'goal' | 'ratioOf' | 'higherIsBetter'>;
	/** Medians over the timed rounds, milliseconds per operation. */
	oursMs: number;
	baselineMs: number;
	ratio: number;
	pass: boolean;
	/** Over the timed rounds: new TCP connections through each side's proxy listener. */
	connectionsPerOperation: { ours: number; baseline: number };
	/** Over the timed rounds: Data API (or OData) requests the sandbox answered. */
	requestsPerOperation: { ours: number; baseline: number };
	/** Logins the sandbox saw during the timed rounds (the session should stay open: 0). */
	logins: number;
}

const milliseconds = (value: number) => value.toFixed(value < 10 ? 2 : 1);
const count = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(2));
const pair = (value: { ours: number; baseline: number }) =>
	`${count(value.ours)} | ${count(value.baseline)}`;
const where = (row: Row) => [row.transport, `${row.rttMs} ms`, row.measurement.label];
const ALIGN_WHERE = [false, true, false];

export function runTable(rows: Row[]): string {
	return formatTable(
		[
			'transport',
			'RTT',
			'measurement',
			'ours (ms)',
			'baseline (ms)',
			'ratio',
			'goal',
			'result',
			'new conns/op ours | base',
			'requests/op ours | base',
		],
		rows.map((row) => [
			...where(row),
			milliseconds(row.oursMs),
			milliseconds(row.baselineMs),
			row.ratio.toFixed(2),
			row.measurement.goal,
			row.pass ? 'pass' : 'FAIL',
			pair(row.connectionsPerOperation),
			pair(row.requestsPerOperation),
		]),
		[...ALIGN_WHERE, true, true, true, false, false, true, true],
	);
}

/** Per row of the runs: medians of the times, and min / median / max of the ratio. */
export function summaryTable(runs: Row[][]): string {
	const rows = runs[0].map((_, index) => runs.map((run) => run[index]));
	return formatTable(
		[
			'transport',
			'RTT',
			'measurement',
			'ours (ms)',
			'baseline (ms)',
			'ratio min',
			'median',
			'max',
			'goal',
			'passed',
		],
		rows.map((same) => {
			const ratios = same.map((row) => row.ratio);
			return [
				...where(same[0]),
				milliseconds(median(same.map((row) => row.oursMs))),
				milliseconds(median(same.map((row) => row.baselineMs))),
				Math.min(...ratios).toFixed(2),
				median(ratios).toFixed(2),
				Math.max(...ratios).toFixed(2),
				same[0].measurement.goal,
				`${same.filter((row) => row.pass).length}/${same.length}`,
			];
		}),
		[...ALIGN_WHERE, true, true, true, true, true, false, true],
	);
}

/** Lines under a run's table: what else the run showed. */
export function notes(rows: Row[], lateness: Lateness, engineAloneMs: number): string {
	return [
		`  n8n's engine alone (the trigger and a node that does nothing): ${milliseconds(engineAloneMs)} ms per execution.`,
		...proxyNotes(rows, lateness),
	].join('\n');
}

/** The proxy's own timing error, and logins the timed rounds should not have needed. */
export function proxyNotes(rows: Row[], lateness: Lateness): string[] {
	const lines: string[] = [];
	if (lateness.chunks > 0) {
		lines.push(
			`  Proxy timing: delayed chunks left ${(lateness.totalMs / lateness.chunks).toFixed(2)} ms ` +
				`after their due time on average (max ${lateness.maxMs.toFixed(1)} ms, ` +
				`${lateness.chunks.toLocaleString('en')} chunks).`,
		);
	}
	for (const row of rows.filter((row) => row.logins > 0)) {
		lines.push(
			`  Note: ${row.logins} login(s) during the timed rounds of ${where(row).join(' ')}.`,
		);
	}
	return lines;
}

/** A row in the shape every part reports (`results.ts`), for the combined table. */
export function resultRow(part: BenchName, row: Row): ResultRow {
	return {
		part,
		measurement: `${row.transport}, ${row.rttMs} ms RTT: ${row.measurement.label}`,
		ours: row.oursMs,
		baseline: row.baselineMs,
		unit: 'ms/op',
		ratio: row.ratio,
		ratioOf: row.measurement.ratioOf,
		higherIsBetter: row.measurement.higherIsBetter,
		goal: row.measurement.goal,
		pass: row.pass,
		counts: [
			{ name: 'new conns/op', ...row.connectionsPerOperation },
			{ name: 'requests/op', ...row.requestsPerOperation },
		],
	};
}
