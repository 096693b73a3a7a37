import type { IDataObject, INode, IWorkflowBase, IWorkflowSettings, Workflow } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import type { PollerWorkflowData } from './types';

const SETTINGS: IWorkflowSettings = { executionOrder: 'v1' };

/** What the database holds for a published workflow (nodes and connections of its active version). */
export function dbWorkflow(
	id: string,
	data: PollerWorkflowData,
	staticData: IDataObject,
): IWorkflowBase {
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

export function pollNodeOf(workflow: Workflow, name?: string): INode {
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
