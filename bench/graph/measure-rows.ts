import { randomBytes } from 'node:crypto';

import { median } from '../measure';
import type { Lateness } from '../remote/delay-line';
import {
	BLOCK,
	EXECUTIONS,
	MESSAGES,
	RETURN_ALL_ROUNDS,
	WARM_UP_EXECUTIONS,
	listenerName,
	targetKey,
	type GraphMeasurementName,
	type GraphTarget,
	type Side,
} from './plan';
import type { GraphRow, Pair } from './report';
import type { GraphTopology } from './topology';

/** One timed stretch of one side, with what the sandboxes and the proxy saw during it. */
interface Sample {
	ms: number;
	tokens: number;
	graphRequests: number;
	connections: number;
}

/**
 * Runs `count` operations of one side and counts around them: token requests and Graph list
 * requests at the sandboxes, new connections at the side's two proxy listeners (identity and
 * Graph). Operations run one after another, so what the counters moved by is this side's.
 */
async function sample(
	{ client, proxy, sandboxes }: GraphTopology,
	target: GraphTarget,
	measurement: GraphMeasurementName,
	side: Side,
	count: number,
	lateness: Lateness,
): Promise<Sample> {
	const sandbox = sandboxes[target.transport];
	await proxy.call('resetStats');
	const before = await sandbox.call('counters');
	const ms = await client.call('run', { target: targetKey(target), measurement, side, count });
	const after = await sandbox.call('counters');
	const stats = await proxy.call('stats');
	let connections = 0;
	for (const service of ['identity', 'graph'] as const) {
		const listener = stats[listenerName(target, side, service)];
		connections += listener.connections;
		lateness.chunks += listener.lateness.chunks;
		lateness.totalMs += listener.lateness.totalMs;
		lateness.maxMs = Math.max(lateness.maxMs, listener.lateness.maxMs);
	}
	return {
		ms,
		tokens: after.tokenRequests - before.tokenRequests,
		graphRequests: after.graphLists - before.graphLists,
		connections,
	};
}

const sum = (samples: Sample[], of: (sample: Sample) => number) =>
	samples.reduce((total, one) => total + of(one), 0);

const perSide = (samples: Record<Side, Sample[]>, of: (samples: Sample[]) => number): Pair => ({
	ours: of(samples.ours),
	baseline: of(samples.baseline),
});

/**
 * (1) EXECUTIONS executions of "Get Many, limit 1" per side, from a new credential (a secret the
 * app just got, so no token anywhere yet): in blocks of BLOCK, the sides taking turns (which one
 * goes first alternates), after WARM_UP_EXECUTIONS untimed ones of each that move no count of
 * the new credential. Two rows: token requests, and wall time.
 */
export async function measureExecutions(
	topology: GraphTopology,
	target: GraphTarget,
	lateness: Lateness,
): Promise<GraphRow[]> {
	const { client } = topology;
	const { transport, rttMs } = target;
	const key = targetKey(target);
	const clientSecret = `bench~${randomBytes(12).toString('base64url')}`;
	await topology.sandboxes[transport].call('addSecret', { value: clientSecret });
	await client.call('newCredential', { target: key, clientSecret });
	for (const side of ['ours', 'baseline'] as const) {
		await client.call('run', {
			target: key,
			measurement: 'executions',
			side,
			count: WARM_UP_EXECUTIONS,
			warmUp: true,
		});
	}

	const samples: Record<Side, Sample[]> = { ours: [], baseline: [] };
	for (let block = 0; block < EXECUTIONS / BLOCK; block++) {
		const order: Side[] = block % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
		for (const side of order) {
			samples[side].push(await sample(topology, target, 'executions', side, BLOCK, lateness));
		}
	}
	const tokens = perSide(samples, (side) => sum(side, (one) => one.tokens));
	const counts = {
		tokens,
		graphRequests: perSide(samples, (side) => sum(side, (one) => one.graphRequests)),
		connections: perSide(samples, (side) => sum(side, (one) => one.connections)),
		countsPerOperation: false,
	};
	const seconds = perSide(samples, (side) => sum(side, (one) => one.ms) / 1000);
	const label = `${EXECUTIONS.toLocaleString('en')} × Get Many, limit 1`;
	return [
		{
			transport,
			rttMs,
			label: `${label}: token requests`,
			unit: 'requests',
			ours: tokens.ours,
			baseline: tokens.baseline,
			digits: 0,
			ratio: tokens.baseline / tokens.ours,
			ratioOf: 'base/ours',
			goal: 'ours ≤ 1',
			pass: tokens.ours <= 1,
			...counts,
		},
		{
			transport,
			rttMs,
			label: `${label}: wall time`,
			unit: 's (= ms/exec)',
			ours: seconds.ours,
			baseline: seconds.baseline,
			digits: 2,
			ratio: seconds.baseline / seconds.ours,
			ratioOf: 'base/ours',
			goal: '',
			...counts,
		},
	];
}

/**
 * (2) Return All over MESSAGES messages: one untimed operation of each side, then
 * RETURN_ALL_ROUNDS timed ones of each in turns; the median time gives the throughput. Counts
 * are per operation.
 */
export async function measureReturnAll(
	topology: GraphTopology,
	target: GraphTarget,
	lateness: Lateness,
): Promise<GraphRow> {
	const { client } = topology;
	for (const side of ['ours', 'baseline'] as const) {
		await client.call('run', {
			target: targetKey(target),
			measurement: 'returnAll',
			side,
			count: 1,
		});
	}
	const samples: Record<Side, Sample[]> = { ours: [], baseline: [] };
	for (let round = 0; round < RETURN_ALL_ROUNDS; round++) {
		for (const side of ['ours', 'baseline'] as const) {
			samples[side].push(await sample(topology, target, 'returnAll', side, 1, lateness));
		}
	}
	const mean = (of: (sample: Sample) => number) =>
		perSide(samples, (side) => sum(side, of) / side.length);
	const throughput = perSide(
		samples,
		(side) => MESSAGES / (median(side.map((one) => one.ms)) / 1000),
	);
	return {
		transport: target.transport,
		rttMs: target.rttMs,
		label: `Return All ${MESSAGES.toLocaleString('en')} (median of ${RETURN_ALL_ROUNDS})`,
		unit: 'messages/s',
		ours: throughput.ours,
		baseline: throughput.baseline,
		digits: 0,
		ratio: throughput.ours / throughput.baseline,
		ratioOf: 'ours/base',
		goal: '≥ 0.9',
		pass: throughput.ours / throughput.baseline >= 0.9,
		tokens: mean((one) => one.tokens),
		graphRequests: mean((one) => one.graphRequests),
		connections: mean((one) => one.connections),
		countsPerOperation: true,
	};
}
