/**
 * Child process: the client side, our node in n8n's engine and the fetch baseline, both
 * talking to the sandboxes through the latency proxies. It measures; the bench prints.
 */
import '../../test/engine/environment';

import { Engine } from '../../test/engine/engine';
import { alternate, median, time } from '../measure';
import { fetchBaseline, type FetchBaseline } from './fetch-baseline';
import { serve } from './ipc';
import { NO_OP, NoOp } from './no-op.node';
import { ourNode, type OurNode } from './our-node';
import { MEASUREMENTS, RECORDS, targetKey, type MeasurementName, type Target } from './plan';

const clients = new Map<string, { ours: OurNode; baseline: FetchBaseline }>();

const api = {
	/** Logs the baseline in at every target and checks the record count each one sees. */
	async setup(params: { targets: Target[] }) {
		for (const target of params.targets) {
			const baseline = await fetchBaseline(target.baselineUrl);
			const found = await baseline.foundCount();
			if (found !== RECORDS) {
				throw new Error(
					`Contacts has ${found.toLocaleString('en')} records at ${target.baselineUrl} ` +
						`(${targetKey(target)}), expected ${RECORDS.toLocaleString('en')}`,
				);
			}
			clients.set(targetKey(target), { ours: await ourNode(target), baseline });
		}
	},

	/**
	 * One untimed round of each side: it opens our node's session (the first login) and both
	 * sides' connections, so that what `measure` times is the steady state.
	 */
	async warmUp(params: { target: string; measurement: MeasurementName }) {
		const { ours, baseline } = sides(params);
		await alternate(0, ours, baseline, 1);
	},

	/** Alternating timed rounds of ours and the baseline: milliseconds per operation. */
	async measure(params: { target: string; measurement: MeasurementName }) {
		const { ours, baseline, rounds, perRound, baselineRequests } = sides(params);
		const requestsBefore = baselineRequests();
		const { a, b } = await alternate(rounds, ours, baseline, 0);
		return {
			ours: a.map((ms) => ms / perRound),
			baseline: b.map((ms) => ms / perRound),
			/** Operations per side. */
			operations: rounds * perRound,
			baselineRequests: baselineRequests() - requestsBefore,
		};
	},

	/**
	 * n8n's own cost per execution, with no node of ours: the trigger and a node that does
	 * nothing, in the same engine harness. Milliseconds per execution, median of rounds of 50.
	 */
	async engineAlone() {
		const engine = new Engine({ [NO_OP]: new NoOp() });
		const round = async () => {
			for (let index = 0; index < 50; index++) {
				await engine.run({ nodes: [{ type: NO_OP, parameters: {} }] });
			}
		};
		await round();
		const rounds: number[] = [];
		for (let index = 0; index < 9; index++) rounds.push(await time(round));
		return median(rounds) / 50;
	},
};

/** One round of each side: `perRound` operations in a row. */
function sides(params: { target: string; measurement: MeasurementName }) {
	const client = clients.get(params.target);
	if (!client) throw new Error(`No target "${params.target}"`);
	const { rounds, perRound } = MEASUREMENTS.find(({ name }) => name === params.measurement)!;
	const repeat = (operation: () => Promise<void>) => async () => {
		for (let index = 0; index < perRound; index++) await operation();
	};
	return {
		ours: repeat(client.ours[params.measurement]),
		baseline: repeat(client.baseline[params.measurement]),
		rounds,
		perRound,
		baselineRequests: client.baseline.requests,
	};
}

export type ClientApi = typeof api;

serve(api);
