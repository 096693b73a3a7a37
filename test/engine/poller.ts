import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { ScheduledTaskContext, ScheduledTaskManager, Span, StartSpanOpts } from 'n8n-core';
import {
	ActiveWorkflowTriggers,
	ErrorReporter,
	PollContext,
	PollTriggerExecutor,
	Tracing,
	TriggersAndPollers,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ExecutionError,
	IDataObject,
	IExecuteResponsePromiseData,
	INode,
	INodeExecutionData,
	IPollFunctions,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	UnexpectedError,
	Workflow,
	createErrorExecutionData,
	createRunExecutionData,
	deepCopy,
	randomString,
} from 'n8n-workflow';

import type { Execution, ExecutionStore } from './executions';
import { toExecution } from './executions';
import type { TestNodeTypes } from './node-types';

/** What `Engine` lends a poller: its node types, tables and the additional data of its runs. */
export interface PollerHost {
	nodeTypes: TestNodeTypes;
	executions: ExecutionStore;
	staticData: StaticDataTable;
	/** n8n's WorkflowExecuteAdditionalData.getBase (with the engine's credentials helper). */
	additionalData(workflow: Workflow): IWorkflowExecuteAdditionalData;
	/** Additional data and lifecycle hooks of one execution, saved to `executions` when it ends. */
	runContext(
		workflow: Workflow,
		workflowData: IWorkflowBase,
		executionId: string,
		mode: WorkflowExecuteMode,
	): { additionalData: IWorkflowExecuteAdditionalData; responses: IExecuteResponsePromiseData[] };
}

/** The nodes and connections of a saved workflow (engine.ts's WorkflowData). */
export interface PollerWorkflowData {
	name?: string;
	nodes: INode[];
	connections: IWorkflowBase['connections'];
	pinData?: IWorkflowBase['pinData'];
}

export interface PollerOptions {
	/** The workflow's id; 16 random characters by default (n8n saves static data only for ids of 1 to 21 characters). */
	workflowId?: string;
	/** The workflow's static data in the database before activation; else what the database holds for the id ({} for a new one). */
	staticData?: IDataObject;
	/**
	 * The wait before activation attempt `attempt + 1` (n8n 2.41 tries 5 times in all). n8n waits
	 * 1 s, 2 s, 4 s, 8 s (`n8nActivationRetryDelay`); the harness does not wait by default.
	 */
	activationRetryDelayMs?: (attempt: number) => number;
}

/** One poll: the activation poll or a cron tick. */
export interface PollOutcome {
	kind: 'activation' | 'tick';
	/** Output 0 of what poll() returned; null when it returned null (or threw). */
	items: INodeExecutionData[] | null;
	/** The execution the emitted items started, awaited to its end. */
	execution?: Execution;
	/** What poll() threw: on a tick, the error n8n's __emitError gets (and saves as a failed execution). */
	error?: Error;
	/** The failed execution __emitError saved in `engine.executions` (ExecutionService.createErrorExecution). */
	failedExecutionId?: string;
}

/** n8n 2.41's TRIGGER_ACTIVATION_MAX_ATTEMPTS (packages/cli/src/constants.ts). */
const ACTIVATION_ATTEMPTS = 5;

/** n8n's wait between activation attempts (retryTriggerActivation, trigger-activation-retry.ts). */
export const n8nActivationRetryDelay = (attempt: number) =>
	Math.min(1000 * 2 ** attempt, 24 * 60 * 60 * 1000);

const SETTINGS: IWorkflowSettings = { executionOrder: 'v1' };

/** n8n's isWorkflowIdValid (packages/cli/src/utils.ts): static data of other ids is never saved. */
const isWorkflowIdValid = (id: string) => id.length > 0 && id.length <= 21;

/**
 * The `staticData` column of n8n's workflow_entity table: JSON, so a Date comes back a string and
 * ObservableObject's hidden `__dataChanged` flag is not stored.
 */
export class StaticDataTable {
	private readonly rows = new Map<string, string>();

	/** A copy of what the database holds for the workflow; undefined for a workflow never saved. */
	saved(workflowId: string): IDataObject | undefined {
		const row = this.rows.get(workflowId);
		return row === undefined ? undefined : (JSON.parse(row) as IDataObject);
	}

