/** What the remote benchmark measures: the records, the targets and the two measurements. */
export const RECORDS = 20_000;

/** The unique value the single-record find looks for (a seeded record in the middle). */
export const FIND_EMAIL = 'bench10000@example.com';

export const TRANSPORTS = ['http', 'https'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** One sandbox seen through one added round-trip time, with a proxy listener per side. */
export interface Target {
	transport: Transport;
	rttMs: number;
	/** Our node's credential points here. */
	oursUrl: string;
	/** The keep-alive fetch baseline talks here (same sandbox, same RTT, own listener). */
	baselineUrl: string;
}

export const targetKey = (target: Pick<Target, 'transport' | 'rttMs'>) =>
	`${target.transport}/${target.rttMs}`;

export type MeasurementName = 'returnAll' | 'find';

export interface Measurement {
	name: MeasurementName;
	label: string;
	/** Timed rounds per side, after one untimed warm-up round of each. */
	rounds: number;
	/** Operations per timed round; the figures are per operation. */
	perRound: number;
	/** Ours against the baseline, from the median milliseconds per operation of each. */
	ratio(oursMs: number, baselineMs: number): number;
	/** Which time over which the ratio is, and whether above 1 means ours does better. */
	ratioOf: 'base/ours' | 'ours/base';
	higherIsBetter: boolean;
	goal: string;
	passes(ratio: number): boolean;
}

export const MEASUREMENTS: readonly Measurement[] = [
	{
		name: 'returnAll',
		label: `Return All ${RECORDS.toLocaleString('en')}`,
		rounds: 15,
		perRound: 1,
		// Throughput ratio: the same records in both, so it is the baseline's time over ours.
		ratio: (ours, baseline) => baseline / ours,
		ratioOf: 'base/ours',
		higherIsBetter: true,
		goal: '≥ 0.9',
		passes: (ratio) => ratio >= 0.9,
	},
	{
		name: 'find',
		label: 'find 1 record',
		rounds: 11,
		perRound: 50,
		ratio: (ours, baseline) => ours / baseline,
		ratioOf: 'ours/base',
		higherIsBetter: false,
		goal: '≤ 1.3',
		passes: (ratio) => ratio <= 1.3,
	},
];
