import { AsyncLocalStorage } from 'node:async_hooks';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { ScheduledTaskManager } from 'n8n-core';
import {
	ActiveWorkflowTriggers,
	ErrorReporter,
	PollTriggerExecutor,
	TriggersAndPollers,
} from 'n8n-core';
import type { IDataObject, INode, WorkflowActivateMode } from 'n8n-workflow';
import { UnexpectedError, Workflow, deepCopy, randomString } from 'n8n-workflow';

import { ACTIVATION_ATTEMPTS } from './activation-retry';
import { ManualCrons, scheduleGroup } from './manual-crons';
import type { PollContextOwner } from './poll-context';
import { createPollContext } from './poll-context';
import { PollTracing } from './poll-tracing';
import { dbWorkflow, pollNodeOf } from './saved-workflow';
import type {
	PollOutcome,
	PollRecord,
	PollerHost,
	PollerOptions,
	PollerWorkflowData,
} from './types';

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
 * do the work; what comes from n8n's CLI package (not installed here) is replicated in this folder.
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
		const owner: PollContextOwner = {
			host,
			polls: this.polls,
			countEmitError: () => this.emitErrors++,
		};

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
									createPollContext(
										owner,
										pollWorkflow,
										pollNode,
										pollData,
										mode,
										activation,
										saved,
									),
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

function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}