	/** WorkflowStaticDataService.saveStaticDataById. */
	save(workflowId: string, staticData: IDataObject): void {
		this.rows.set(workflowId, JSON.stringify(staticData));
	}

	/**
	 * WorkflowStaticDataService.saveStaticData: only data marked changed, for a valid id; the flag
	 * is cleared once it is written (n8n writes asynchronously, the harness at once).
	 */
	saveIfChanged(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged !== true || !isWorkflowIdValid(workflow.id)) return;
		this.save(workflow.id, workflow.staticData);
		workflow.staticData.__dataChanged = false;
	}
}

/** What happens during one poll: the outcome being built and the promises to wait for. */
interface PollRecord {
	outcome: PollOutcome;
	/** The whole poll as PollTriggerExecutor runs it (its tracing span). */
	done?: Promise<unknown>;
	/** The execution __emit started. */
	execution?: Promise<Execution>;
}

/**
 * PollTriggerExecutor opens a tracing span around every poll (startSpan at activation,
 * startNewTraceSpan on a cron tick): n8n's own noop tracing, which also hands the harness the
 * promise of the whole poll, since a cron tick does not return it (`void executePollTrigger()`).
 */
class PollTracing extends Tracing {
	constructor(private readonly polls: AsyncLocalStorage<PollRecord>) {
		super();
	}

	override async startSpan<T>(options: StartSpanOpts, spanCb: (span: Span) => Promise<T>) {
		return await this.track(super.startSpan(options, spanCb));
	}

	override async startNewTraceSpan<T>(options: StartSpanOpts, spanCb: (span: Span) => Promise<T>) {
		return await this.track(super.startNewTraceSpan(options, spanCb));
	}

	private async track<T>(promise: Promise<T>): Promise<T> {
		const record = this.polls.getStore();
		if (record) record.done = promise;
		return await promise;
	}
}

interface Cron {
	ctx: ScheduledTaskContext;
	onTick(scheduledTime: Date): void;
}

/**
 * n8n-core's ScheduledTaskManager on the leader (registration, keys, deregistration as in
 * scheduled-task-manager.ts), except that its crons never fire on their own: `tick` fires one.
 */
class ManualCrons {
	private readonly groups = new Map<string, Map<string, Cron>>();

	register(ctx: ScheduledTaskContext, onTick: (scheduledTime: Date) => void): boolean {
		const crons = this.groups.get(groupKey(ctx.group)) ?? new Map<string, Cron>();
		this.groups.set(groupKey(ctx.group), crons);
		const key = JSON.stringify([ctx.targetId, ctx.timezone, ctx.expression, ctx.recurrence]);
		if (crons.has(key)) return false;
		crons.set(key, { ctx, onTick });
		return true;
	}

	deregisterGroup(group: ScheduledTaskContext['group']): boolean {
		return this.groups.delete(groupKey(group));
	}

	deregisterGroups(groupType: string): void {
		for (const id of this.getGroupIds(groupType)) this.deregisterGroup({ type: groupType, id });
	}

	getGroupIds(groupType: string): string[] {
		return [...this.groups.keys()]
			.map((key) => JSON.parse(key) as [string, string])
			.filter(([type]) => type === groupType)
			.map(([, id]) => id);
	}

	getTargetIds(group: ScheduledTaskContext['group']): string[] {
		return [...new Set(this.crons(group).map(({ ctx }) => ctx.targetId))];
	}

	deregisterTarget(group: ScheduledTaskContext['group'], targetId: string): void {
		const crons = this.groups.get(groupKey(group));
		if (!crons) return;
		for (const [key, cron] of crons) if (cron.ctx.targetId === targetId) crons.delete(key);
		if (crons.size === 0) this.groups.delete(groupKey(group));
	}

	hasGroup(group: ScheduledTaskContext['group']): boolean {
		return this.crons(group).length > 0;
	}

	hasTarget(group: ScheduledTaskContext['group'], targetId: string): boolean {
		return this.getTargetIds(group).includes(targetId);
	}

