import { randomUUID } from 'node:crypto';

import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	ILoadOptionsFunctions,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IPinData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	ResourceMapperFields,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { StoredCredentialsHelper } from './credentials-helper';
import { prepareN8nServices } from './n8n-services';
import { FILEMAKER_DATA_API, MANUAL_TRIGGER, TestNodeTypes } from './node-types';

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

export interface Execution {
	run: IRun;
	/** Output items of a node (the last node by default), first output, first run. */
	output(nodeName?: string): INodeExecutionData[];
	/** The error that stopped the execution, if any. */
	error: IRun['data']['resultData']['error'];
}

const START = 'Start';

/**
 * Runs workflows the way n8n runs them: n8n-core's `WorkflowExecute` on a `Workflow`, with
 * a credentials helper that keeps n8n's lifecycle and persists credentials between runs.
 */
export class Engine {
	readonly credentials = new StoredCredentialsHelper();

	private readonly nodeTypes: TestNodeTypes;

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

	/** Runs a workflow as saved by n8n (nodes, connections, pin data) from its trigger. */
	async runWorkflow(workflowData: WorkflowData): Promise<Execution> {
		await prepareN8nServices();
		const workflow = new Workflow({
			id: 'engine-test',
			name: workflowData.name ?? 'Engine test',
			nodes: workflowData.nodes,
			connections: workflowData.connections,
			active: false,
			nodeTypes: this.nodeTypes,
			settings: { executionOrder: 'v1' },
		});
		const startNode = workflowData.nodes.find((node) => node.type === MANUAL_TRIGGER);
		if (!startNode) throw new Error('The workflow has no Manual Trigger to start from');
		const run = await new WorkflowExecute(this.additionalData(workflow), 'manual').run({
			workflow,
			startNode,
			pinData: workflowData.pinData,
		});
		const lastNode = run.data.resultData.lastNodeExecuted ?? startNode.name;
		return {
			run,
			error: run.data.resultData.error,
			output: (nodeName = lastNode) =>
				run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
		};
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

	private additionalData(workflow: Workflow): IWorkflowExecuteAdditionalData {
		const executionId = randomUUID();
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
		const baseUrl = 'http://localhost:5678';
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
			webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
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
