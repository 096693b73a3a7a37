import type {
	IDataObject,
	IExecuteResponsePromiseData,
	INode,
	INodeExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { Execution, ExecutionStore } from '../executions';
import type { TestNodeTypes } from '../node-types';
import type { StaticDataTable } from './static-data-table';

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

/** What happens during one poll: the outcome being built and the promises to wait for. */
export interface PollRecord {
	outcome: PollOutcome;
	/** The whole poll as PollTriggerExecutor runs it (its tracing span). */
	done?: Promise<unknown>;
	/** The execution __emit started. */
	execution?: Promise<Execution>;
}