	crons(group: ScheduledTaskContext['group']): Cron[] {
		return [...(this.groups.get(groupKey(group))?.values() ?? [])];
	}
}

const groupKey = (group: ScheduledTaskContext['group']) => JSON.stringify([group.type, group.id]);

/** ActiveWorkflowTriggers' schedule group of a workflow. */
const scheduleGroup = (workflowId: string) => ({ type: 'workflow', id: workflowId });

/** What the database holds for a published workflow (nodes and connections of its active version). */
function dbWorkflow(id: string, data: PollerWorkflowData, staticData: IDataObject): IWorkflowBase {
	const copy = deepCopy({ nodes: data.nodes, connections: data.connections });
	return {
		id,
		name: data.name ?? 'Poller test',
		active: true,
		activeVersionId: 'published',
		isArchived: false,
		nodes: copy.nodes,
		connections: copy.connections,
		settings: SETTINGS,
		staticData,
		createdAt: new Date(),
		updatedAt: new Date(),
	};
}

function pollNodeOf(workflow: Workflow, name?: string): INode {
	const pollNodes = workflow.getPollNodes().filter((node) => node.disabled !== true);
	const node = name === undefined ? pollNodes[0] : pollNodes.find((poll) => poll.name === name);
	if (!node || (name === undefined && pollNodes.length !== 1)) {
		throw new Error(
			name === undefined
				? `The workflow needs exactly one enabled poll trigger node, it has ${pollNodes.length}`
				: `No enabled poll trigger node "${name}"`,
		);
	}
	return node;
}

/**
 * A published workflow with one poll trigger, run as n8n 2.41.1 runs it on a single main
 * instance with its defaults (workflow publication service on, durable poll cursors and the
 * durable scheduler off):
 *
 * - Activation (WorkflowTriggerActivator.activate → NonWebhookTriggerRegistrar.register → n8n-core's
 *   ActiveWorkflowTriggers.addTriggers): a new Workflow from the saved static data; n8n-core reads
 *   `pollTimes`, refuses sub-minute crons, runs the poll once (`executePollTrigger(true)`: errors
 *   are thrown, returned items are emitted) and registers the crons. A failed activation is
 *   tried again, 5 times in all, then reported as n8n's WorkflowActivationError. Static data
 *   marked changed is saved after activation, whether it succeeded or not.
 * - A cron tick (`poll()`): the callback n8n-core registered (`void executePollTrigger()`), on the
 *   same Workflow and poll context as every tick of this activation.
 * - The poll context: TriggerExecutionContextFactory.getExecutePollFunctions without a durable
 *   cursor: node static data is the Workflow's live ObservableObject; __emit saves static data
 *   (if marked changed) and runs the workflow from the trigger with the items; __emitError saves a
 *   failed execution; __commitCursor has nothing to commit.
 *
 * n8n-core's own ActiveWorkflowTriggers, PollTriggerExecutor, TriggersAndPollers and PollContext
 * do the work; what comes from n8n's CLI package (not installed here) is replicated in this file.
 */
export class ActivePoller {
	/** The outcome of the activation poll (the last attempt's, after a restart the restart's). */
	activation!: PollOutcome;

	/** Every poll in order: activation attempts and ticks. */
	readonly history: PollOutcome[] = [];

	/** How often __emitError was called (a tick's poll threw). */
	emitErrors = 0;

	/** Always false after `deactivate()`; false after a restart whose activation failed. */
	active = false;

	private workflow!: Workflow;

	private node!: INode;

	private triggers!: ActiveWorkflowTriggers;

	private crons!: ManualCrons;

	private readonly polls = new AsyncLocalStorage<PollRecord>();

	private constructor(
		private readonly host: PollerHost,
		private readonly workflowData: PollerWorkflowData,
		readonly workflowId: string,
		private readonly retryDelayMs: (attempt: number) => number,
	) {}

	/** Publishes the workflow (activation mode "activate"); throws n8n's activation error. */
	static async activate(
		host: PollerHost,
		workflowData: PollerWorkflowData,
		options: PollerOptions = {},
	): Promise<ActivePoller> {
		const workflowId = options.workflowId ?? randomString(16);
		if (options.staticData !== undefined) host.staticData.save(workflowId, options.staticData);
		const poller = new ActivePoller(
			host,
			workflowData,
			workflowId,
			options.activationRetryDelayMs ?? (() => 0),
		);
		await poller.start('activate');
		return poller;
	}

