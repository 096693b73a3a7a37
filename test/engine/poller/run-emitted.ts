import { randomUUID } from 'node:crypto';

import { WorkflowExecute } from 'n8n-core';
import type { INode, INodeExecutionData, IWorkflowBase } from 'n8n-workflow';
import { Workflow, createRunExecutionData, deepCopy } from 'n8n-workflow';

import type { Execution } from '../executions';
import { toExecution } from '../executions';
import { isWorkflowIdValid } from './static-data-table';
import type { PollerHost } from './types';

/**
 * WorkflowExecutionService.runWorkflow → WorkflowRunner.run(data, loadStaticData = true) →
 * runMainProcess: a new Workflow from the published data with the static data read back from
 * the database, and an execution whose stack starts at the trigger node with the emitted
 * items (the trigger passes them on in mode "trigger"). n8n's save hook writes the static data
 * this execution changed (hookFunctionsSave, every mode but manual).
 */
export async function runEmitted(
	host: PollerHost,
	published: IWorkflowBase,
	node: INode,
	data: INodeExecutionData[][],
): Promise<Execution> {
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
