import { WebhookContext } from 'n8n-core';
import type {
	CloseFunction,
	INode,
	IRunExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, isNodeClassInstance, resolveWebhookDescriptionField } from 'n8n-workflow';

/** The parts of n8n's WebhookService (packages/cli/src/webhooks/webhook.service.ts) waiting needs. */

function evaluateDescriptionProperty(
	workflow: Workflow,
	node: INode,
	description: IWebhookDescription,
	property: keyof IWebhookDescription,
	defaultValue?: unknown,
): unknown {
	const native = resolveWebhookDescriptionField(node, description, String(property));
	if (native.resolved) return native.value;
	return workflow.expression.getSimpleParameterValue(
		node,
		description[property] as string | undefined,
		'internal',
		{},
		undefined,
		defaultValue as string | undefined,
	);
}

/** getNodeWebhooks: one entry per description and HTTP method; none for a disabled node. */
export function getNodeWebhooks(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
): IWebhookData[] {
	if (node.disabled === true) return [];
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const workflowId = workflow.id || '__UNSAVED__';
	const webhooks: IWebhookData[] = [];
	for (const webhookDescription of nodeType.description.webhooks ?? []) {
		const evaluate = (property: keyof IWebhookDescription, defaultValue?: unknown) =>
			evaluateDescriptionProperty(workflow, node, webhookDescription, property, defaultValue);
		let nodePath = evaluate('path');
		if (nodePath === undefined || nodePath === null) continue;
		nodePath = String(nodePath).trim().replace(/^\//, '').replace(/\/$/, '');
		const path = NodeHelpers.getNodeWebhookPath(
			workflowId,
			node,
			nodePath as string,
			evaluate('isFullPath', false) as boolean,
			evaluate('restartWebhook', false) as boolean,
		);
		const methods = evaluate('httpMethod', 'GET');
		if (methods === undefined) continue;
		for (const httpMethod of String(methods).split(',')) {
			if (!httpMethod) continue;
			webhooks.push({
				httpMethod: httpMethod.trim() as IWebhookData['httpMethod'],
				node: node.name,
				path,
				webhookDescription,
				workflowId,
				workflowExecuteAdditionalData: additionalData,
			});
		}
	}
	return webhooks;
}

/** runWebhook: the node type's webhook() with n8n-core's WebhookContext, then its close functions. */
export async function runWebhook(
	workflow: Workflow,
	webhookData: IWebhookData,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
	runExecutionData: IRunExecutionData | null,
): Promise<IWebhookResponseData> {
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (nodeType.webhook === undefined) throw new Error('Node does not have any webhooks defined');
	const closeFunctions: CloseFunction[] = [];
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		mode,
		webhookData,
		closeFunctions,
		runExecutionData,
	);
	try {
		return isNodeClassInstance(nodeType)
			? await nodeType.webhook(context)
			: await nodeType.webhook.call(context);
	} finally {
		await Promise.allSettled(closeFunctions.map(async (close) => await close()));
	}
}
