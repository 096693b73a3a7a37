import { median } from '../measure';
import type { Lateness } from './delay-line';
import { targetKey, type Measurement, type Target } from './plan';
import type { Row } from './report';
import type { Topology } from './topology';

/**
 * One measurement at one target: a warm-up round of each side, then the timed rounds, with
 * the proxy's connection counts and the sandbox's request counts taken over the timed rounds
 * only. Adds the proxy's timing error to `lateness`.
 */
export async function measureRow(
	{ client, proxy, sandboxes }: Topology,
	target: Target,
	measurement: Measurement,
	lateness: Lateness,
): Promise<Row> {
	const key = targetKey(target);
	const sandbox = sandboxes[target.transport];
	const params = { target: key, measurement: measurement.name };
	await client.call('warmUp', params);
	await proxy.call('resetStats');
	await sandbox.call('resetCounters');
	const result = await client.call('measure', params);
	const stats = await proxy.call('stats');
	const counters = await sandbox.call('counters');

	const ours = stats[`${key}/ours`];
	const baseline = stats[`${key}/baseline`];
	for (const side of [ours, baseline]) {
		lateness.chunks += side.lateness.chunks;
		lateness.totalMs += side.lateness.totalMs;
		lateness.maxMs = Math.max(lateness.maxMs, side.lateness.maxMs);
	}
	const oursMs = median(result.ours);
	const baselineMs = median(result.baseline);
	const ratio = measurement.ratio(oursMs, baselineMs);
	const perOperation = (value: number) => value / result.operations;
	return {
		transport: target.transport,
		rttMs: target.rttMs,
		measurement,
		oursMs,
		baselineMs,
		ratio,
		pass: measurement.passes(ratio),
		connectionsPerOperation: {
			ours: perOperation(ours.connections),
			baseline: perOperation(baseline.connections),
		},
		requestsPerOperation: {
			ours: perOperation(counters.requests - result.baselineRequests),
			baseline: perOperation(result.baselineRequests),
		},
		logins: counters.logins ?? 0,
	};
}