	/** The cron expressions n8n-core registered for the poll node (one per Poll Times entry). */
	get cronExpressions(): string[] {
		return this.crons.crons(scheduleGroup(this.workflowId)).map(({ ctx }) => ctx.expression);
	}

	/**
	 * One cron tick, awaited to its end and to the end of the execution it started. An error of
	 * the poll is in the outcome (n8n saves a failed execution and keeps polling), not thrown.
	 */
	async poll(): Promise<PollOutcome> {
		if (!this.active) throw new Error('The poller is not active: n8n runs no cron of it');
		// Every Poll Times entry has its cron, each calling the same executePollTrigger.
		const [cron] = this.crons.crons(scheduleGroup(this.workflowId));
		if (!cron) throw new Error('n8n registered no cron for the poll node (Poll Times is empty)');
		const record = this.record('tick');
		this.polls.run(record, () => cron.onTick(new Date()));
		if (!record.done) throw new UnexpectedError('The cron tick did not start a poll');
		await record.done;
		return await this.finish(record);
	}

	/** A copy of the static data n8n's database holds for the workflow. */
	savedStaticData(): IDataObject {
		return this.host.staticData.saved(this.workflowId) ?? {};
	}

	/** A copy of the live Workflow's static data (what polls of this activation read and change). */
	liveStaticData(): IDataObject {
		return deepCopy({ ...this.workflow.staticData });
	}

	/**
	 * n8n stops and starts again: the live Workflow is gone without being saved; a new one is
	 * built from the saved static data and activated (activation mode "init", its activation
	 * poll runs). Throws, and leaves the poller inactive, if that activation fails.
	 */
	async restart(): Promise<PollOutcome> {
		this.active = false;
		await this.start('init');
		return this.activation;
	}

	/**
	 * Unpublishing in n8n 2.41.1 (WorkflowPublicationApplier.unpublish → WorkflowTriggerActivator
	 * .deactivate): the poll node's crons are removed (ActiveWorkflowTriggers.removeTriggers), and
	 * saveStaticData runs on a Workflow built anew from the database row, which has no change to
	 * save. What this activation changed and did not save is lost, as in n8n.
	 */
	async deactivate(): Promise<void> {
		if (!this.active) return;
		this.active = false;
		await this.triggers.removeTriggers(this.workflowId, new Set([this.node.id]));
	}

	/**
	 * WorkflowTriggerActivator.activateInternal with NonWebhookTriggerRegistrar.register and
	 * retryTriggerActivation: a new Workflow and n8n-core trigger state, activation tried up to
	 * 5 times, static data saved after all attempts.
	 */
	private async start(activationMode: WorkflowActivateMode): Promise<void> {
		const { host, workflowId } = this;
		const saved = dbWorkflow(
			workflowId,
			this.workflowData,
			host.staticData.saved(workflowId) ?? {},
		);
		const workflow = new Workflow({
			id: saved.id,
			name: saved.name,
			nodes: saved.nodes,
			connections: saved.connections,
			active: true,
			nodeTypes: host.nodeTypes,
			staticData: saved.staticData,
			settings: saved.settings,
		});
		const node = pollNodeOf(workflow);
		this.workflow = workflow;
		this.node = node;
		this.crons = new ManualCrons();
		const logger = Container.get(Logger);
		const triggersAndPollers = Container.get(TriggersAndPollers);
		const errorReporter = Container.get(ErrorReporter);
		const executor = new PollTriggerExecutor(
			logger,
			triggersAndPollers,
			new PollTracing(this.polls),
			errorReporter,
		);
		this.triggers = new ActiveWorkflowTriggers(
			logger,
			this.crons as unknown as ScheduledTaskManager,
			triggersAndPollers,
			errorReporter,
			executor,
		);
		// WorkflowExecuteAdditionalData.getBase: no execution id and no lifecycle hooks.
		const additionalData = host.additionalData(workflow);
		delete additionalData.executionId;
		delete additionalData.hooks;

		let failure: unknown;
		await workflow.expression.acquireIsolate();
		try {
			for (let attempt = 0; ; attempt++) {
				const record = this.record('activation');
				try {
					await this.polls.run(
						record,
						async () =>
							await this.triggers.addTriggers(
								workflowId,
								workflow,
								[node.id],
								additionalData,
								'trigger',
								activationMode,
								() => {
									throw new UnexpectedError('The poller harness runs no trigger() node');
								},
								(pollWorkflow, pollNode, pollData, mode, activation) =>
									this.pollContext(pollWorkflow, pollNode, pollData, mode, activation, saved),
							),
					);
					this.activation = await this.finish(record);
					failure = undefined;
					break;
				} catch (error) {
					// The poll's own error is the activation's outcome; n8n reports it wrapped.
					record.outcome.error ??= asError((error as { cause?: unknown }).cause ?? error);
					this.activation = await this.finish(record);
					failure = error;
					// retryTriggerActivation: every error but WebhookPathTakenError is retried.
					if (attempt >= ACTIVATION_ATTEMPTS - 1) break;
					const delay = this.retryDelayMs(attempt);
					if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
				}
			}
		} finally {
			await workflow.expression.releaseIsolate();
		}
		host.staticData.saveIfChanged(workflow);
		if (failure !== undefined) throw failure;
		this.active = true;
	}

