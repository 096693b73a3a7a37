/** What the OData benchmark measures: the rows, the network and the two measurements. */

/** Contacts rows in the sandbox that Return All reads (seeded in the sandbox's process). */
export const ROWS = 50_000;

/** Rows per OData page: FileMaker Server's and the sandbox's default, for both sides. */
export const PAGE_SIZE = 10_000;

/** Rows each timed create makes; the untimed warm-up makes `WARM_UP_CREATES`. */
export const CREATES = 1_000;
export const WARM_UP_CREATES = 10;

/**
 * The round-trip time the latency proxy adds: 10 ms each way, so each request and its answer
 * on an open connection wait 20 ms, and a new connection waits one more RTT for its handshake.
 */
export const RTT_MS = 20;

export const SIDES = ['ours', 'baseline'] as const;
export type Side = (typeof SIDES)[number];

export type ODataMeasurementName = 'returnAll' | 'create';

export interface ODataMeasurement {
	name: ODataMeasurementName;
	label: string;
	/** What each side runs, for the heading. */
	sides: Record<Side, string>;
	/**
	 * `read`: the sandbox with ROWS rows. `write`: a sandbox with the demo file's rows, put back
	 * as it was before every operation, so each create starts from the same table.
	 */
	sandbox: 'read' | 'write';
	/** Timed operations per side, taken in turns, after one untimed warm-up of each side. */
	rounds: Record<Side, number>;
	/** Ours against the baseline, from the median milliseconds per operation of each. */
	ratio(oursMs: number, baselineMs: number): number;
	/** Which time over which the ratio is, and whether above 1 means ours does better. */
	ratioOf: 'base/ours' | 'ours/base';
	higherIsBetter: boolean;
	goal: string;
	passes(ratio: number): boolean;
}

export const ODATA_MEASUREMENTS: readonly ODataMeasurement[] = [
	{
		name: 'returnAll',
		label: `OData Return All ${ROWS.toLocaleString('en')}`,
		sides: {
			ours: 'Row → Get Many, Return All, in n8n',
			baseline: 'fetch loop following the next link',
		},
		sandbox: 'read',
		rounds: { ours: 9, baseline: 9 },
		// Throughput ratio: the same rows on both sides, so it is the baseline's time over ours.
		ratio: (ours, baseline) => baseline / ours,
		ratioOf: 'base/ours',
		higherIsBetter: true,
		goal: '≥ 0.9',
		passes: (ratio) => ratio >= 0.9,
	},
	{
		name: 'create',
		label: `OData create ${CREATES.toLocaleString('en')}: $batch | per row`,
		sides: { ours: 'Row → Create, $batch', baseline: 'Row → Create, a request per row' },
		sandbox: 'write',
		// One per-row operation waits for a thousand round trips (over 20 s).
		rounds: { ours: 7, baseline: 3 },
		// Speed-up: the per-row time over the batch time.
		ratio: (ours, baseline) => baseline / ours,
		ratioOf: 'base/ours',
		higherIsBetter: true,
		goal: '≥ 5',
		passes: (ratio) => ratio >= 5,
	},
];

/** The proxy listener of one side of one measurement. */
export const listenerName = (measurement: ODataMeasurementName, side: Side) =>
	`odata/${measurement}/${side}`;
