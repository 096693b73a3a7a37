/**
 * Child process: the client side, our node in n8n's engine and the baselines, each side talking
 * to the sandboxes through its own proxy listeners. It times; the bench counts and prints.
 */
import '../../test/engine/environment';

import { Engine } from '../../test/engine/engine';
import { median, time } from '../measure';
import { serve } from '../remote/ipc';
import { NO_OP, NoOp } from '../remote/no-op.node';
import { fetchReturnAll } from './fetch-baseline';
import { credentialData, getNewest, returnAll } from './our-node';
import {
	INBOX_MAILBOX,
	targetKey,
	type GraphMeasurementName,
	type GraphTarget,
	type Side,
	type Transport,
} from './plan';
import { TOKEN_PER_EXECUTION, TokenPerExecution } from './token-per-execution.node';

const engine = new Engine({
	[TOKEN_PER_EXECUTION]: new TokenPerExecution(),
	[NO_OP]: new NoOp(),
});

interface TargetSides {
	target: GraphTarget;
	/** Return All, per side: one operation. */
	returnAll: Record<Side, () => Promise<void>>;
	/** One execution of "Get Many, limit 1" with the credential of the counted executions. */
	getNewest: () => Promise<void>;
	/** The same with the Return All credential, for warm-ups that must not move the count. */
	getNewestWarm: () => Promise<void>;
	baselineExecution: () => Promise<void>;
}

/** By `targetKey`. */
const targets = new Map<string, TargetSides>();

const listCredential = (key: string) => `${key}/list`;
const executionsCredential = (key: string) => `${key}/executions`;

function sides(key: string): TargetSides {
	const sides = targets.get(key);
	if (!sides) throw new Error(`No target "${key}"`);
	return sides;
}

const api = {
	/** Our credentials per target, and the baseline's token for its Return All loop. */
	async setup(params: { targets: GraphTarget[]; folderIds: Record<Transport, string> }) {
		for (const target of params.targets) {
			const { urls } = target;
			const key = targetKey(target);
			const folderId = params.folderIds[target.transport];
			await engine.addCredential(
				listCredential(key),
				'microsoftGraphAppApi',
				credentialData(urls.ours),
			);
			const baselineNode = {
				type: TOKEN_PER_EXECUTION,
				name: 'Baseline',
				parameters: {
					identityUrl: urls.baseline.identity,
					graphUrl: urls.baseline.graph,
					mailbox: INBOX_MAILBOX,
					folder: 'inbox',
					limit: 1,
				},
			};
			targets.set(key, {
				target,
				returnAll: {
					ours: returnAll(engine, listCredential(key), folderId),
					baseline: await fetchReturnAll(urls.baseline, folderId),
				},
				getNewest: getNewest(engine, executionsCredential(key)),
				getNewestWarm: getNewest(engine, listCredential(key)),
				baselineExecution: async () => {
					const execution = await engine.run({ nodes: [baselineNode] });
					if (execution.error) throw execution.error;
					const count = execution.output().length;
					if (count !== 1) throw new Error(`The baseline's list gave ${count} messages`);
				},
			});
		}
	},

	/**
	 * A new Microsoft Graph App credential for the counted executions, with `clientSecret` (one
	 * the sandbox's app just got): no token in it yet, as after a builder created it.
	 */
	async newCredential(params: { target: string; clientSecret: string }) {
		const { urls } = sides(params.target).target;
		await engine.addCredential(
			executionsCredential(params.target),
			'microsoftGraphAppApi',
			credentialData(urls.ours, params.clientSecret),
		);
	},

	/**
	 * `count` operations of one side in a row: milliseconds from the first start to the last
	 * checked result. `warmUp` executions of ours use the Return All credential, whose token is
	 * not counted.
	 */
	async run(params: {
		target: string;
		measurement: GraphMeasurementName;
		side: Side;
		count: number;
		warmUp?: boolean;
	}) {
		const target = sides(params.target);
		const operation =
			params.measurement === 'returnAll'
				? target.returnAll[params.side]
				: params.side === 'baseline'
					? target.baselineExecution
					: params.warmUp
						? target.getNewestWarm
						: target.getNewest;
		return await time(async () => {
			for (let index = 0; index < params.count; index++) await operation();
		});
	},

	/**
	 * n8n's own cost per execution, with no node of ours: the trigger and a node that does
	 * nothing, in the same engine harness. Milliseconds per execution, median of rounds of 50.
	 */
	async engineAlone() {
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

export type GraphClientApi = typeof api;

serve(api);