	/**
	 * TriggerExecutionContextFactory.getExecutePollFunctions (packages/cli, n8n 2.41.1) with
	 * durable cursors disabled and no poller_state row, so PollCursorService.resolveCursor answers
	 * `{ migrated: false }` and no cursor is ever staged.
	 */
	private pollContext(
		workflow: Workflow,
		node: INode,
		additionalData: IWorkflowExecuteAdditionalData,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
		saved: IWorkflowBase,
	): IPollFunctions {
		const staged = new AsyncLocalStorage<{ migrated: false }>();
		const __runPoll = async <T>(poll: () => Promise<T>): Promise<T> =>
			await staged.run({ migrated: false }, poll);
		const __emit = (data: INodeExecutionData[][]) => {
			const record = this.polls.getStore();
			this.host.staticData.saveIfChanged(workflow);
			const execution = this.runEmitted(saved, node, data);
			if (record) {
				record.outcome.items = data?.[0] ?? [];
				record.execution = execution;
			} else {
				// An emit after its poll ended (a node that emits late): it still runs, as in n8n.
				void execution.catch(() => {});
			}
		};
		const __emitError = (error: Error) => {
			const record = this.polls.getStore();
			const id = randomUUID();
			if (record) Object.assign(record.outcome, { error, failedExecutionId: id });
			this.emitErrors++;
			// ExecutionService.createErrorExecution (then the error workflow, which the harness has not).
			this.host.executions.save({
				id,
				mode,
				status: 'error',
				finished: false,
				data: createErrorExecutionData(node, error as ExecutionError),
				workflowData: saved,
			});
		};
		// takeStagedCursor() is null without a migrated cursor: nothing to commit.
		const __commitCursor = async () => {};
		const resolveNodeStaticData = () => {
			if (staged.getStore() === undefined) {
				throw new UnexpectedError(
					'Poll node read its static data outside of a poll; __runPoll was not entered',
					{ extra: { workflowId: workflow.id, nodeId: node.id, nodeName: node.name } },
				);
			}
			return workflow.getStaticData('node', node);
		};
		// No fence (no durable scheduler): PollContext's default budget of 5 minutes.
		return new PollContext(
			workflow,
			node,
			additionalData,
			mode,
			activation,
			__emit,
			__emitError,
			__commitCursor,
			__runPoll,
			resolveNodeStaticData,
			undefined,
		);
	}

