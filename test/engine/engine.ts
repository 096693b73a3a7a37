import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	IExecuteResponsePromiseData,
	ILoadOptionsFunctions,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IPinData,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	ResourceMapperFields,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { WAIT_INDEFINITELY, Workflow, createRunExecutionData } from 'n8n-workflow';

import { StoredCredentialsHelper } from './credentials-helper';
import type { Execution, StoredExecution } from './executions';
import { ExecutionStore, toExecution } from './executions';
import { prepareN8nServices } from './n8n-services';
import { FILEMAKER_DATA_API, MANUAL_TRIGGER, TestNodeTypes } from './node-types';
import type { PollerHost, PollerOptions } from './poller';
import { ActivePoller, StaticDataTable, fetchTestEvent } from './poller';
import { WaitingWebhooksServer } from './waiting-webhooks';

export type { Execution } from './executions';
export type { ActivePoller, PollOutcome, PollerOptions } from './poller';

export interface NodeUnderTest {
	parameters: INodeParameters;
	name?: string;
	type?: string;
	credentials?: INodeCredentials;
	continueOnFail?: boolean;
}

export interface RunOptions {
	/** Items the start node emits (its pin data); one empty item by default. */
	input?: INodeExecutionData[];
	/** Nodes run one after another behind the start node. */
	nodes: NodeUnderTest[];
}

export interface WorkflowData {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	pinData?: IPinData;
}

const START = 'Start';
const DEFAULT_BASE_URL = 'http://localhost:5678';

interface Resumption {
	promise: Promise<Execution>;
	resolve(execution: Execution): void;
	reject(error: unknown): void;
	started: boolean;
}

/**
 * Runs workflows the way n8n runs them: n8n-core's `WorkflowExecute` on a `Workflow`, with
 * a credentials helper that keeps n8n's lifecycle and persists credentials between runs.
 */
export class Engine {
	readonly credentials = new StoredCredentialsHelper();

	/** n8n's executions table: every run is saved when it ends; waiting ones resume from it. */
	readonly executions = new ExecutionStore();

	/** The staticData column of n8n's workflows table, by workflow id (what pollers save). */
	readonly staticData = new StaticDataTable();

	private readonly nodeTypes: TestNodeTypes;

	private waitingWebhooks?: WaitingWebhooksServer;

	private readonly resumptions = new Map<string, Resumption>();

	/** `extraNodeTypes`: more node types by full name, e.g. a benchmark's baseline node. */
	constructor(extraNodeTypes: Record<string, INodeType> = {}) {
		this.nodeTypes = new TestNodeTypes(extraNodeTypes);
	}

	async addCredential(id: string, type: string, data: ICredentialDataDecryptedObject) {
		await prepareN8nServices();
		await this.credentials.add(id, type, data);
	}

