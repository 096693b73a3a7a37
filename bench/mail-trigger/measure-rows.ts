import { median } from '../measure';
import type { Lateness } from '../remote/delay-line';
import {
	BACKLOG,
	DEFAULT_MAX_PER_POLL,
	IDLE_POLLS,
	MAX_PER_POLL,
	ROUNDS,
	THROUGHPUT_GOAL,
	WARM_UPS,
	listenerName,
	targetKey,
	type MaxPerPoll,
	type Side,
	type TriggerTarget,
} from './plan';
import type { TriggerRow } from './report';
import type { TriggerTopology } from './topology';

/** One timed operation of one side, with what the sandboxes and the proxy saw during it. */
interface Sample {
	ms: number;
	polls: number;
	tokens: number;
	graphRequests: number;
	connections: number;
}

/**
 * Runs one operation of one side and counts around it: token requests and Graph requests at
 * the sandboxes, new connections at the side's two proxy listeners (identity and Graph).
 * Operations run one after another, so what the counters moved by is this side's.
 */
async function sample(
	{ proxy, sandboxes }: TriggerTopology,
	target: TriggerTarget,
	side: Side,
	lateness: Lateness,
	operation: () => Promise<{ ms: number; polls: number }>,
): Promise<Sample> {
	const sandbox = sandboxes[target.transport];
	await proxy.call('resetStats');
	const before = await sandbox.call('counters');
	const { ms, polls } = await operation();
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
		polls,
		tokens: after.tokenRequests - before.tokenRequests,
		graphRequests: after.graphRequests - before.graphRequests,
		connections,
	};
}

const mean = (samples: Sample[], of: (sample: Sample) => number) =>
	samples.reduce((total, one) => total + of(one), 0) / samples.length;

/**
 * The reads of a backlog round: the trigger with each Max Messages per Poll, then the baseline
 * (which has no such setting).
 */
const READS: Array<{ side: Side; maxPerPoll: MaxPerPoll }> = [
	...MAX_PER_POLL.map((maxPerPoll) => ({ side: 'ours' as const, maxPerPoll })),
	{ side: 'baseline', maxPerPoll: DEFAULT_MAX_PER_POLL },
];

/**
 * (1) The backlog: WARM_UPS untimed reads of each, then ROUNDS timed ones in turns (the order
 * reversed every other round). A row per Max Messages per Poll, against the same baseline reads.
 */
export async function measureBacklog(
	topology: TriggerTopology,
	target: TriggerTarget,
	lateness: Lateness,
): Promise<TriggerRow[]> {
	const read = async (index: number) =>
		await topology.client.call('backlog', { target: targetKey(target), ...READS[index] });
	const indexes = READS.map((_, index) => index);
	for (let warmUp = 0; warmUp < WARM_UPS; warmUp++) {
		for (const index of indexes) await read(index);
	}
	const samples = READS.map((): Sample[] => []);
	for (let round = 0; round < ROUNDS; round++) {
		for (const index of round % 2 === 0 ? indexes : [...indexes].reverse()) {
			const { side } = READS[index];
			samples[index].push(await sample(topology, target, side, lateness, () => read(index)));
		}
	}
	const baseline = samples[READS.length - 1];
	return MAX_PER_POLL.map((maxPerPoll, index) =>
		backlogRow(target, maxPerPoll, samples[index], baseline),
	);
}

/** Messages per second from the median time; counts per operation. */
function backlogRow(
	target: TriggerTarget,
	maxPerPoll: MaxPerPoll,
	ours: Sample[],
	baseline: Sample[],
): TriggerRow {
	const throughput = (side: Sample[]) => BACKLOG / (median(side.map((one) => one.ms)) / 1000);
	const ratio = throughput(ours) / throughput(baseline);
	const polls = median(ours.map((one) => one.polls));
	const max = maxPerPoll.toLocaleString('en');
	const perOperation = (name: string, of: (sample: Sample) => number) => ({
		name: `${name}/op`,
		ours: mean(ours, of),
		baseline: mean(baseline, of),
	});
	return {
		transport: target.transport,
		rttMs: target.rttMs,
		label:
			`${BACKLOG.toLocaleString('en')} new messages, Max Messages per Poll ` +
			`${maxPerPoll === DEFAULT_MAX_PER_POLL ? `${max} (default)` : max}: ` +
			`${polls} poll${polls === 1 ? '' : 's'} (median of ${ROUNDS})`,
		unit: 'messages/s',
		ours: throughput(ours),
		baseline: throughput(baseline),
		digits: 0,
		ratio,
		ratioOf: 'ours/base',
		goal: `≥ ${THROUGHPUT_GOAL}`,
		pass: ratio >= THROUGHPUT_GOAL,
		counts: [
			perOperation('Graph requests', (one) => one.graphRequests),
			perOperation('token requests', (one) => one.tokens),
			perOperation('new conns', (one) => one.connections),
		],
	};
}

/**
 * (2) Polls with nothing new, after the backlog is drained: IDLE_POLLS cron ticks of the
 * trigger that drained it last, against IDLE_POLLS delta rounds of the baseline from its last
 * delta link (the one request no poll can do without). Graph requests per poll; goal: ours ≤ 1.
 */
export async function measureIdle(
	topology: TriggerTopology,
	target: TriggerTarget,
	lateness: Lateness,
): Promise<TriggerRow> {
	const key = targetKey(target);
	const idle = (side: Side) => async () => ({
		ms: await topology.client.call('idle', { target: key, side, count: IDLE_POLLS }),
		polls: IDLE_POLLS,
	});
	const ours = await sample(topology, target, 'ours', lateness, idle('ours'));
	const baseline = await sample(topology, target, 'baseline', lateness, idle('baseline'));
	const perPoll = (one: Sample) => one.graphRequests / one.polls;
	const whole = Number.isInteger(perPoll(ours)) && Number.isInteger(perPoll(baseline));
	return {
		transport: target.transport,
		rttMs: target.rttMs,
		label: `Graph requests per poll with nothing new (${IDLE_POLLS} polls after the backlog)`,
		unit: 'requests/poll',
		ours: perPoll(ours),
		baseline: perPoll(baseline),
		digits: whole ? 0 : 2,
		ratio: perPoll(baseline) / perPoll(ours),
		ratioOf: 'base/ours',
		goal: 'ours ≤ 1',
		pass: perPoll(ours) <= 1,
		counts: [
			{ name: 'ms/poll', ours: ours.ms / ours.polls, baseline: baseline.ms / baseline.polls },
			{ name: 'token requests', ours: ours.tokens, baseline: baseline.tokens },
			{ name: 'new conns', ours: ours.connections, baseline: baseline.connections },
		],
	};
}