	/**
	 * WorkflowExecutionService.runWorkflow → WorkflowRunner.run(data, loadStaticData = true) →
	 * runMainProcess: a new Workflow from the published data with the static data read back from
	 * the database, and an execution whose stack starts at the trigger node with the emitted
	 * items (the trigger passes them on in mode "trigger"). n8n's save hook writes the static data
	 * this execution changed (hookFunctionsSave, every mode but manual).
	 */
	private async runEmitted(
		published: IWorkflowBase,
		node: INode,
		data: INodeExecutionData[][],
	): Promise<Execution> {
		const { host } = this;
		const workflowData: IWorkflowBase = {
			...published,
			...deepCopy({ nodes: published.nodes, connections: published.connections }),
			staticData: host.staticData.saved(published.id) ?? {},
		};
		const workflow = new Workflow({
			id: workflowData.id,
			name: workflowData.name,
			nodes: workflowData.nodes,
			connections: workflowData.connections,
			active: workflowData.activeVersionId !== null,
			nodeTypes: host.nodeTypes,
			staticData: workflowData.staticData,
			settings: workflowData.settings,
		});
		const executionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: data }, source: null }] },
		});
		const executionId = randomUUID();
		const { additionalData, responses } = host.runContext(
			workflow,
			workflowData,
			executionId,
			'trigger',
		);
		additionalData.hooks?.addHandler('workflowExecuteAfter', (_run, newStaticData) => {
			if (newStaticData && isWorkflowIdValid(workflow.id)) {
				host.staticData.save(workflow.id, newStaticData);
			}
		});
		host.executions.save({
			id: executionId,
			mode: 'trigger',
			status: 'running',
			finished: false,
			data: executionData,
			workflowData,
		});
		const run = await new WorkflowExecute(
			additionalData,
			'trigger',
			executionData,
		).processRunExecutionData(workflow);
		return toExecution(executionId, run, responses);
	}

	private record(kind: PollOutcome['kind']): PollRecord {
		const outcome: PollOutcome = { kind, items: null };
		this.history.push(outcome);
		return { outcome };
	}

	/**
	 * The outcome once the poll and its execution ended. n8n does not wait for the execution
	 * (the next tick may start while it runs); the harness does, so a tick's outcome is complete.
	 */
	private async finish(record: PollRecord): Promise<PollOutcome> {
		if (record.execution) record.outcome.execution = await record.execution;
		return record.outcome;
	}
}

/**
 * The editor's "Fetch Test Event" on a poll node (a manual execution up to and including it,
 * WorkflowExecutionService.executeManually → ManualExecutionService.runManually →
 * WorkflowExecute.run): n8n-core's executePollNode runs poll() once in a plain PollContext
 * (mode "manual", activation "manual") on a Workflow with the static data the database holds.
 * A manual execution never saves static data. Pin data of the trigger is used instead of
 * polling, as in the editor. Returns what poll() returned; throws what it threw.
 */
export async function fetchTestEvent(
	host: PollerHost,
	workflowData: PollerWorkflowData,
	triggerNodeName?: string,
	options: { workflowId?: string; staticData?: IDataObject } = {},
): Promise<INodeExecutionData[][] | null> {
	const id = options.workflowId ?? randomString(16);
	const staticData = options.staticData ?? host.staticData.saved(id) ?? {};
	const saved: IWorkflowBase = {
		...dbWorkflow(id, workflowData, staticData),
		active: false,
		activeVersionId: null,
		pinData: workflowData.pinData,
	};
	const workflow = new Workflow({
		id,
		name: saved.name,
		nodes: saved.nodes,
		connections: saved.connections,
		active: false,
		nodeTypes: host.nodeTypes,
		staticData,
		settings: saved.settings,
		pinData: saved.pinData,
	});
	const node = pollNodeOf(workflow, triggerNodeName);
	const { additionalData } = host.runContext(workflow, saved, randomUUID(), 'manual');
	const run = await new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode: node,
		destinationNode: { nodeName: node.name, mode: 'inclusive' },
		pinData: saved.pinData,
		triggerToStartFrom: { name: node.name },
	});
	const task = run.data.resultData.runData[node.name]?.[0];
	// The node's error as the editor shows it (resultData.error is a plain copy of it).
	const error: { message: string } | undefined = task?.error ?? run.data.resultData.error;
	if (error) throw error instanceof Error ? error : Object.assign(new Error(error.message), error);
	// poll() returning null leaves the node without run data (WorkflowExecute skips it).
	const main = task?.data?.main;
	return main ? (main as INodeExecutionData[][]) : null;
}

function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}
