import { median } from '../measure';
import type { Lateness } from '../remote/delay-line';
import type { Row } from '../remote/report';
import { CREATES, RTT_MS, listenerName, type ODataMeasurement, type Side } from './plan';
import type { ODataTopology } from './topology';

/** One timed operation of one side, with what the proxy and the sandbox saw during it. */
interface Sample {
	ms: number;
	connections: number;
	requests: number;
	logins: number;
}

/**
 * One measurement: an untimed warm-up of each side (our node's first execution, both sides'
 * first connections), then the timed operations of the two sides in turns. Connections and
 * requests are counted per operation. A `write` measurement puts the table back before every
 * operation, untimed, and checks after it that the rows were created. Adds the proxy's timing
 * error to `lateness`.
 */
export async function measureODataRow(
	topology: ODataTopology,
	measurement: ODataMeasurement,
	lateness: Lateness,
): Promise<Row> {
	const { client, proxy } = topology;
	const sandbox = topology.sandboxes[measurement.sandbox];
	const writes = measurement.sandbox === 'write';
	const demoRows = writes ? await sandbox.call('contacts') : 0;

	const once = async (side: Side, warmUp: boolean): Promise<Sample> => {
		if (writes) await sandbox.call('restoreState');
		await proxy.call('resetStats');
		await sandbox.call('resetCounters');
		const ms = await client.call('run', { measurement: measurement.name, side, warmUp });
		const stats = (await proxy.call('stats'))[listenerName(measurement.name, side)];
		const counters = await sandbox.call('counters');
		if (writes && !warmUp) {
			const rows = await sandbox.call('contacts');
			if (rows !== demoRows + CREATES) {
				throw new Error(
					`After a create of ${CREATES} (${side}) the table has ${rows} rows, expected ${demoRows + CREATES}`,
				);
			}
		}
		if (!warmUp) {
			lateness.chunks += stats.lateness.chunks;
			lateness.totalMs += stats.lateness.totalMs;
			lateness.maxMs = Math.max(lateness.maxMs, stats.lateness.maxMs);
		}
		return {
			ms,
			connections: stats.connections,
			requests: counters.requests ?? 0,
			logins: counters.logins ?? 0,
		};
	};

	await once('ours', true);
	await once('baseline', true);
	const samples: Record<Side, Sample[]> = { ours: [], baseline: [] };
	const { rounds } = measurement;
	for (let round = 0; round < Math.max(rounds.ours, rounds.baseline); round++) {
		if (round < rounds.ours) samples.ours.push(await once('ours', false));
		if (round < rounds.baseline) samples.baseline.push(await once('baseline', false));
	}
	if (writes) await sandbox.call('restoreState');

	const mean = (side: Side, of: (sample: Sample) => number) =>
		samples[side].reduce((sum, sample) => sum + of(sample), 0) / samples[side].length;
	const perSide = (of: (sample: Sample) => number) => ({
		ours: mean('ours', of),
		baseline: mean('baseline', of),
	});
	const oursMs = median(samples.ours.map((sample) => sample.ms));
	const baselineMs = median(samples.baseline.map((sample) => sample.ms));
	const ratio = measurement.ratio(oursMs, baselineMs);
	return {
		transport: 'http',
		rttMs: RTT_MS,
		measurement,
		oursMs,
		baselineMs,
		ratio,
		pass: measurement.passes(ratio),
		connectionsPerOperation: perSide((sample) => sample.connections),
		requestsPerOperation: perSide((sample) => sample.requests),
		logins: [...samples.ours, ...samples.baseline].reduce((sum, sample) => sum + sample.logins, 0),
	};
}
