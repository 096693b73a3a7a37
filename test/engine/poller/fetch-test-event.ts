import { randomUUID } from 'node:crypto';

import { WorkflowExecute } from 'n8n-core';
import type { IDataObject, INodeExecutionData, IWorkflowBase } from 'n8n-workflow';
import { Workflow, randomString } from 'n8n-workflow';

import { dbWorkflow, pollNodeOf } from './saved-workflow';
import type { PollerHost, PollerWorkflowData } from './types';

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
