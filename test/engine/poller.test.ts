import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, WorkflowActivationError } from 'n8n-workflow';

import type { WorkflowData } from './engine';
import { Engine } from './engine';
import { finishProbe } from './fixtures/finish-probe.node';

const POLLER = 'Poller';
const AFTER = 'After';

/** What the next polls do: return a batch of items, return null (queue empty) or throw. */
let queue: IDataObject[][];
let failures: Error[];
/** Calls of poll(), in every mode. */
let pollCalls: number;
/** Count in a nested object, changed in place, instead of `polls` (see the ObservableObject test). */
let countNested: boolean;

/**
 * The smallest poll trigger: counts its polls in node static data (`polls`, or `nested.count`),
 * returns the next batch of the queue (with the context's mode, activation mode and credential)
 * or null; throws when a failure is queued.
 */
class CountingPoller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Counting Poller',
		name: 'countingPoller',
		group: ['trigger'],
		version: 1,
		description: 'Counts its polls and emits queued items',
		defaults: { name: POLLER },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'fileMakerServerApi', required: false }],
		properties: [],
	};

	async poll(this: IPollFunctions) {
		pollCalls++;
		const data = this.getWorkflowStaticData('node');
		if (countNested) {
			data.nested ??= { count: 0 };
			const nested = data.nested as { count: number };
			nested.count++;
		} else {
			data.polls = ((data.polls as number | undefined) ?? 0) + 1;
		}
		const failure = failures.shift();
		if (failure) throw failure;
		const batch = queue.shift();
		if (!batch) return null;
		const credential = this.getNode().credentials?.fileMakerServerApi
			? await this.getCredentials('fileMakerServerApi')
			: undefined;
		const context = {
			mode: this.getMode(),
			activation: this.getActivationMode(),
			polls: data.polls,
			database: credential?.database,
		};
		return [this.helpers.returnJsonArray(batch.map((item) => ({ ...item, ...context })))];
	}
}

function node(name: string, type: string, parameters: INodeParameters = {}): INode {
	return { id: randomUUID(), name, type, typeVersion: 1, position: [0, 0], parameters };
}

/** Poller → After (a pass-through finish probe). */
function pollerWorkflow(parameters: INodeParameters = {}): WorkflowData {
	return {
		nodes: [node(POLLER, 'test.countingPoller', parameters), node(AFTER, 'test.finishProbe')],
		connections: { [POLLER]: { main: [[{ node: AFTER, type: 'main', index: 0 }]] } },
	};
}

const pollsOf = (staticData: IDataObject) =>
	(staticData[`node:${POLLER}`] as IDataObject | undefined)?.polls;