	/** Runs a start node followed by `nodes`, one after another. */
	async run({ input = [{ json: {} }], nodes }: RunOptions): Promise<Execution> {
		const workflowNodes: INode[] = [
			{
				id: randomUUID(),
				name: START,
				type: MANUAL_TRIGGER,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			...nodes.map((node, index) => toNode(node, index)),
		];
		const connections: IConnections = {};
		for (let index = 1; index < workflowNodes.length; index++) {
			connections[workflowNodes[index - 1].name] = {
				main: [[{ node: workflowNodes[index].name, type: 'main', index: 0 }]],
			};
		}
		return await this.runWorkflow({
			nodes: workflowNodes,
			connections,
			pinData: { [START]: input },
		});
	}

	/**
	 * Runs a workflow as saved by n8n (nodes, connections, pin data) from its trigger.
	 * `onResponse` sees what a node sends with `sendResponse` while the node waits for it,
	 * as a webhook caller gets it from n8n while the execution still runs.
	 */
	async runWorkflow(
		workflowData: WorkflowData,
		onResponse?: (response: IExecuteResponsePromiseData, executionId: string) => Promise<void>,
	): Promise<Execution> {
		await prepareN8nServices();
		const saved: IWorkflowBase = {
			id: 'engine-test',
			name: workflowData.name ?? 'Engine test',
			active: false,
			activeVersionId: null,
			isArchived: false,
			nodes: workflowData.nodes,
			connections: workflowData.connections,
			pinData: workflowData.pinData,
			settings: { executionOrder: 'v1' },
			createdAt: new Date(),
			updatedAt: new Date(),
		};
		const workflow = this.workflowFrom({ ...saved, pinData: undefined });
		const startNode = workflowData.nodes.find((node) => node.type === MANUAL_TRIGGER);
		if (!startNode) throw new Error('The workflow has no Manual Trigger to start from');
		const executionId = randomUUID();
		const { additionalData, responses } = this.runContext(workflow, saved, executionId, 'manual');
		if (onResponse) {
			additionalData.hooks?.addHandler('sendResponse', async (response) => {
				await onResponse(response, executionId);
			});
		}
		// n8n saves the execution when it starts: a call that comes before the run stopped to
		// wait finds it running (409), its resume token already valid.
		const runData = createRunExecutionData();
		this.executions.save({
			id: executionId,
			mode: 'manual',
			status: 'running',
			finished: false,
			data: runData,
			workflowData: saved,
		});
		const run = await new WorkflowExecute(additionalData, 'manual', runData).run({
			workflow,
			startNode,
			pinData: workflowData.pinData,
		});
		return toExecution(executionId, run, responses);
	}

	/**
	 * Serves `$execution.resumeUrl` of the runs started from now on on 127.0.0.1, as n8n's
	 * /webhook-waiting endpoint does (see waiting-webhooks.ts). Close it at the end of a test.
	 */
	async startWaitingWebhooks(): Promise<WaitingWebhooksServer> {
		if (!this.waitingWebhooks) {
			const server = await WaitingWebhooksServer.start(this, () => {
				this.waitingWebhooks = undefined;
			});
			this.waitingWebhooks = server;
		}
		return this.waitingWebhooks;
	}

	/**
	 * What n8n's WaitTracker does once `waitTill` has passed without a call
	 * (packages/cli/src/wait-tracker.ts): the stored execution runs on as it was saved; n8n-core
	 * then disables the waiting node (handleWaitingState), which passes its input through.
	 */
	async resumeAfterTimeout(execution: Execution | string): Promise<Execution> {
		const id = typeof execution === 'string' ? execution : execution.id;
		const stored = this.executions.find(id);
		if (!stored) throw new Error(`Execution "${id}" does not exist.`);
		if (stored.finished) {
			throw new Error('The execution did succeed and can so not be started again.');
		}
		// WaitTracker only picks rows with waitTill ≤ now + 70 s: never WAIT_INDEFINITELY ones.
		if (stored.waitTill && stored.waitTill.getTime() >= WAIT_INDEFINITELY.getTime()) {
			throw new Error(`Execution "${id}" waits indefinitely: n8n resumes it only on a call`);
		}
		return await this.resume(stored);
	}

	/**
	 * n8n's WorkflowRunner.run for a waiting execution (packages/cli/src/workflow-runner.ts,
	 * runMainProcess): claim it (status waiting → running), then a new Workflow, new
	 * additional data with `restartExecutionId` and new lifecycle hooks, and
	 * `processRunExecutionData` on the stored run data. Handlers that nodes registered on the
	 * first run's hooks (onExecutionFinish) do not come along, as in n8n.
	 */
	resume(
		stored: StoredExecution,
		onResponse?: (response: IExecuteResponsePromiseData) => void,
	): Promise<Execution> {
		const { id, mode, data, workflowData } = stored;
		if (!this.executions.claimWaiting(id, data)) {
			throw new Error(`Execution "${id}" is not waiting (n8n: ExecutionAlreadyResumingError)`);
		}
		const workflow = this.workflowFrom(workflowData);
		const { additionalData, responses } = this.runContext(workflow, workflowData, id, mode);
		additionalData.restartExecutionId = id;
		if (onResponse) additionalData.hooks?.addHandler('sendResponse', onResponse);

		const resumption = this.resumption(id, true);
		new WorkflowExecute(additionalData, mode, data)
			.processRunExecutionData(workflow)
			.then((run) => resumption.resolve(toExecution(id, run, responses)), resumption.reject);
		return resumption.promise;
	}

	/** Resolves when the current (or else the next) resumption of the execution ends. */
	async finished(executionId: string): Promise<Execution> {
		return await this.resumption(executionId, false).promise;
	}

	/**
	 * Publishes a workflow with one poll trigger as n8n 2.41.1 does (see poller.ts): the
	 * activation poll runs at once, `poll()` on the result is one cron tick. Throws n8n's
	 * activation error when the activation poll throws (after n8n's 5 attempts) or Poll Times
	 * asks for less than a minute.
	 */
	async activatePoller(
		workflowData: WorkflowData,
		options: PollerOptions = {},
	): Promise<ActivePoller> {
		await prepareN8nServices();
		return await ActivePoller.activate(this.pollerHost(), workflowData, options);
	}

	/**
	 * The editor's "Fetch Test Event" on a poll trigger (the only one, or `triggerNodeName`): poll()
	 * once in a manual execution, on the static data saved for `options.workflowId` (or
	 * `options.staticData`); nothing is saved. What poll() returned; throws what it threw.
	 */
	async fetchTestEvent(
		workflowData: WorkflowData,
		triggerNodeName?: string,
		options: { workflowId?: string; staticData?: IDataObject } = {},
	): Promise<INodeExecutionData[][] | null> {
		await prepareN8nServices();
		return await fetchTestEvent(this.pollerHost(), workflowData, triggerNodeName, options);
	}

	private pollerHost(): PollerHost {
		return {
			nodeTypes: this.nodeTypes,
			executions: this.executions,
			staticData: this.staticData,
			additionalData: (workflow) => this.additionalData(workflow),
			runContext: (workflow, workflowData, executionId, mode) =>
				this.runContext(workflow, workflowData, executionId, mode),
		};
	}

	/** A Workflow as n8n builds it from saved workflow data (pin data included). */
	workflowFrom(workflowData: IWorkflowBase): Workflow {
		return new Workflow({
			id: workflowData.id,
			name: workflowData.name,
			nodes: workflowData.nodes,
			connections: workflowData.connections,
			active: false,
			nodeTypes: this.nodeTypes,
			settings: workflowData.settings,
			pinData: workflowData.pinData,
		});
	}

	/** The context n8n gives a node's listSearch / loadOptions / resourceMapping methods. */
	loadOptionsContext(node: NodeUnderTest, path = 'parameters'): ILoadOptionsFunctions {
		const workflowNode = toNode(node, 0);
		const workflow = new Workflow({
			id: 'engine-test',
			nodes: [workflowNode],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
			settings: { executionOrder: 'v1' },
		});
		return new LoadOptionsContext(workflow, workflowNode, this.additionalData(workflow), path);
	}

	async listSearch(node: NodeUnderTest, method: string, filter?: string, token?: string) {
		const nodeType = this.nodeTypes.getByNameAndVersion(node.type ?? FILEMAKER_DATA_API);
		const search = nodeType.methods?.listSearch?.[method];
		if (!search) throw new Error(`No listSearch method "${method}"`);
		return (await search.call(
			this.loadOptionsContext(node),
			filter,
			token,
		)) as INodeListSearchResult;
	}

	async loadOptions(node: NodeUnderTest, method: string): Promise<INodePropertyOptions[]> {
		const nodeType = this.nodeTypes.getByNameAndVersion(node.type ?? FILEMAKER_DATA_API);
		const load = nodeType.methods?.loadOptions?.[method];
		if (!load) throw new Error(`No loadOptions method "${method}"`);
		return await load.call(this.loadOptionsContext(node));
	}

	async resourceMapping(node: NodeUnderTest, method: string): Promise<ResourceMapperFields> {
		const nodeType = this.nodeTypes.getByNameAndVersion(node.type ?? FILEMAKER_DATA_API);
		const mapping = nodeType.methods?.resourceMapping?.[method];
		if (!mapping) throw new Error(`No resourceMapping method "${method}"`);
		return await mapping.call(this.loadOptionsContext(node));
	}

	/**
	 * Additional data of one run, with lifecycle hooks that collect what nodes send with
	 * `sendResponse` (n8n hands it to the waiting HTTP caller) and save the run to
	 * `executions` when it ends, as n8n's save hook does (stopped, waiting or finished).
	 */
	private runContext(
		workflow: Workflow,
		workflowData: IWorkflowBase,
		executionId: string,
		mode: WorkflowExecuteMode,
	) {
		const additionalData = this.additionalData(workflow, executionId);
		const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
		const responses: IExecuteResponsePromiseData[] = [];
		hooks.addHandler('sendResponse', (response) => {
			responses.push(response);
		});
		hooks.addHandler('workflowExecuteAfter', (run) => {
			// Only a waiting execution's data is ever read back (to resume it); a finished one is
			// kept as its status alone, so a run of 20,000 items is not serialized for nothing
			// (it made the benchmarks' "ours" a third slower).
			const waiting = run.status === 'waiting';
			this.executions.save({
				id: executionId,
				mode,
				status: run.status,
				finished: run.finished === true,
				data: waiting ? run.data : statusOnly(run.data),
				workflowData,
				waitTill: run.waitTill,
			});
		});
		additionalData.hooks = hooks;
		return { additionalData, responses };
	}

	/** What n8n's WorkflowExecuteAdditionalData.getBase gives, plus the execution id. */
	additionalData(
		workflow: Workflow,
		executionId: string = randomUUID(),
	): IWorkflowExecuteAdditionalData {
		const workflowData: IWorkflowBase = {
			id: workflow.id,
			name: workflow.name ?? 'Engine test',
			active: false,
			activeVersionId: null,
			isArchived: false,
			nodes: Object.values(workflow.nodes),
			connections: workflow.connectionsBySourceNode,
			createdAt: new Date(),
			updatedAt: new Date(),
		};
		const unavailable = (what: string) => () => {
			throw new Error(`${what} is not available in engine tests`);
		};
		const baseUrl = DEFAULT_BASE_URL;
		const additionalData: Partial<IWorkflowExecuteAdditionalData> = {
			credentialsHelper: this.credentials,
			hooks: new ExecutionLifecycleHooks('manual', executionId, workflowData),
			executionId,
			currentNodeExecutionIndex: 0,
			variables: {} as IDataObject,
			restApiUrl: `${baseUrl}/rest`,
			instanceBaseUrl: baseUrl,
			formBaseUrl: `${baseUrl}/form`,
			formWaitingBaseUrl: `${baseUrl}/form-waiting`,
			formTestBaseUrl: `${baseUrl}/form-test`,
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookWaitingBaseUrl:
				this.waitingWebhooks?.webhookWaitingBaseUrl ?? `${baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			mcpBaseUrl: `${baseUrl}/mcp`,
			mcpTestBaseUrl: `${baseUrl}/mcp-test`,
			executeWorkflow: unavailable('executeWorkflow'),
			getRunExecutionData: unavailable('getRunExecutionData'),
			getRuntimeCredential: unavailable('getRuntimeCredential'),
			startRunnerTask: unavailable('startRunnerTask'),
			logAiEvent: () => {},
		};
		return additionalData as IWorkflowExecuteAdditionalData;
	}

	/** The resumption a test waits for: a new one when a resumption starts after another ended. */
	private resumption(executionId: string, starting: boolean): Resumption {
		const current = this.resumptions.get(executionId);
		if (current && !(starting && current.started)) {
			current.started ||= starting;
			return current;
		}
		const resumption = { started: starting } as Resumption;
		resumption.promise = new Promise<Execution>((resolve, reject) => {
			Object.assign(resumption, { resolve, reject });
		});
		this.resumptions.set(executionId, resumption);
		return resumption;
	}
}

function toNode(node: NodeUnderTest, index: number): INode {
	return {
		id: randomUUID(),
		name: node.name ?? (index === 0 ? 'FileMaker' : `FileMaker ${index + 1}`),
		type: node.type ?? FILEMAKER_DATA_API,
		typeVersion: 1,
		position: [200 * (index + 1), 0],
		parameters: node.parameters,
		credentials: node.credentials,
		continueOnFail: node.continueOnFail,
		onError: node.continueOnFail ? 'continueRegularOutput' : undefined,
	};
}

/** What the waiting machinery reads of a finished execution: its resume token and its error. */
function statusOnly(data: IRunExecutionData): IRunExecutionData {
	const empty = createRunExecutionData();
	return {
		...empty,
		resumeToken: data.resumeToken,
		resultData: { ...empty.resultData, error: data.resultData.error },
	};
}