describe('a poll trigger as n8n 2.41.1 runs it (activation, cron ticks, static data)', () => {
	let engine: Engine;
	let finished: string[];

	beforeEach(() => {
		queue = [];
		failures = [];
		pollCalls = 0;
		countNested = false;
		finished = [];
		engine = new Engine({
			'test.countingPoller': new CountingPoller(),
			'test.finishProbe': finishProbe(finished),
		});
	});

	it('emits what the activation poll returns and runs the workflow with it', async () => {
		queue.push([{ id: 1 }, { id: 2 }]);
		const poller = await engine.activatePoller(pollerWorkflow());

		expect(poller.activation.kind).toBe('activation');
		expect(poller.activation.items?.map((item) => item.json)).toEqual([
			{ id: 1, mode: 'trigger', activation: 'activate', polls: 1 },
			{ id: 2, mode: 'trigger', activation: 'activate', polls: 1 },
		]);
		const execution = poller.activation.execution;
		expect(execution?.status).toBe('success');
		expect(execution?.run.mode).toBe('trigger');
		expect(execution?.output(AFTER).map((item) => item.json.id)).toEqual([1, 2]);
		expect(finished).toEqual([AFTER]);
		expect(engine.executions.find(execution?.id ?? '')?.status).toBe('success');
		expect(pollsOf(poller.savedStaticData())).toBe(1);
		// Poll Times defaults to every minute, as n8n's loader adds it: one cron, a fixed second.
		expect(poller.cronExpressions).toEqual([expect.stringMatching(/^\d+ \* \* \* \* \*$/)]);
	});

	it('saves static data only when a poll emits (or activation ends), never after a null tick', async () => {
		const poller = await engine.activatePoller(pollerWorkflow());
		// The activation poll returned null, but activation saves what changed.
		expect(poller.activation).toEqual({ kind: 'activation', items: null });
		expect(pollsOf(poller.savedStaticData())).toBe(1);

		const nothing = await poller.poll();
		expect(nothing).toEqual({ kind: 'tick', items: null });
		expect(pollsOf(poller.liveStaticData())).toBe(2);
		expect(pollsOf(poller.savedStaticData())).toBe(1);

		queue.push([{ id: 'a' }]);
		const emitted = await poller.poll();
		expect(emitted.items?.map((item) => item.json)).toEqual([
			{ id: 'a', mode: 'trigger', activation: 'activate', polls: 3, database: undefined },
		]);
		expect(emitted.execution?.output(AFTER)).toHaveLength(1);
		expect(pollsOf(poller.savedStaticData())).toBe(3);
		expect(poller.history.map((outcome) => outcome.kind)).toEqual(['activation', 'tick', 'tick']);
	});

	it('loses the unsaved changes on a restart: a new Workflow from the saved data, polled at activation', async () => {
		const poller = await engine.activatePoller(pollerWorkflow(), {
			staticData: { global: { note: 'kept' } },
		});
		await poller.poll();
		await poller.poll();
		expect(pollsOf(poller.liveStaticData())).toBe(3);
		expect(pollsOf(poller.savedStaticData())).toBe(1);

		queue.push([{ id: 'after restart' }]);
		const activation = await poller.restart();
		expect(activation.items?.map((item) => item.json)).toEqual([
			{ id: 'after restart', mode: 'trigger', activation: 'init', polls: 2 },
		]);
		expect(pollsOf(poller.savedStaticData())).toBe(2);
		expect(poller.savedStaticData().global).toEqual({ note: 'kept' });
	});

	it("misses an in-place change of a nested object the poll created (n8n's ObservableObject), even when it emits", async () => {
		countNested = true;
		const nestedOf = (staticData: IDataObject) =>
			(staticData[`node:${POLLER}`] as IDataObject | undefined)?.nested;
		const poller = await engine.activatePoller(pollerWorkflow());
		// Assigning `nested` marked the data changed: saved after activation.
		expect(nestedOf(poller.savedStaticData())).toEqual({ count: 1 });

		// Changing `nested.count` in place marks nothing: the emit saves nothing…
		queue.push([{ id: 1 }]);
		expect((await poller.poll()).execution?.status).toBe('success');
		expect(nestedOf(poller.liveStaticData())).toEqual({ count: 2 });
		expect(nestedOf(poller.savedStaticData())).toEqual({ count: 1 });

		// …and a restart goes back to 1. Data read from the database is observed deeply.
		await poller.restart();
		expect(nestedOf(poller.liveStaticData())).toEqual({ count: 2 });
		expect(nestedOf(poller.savedStaticData())).toEqual({ count: 2 });
		queue.push([{ id: 2 }]);
		await poller.poll();
		expect(nestedOf(poller.savedStaticData())).toEqual({ count: 3 });
	});

	it('puts the error of a tick in its outcome and keeps polling; a failed execution is saved', async () => {
		const workflow = pollerWorkflow();
		const poller = await engine.activatePoller(workflow);
		// n8n's errors serialize their message (toJSON) into the saved execution; a plain Error's is lost.
		failures.push(new NodeOperationError(workflow.nodes[0], 'FileMaker is down'));

		const failed = await poller.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toBe('FileMaker is down');
		expect(failed.execution).toBeUndefined();
		expect(poller.emitErrors).toBe(1);
		const row = engine.executions.find(failed.failedExecutionId ?? '');
		expect([row?.mode, row?.status]).toEqual(['trigger', 'error']);
		expect(row?.data.resultData.error?.message).toBe('FileMaker is down');
		// The error did not save what the poll changed.
		expect(pollsOf(poller.liveStaticData())).toBe(2);
		expect(pollsOf(poller.savedStaticData())).toBe(1);

		queue.push([{ id: 'next' }]);
		expect((await poller.poll()).items).toHaveLength(1);
		expect(poller.emitErrors).toBe(1);
	});

	it('fails the activation when its poll throws, after n8n\u2019s 5 attempts; what they changed is saved', async () => {
		const workflowId = 'failing-flow';
		failures.push(...[1, 2, 3, 4, 5].map((attempt) => new Error(`attempt ${attempt}`)));

		const activation = engine.activatePoller(pollerWorkflow(), { workflowId });
		await expect(activation).rejects.toThrow(WorkflowActivationError);
		await expect(activation).rejects.toThrow(
			'There was a problem activating the workflow: "attempt 5"',
		);
		expect(pollCalls).toBe(5);
		expect(pollsOf(engine.staticData.saved(workflowId) ?? {})).toBe(5);
	});

	it('activates when a later attempt succeeds', async () => {
		failures.push(new Error('once'));
		queue.push([{ id: 1 }]);
		const poller = await engine.activatePoller(pollerWorkflow());
		expect(pollCalls).toBe(2);
		expect(poller.history.map((outcome) => outcome.error?.message)).toEqual(['once', undefined]);
		expect(poller.activation.items).toHaveLength(1);
	});

	it('refuses Poll Times under a minute before polling', async () => {
		const everyTenSeconds = { item: [{ mode: 'custom', cronExpression: '*/10 * * * * *' }] };
		await expect(
			engine.activatePoller(pollerWorkflow({ pollTimes: everyTenSeconds })),
		).rejects.toThrow('The polling interval is too short. It has to be at least a minute.');
		expect(pollCalls).toBe(0);
	});

	it('reads the credential through the poll context; every Poll Times entry has its cron', async () => {
		await engine.addCredential('fm', 'fileMakerServerApi', {
			host: 'https://fms.example.com',
			database: 'Invoices',
			username: 'api',
			password: 'secret',
		});
		const workflow = pollerWorkflow({
			pollTimes: { item: [{ mode: 'everyMinute' }, { mode: 'everyHour', minute: 5 }] },
		});
		workflow.nodes[0].credentials = { fileMakerServerApi: { id: 'fm', name: 'FileMaker' } };
		queue.push([{ id: 1 }], [{ id: 2 }]);
		const poller = await engine.activatePoller(workflow);
		expect(poller.activation.items?.[0].json.database).toBe('Invoices');
		expect((await poller.poll()).items?.[0].json.database).toBe('Invoices');
		expect(poller.cronExpressions).toEqual([
			expect.stringMatching(/^\d+ \* \* \* \* \*$/),
			expect.stringMatching(/^\d+ 5 \* \* \* \*$/),
		]);
	});

	it('fetches a test event in a manual run on the saved static data, saving nothing', async () => {
		const poller = await engine.activatePoller(pollerWorkflow());
		await poller.poll();
		const saved = poller.savedStaticData();
		const live = poller.liveStaticData();
		expect([pollsOf(saved), pollsOf(live)]).toEqual([1, 2]);

		queue.push([{ id: 'sample' }]);
		const event = await engine.fetchTestEvent(pollerWorkflow(), undefined, {
			workflowId: poller.workflowId,
		});
		expect(event?.[0].map((item) => item.json)).toEqual([
			{ id: 'sample', mode: 'manual', activation: 'manual', polls: 2 },
		]);
		expect(await engine.fetchTestEvent(pollerWorkflow(), POLLER)).toBeNull();
		expect(poller.savedStaticData()).toEqual(saved);
		expect(poller.liveStaticData()).toEqual(live);

		failures.push(new Error('no access'));
		await expect(engine.fetchTestEvent(pollerWorkflow())).rejects.toThrow('no access');
	});

	it('deactivates without saving what the activation changed', async () => {
		const poller = await engine.activatePoller(pollerWorkflow());
		await poller.poll();
		await poller.deactivate();
		expect(pollsOf(poller.savedStaticData())).toBe(1);
		await expect(poller.poll()).rejects.toThrow('not active');
		expect(poller.active).toBe(false);
	});
});
