import { parse as parseQueryString } from 'node:querystring';

import type { Request, Response } from 'express';
import type {
	IDataObject,
	IExecuteResponsePromiseData,
	IN8nHttpFullResponse,
	INode,
	IRunExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowDataProxyAdditionalKeys,
	Workflow,
} from 'n8n-workflow';
import {
	OperationalError,
	UnexpectedError,
	jsonParse,
	resolveWebhookDescriptionField,
} from 'n8n-workflow';

import type { StoredExecution } from './executions';
import type { WaitingHost } from './waiting-webhooks';
import type { WebhookAnswer } from './webhook-responses';
import { ResponseError } from './webhook-responses';
import { runWebhook } from './webhook-service';

export type Respond = (error: Error | null, answer: WebhookAnswer) => void;

export interface WebhookCall {
	host: WaitingHost;
	workflow: Workflow;
	webhookData: IWebhookData;
	/** The waiting node as the workflow has it (enabled: its copy in the stack is disabled). */
	startNode: INode;
	execution: StoredExecution;
	req: Request;
	res: Response;
}

const SUPPORTED_RESPONSE_MODES = [
	'onReceived',
	'lastNode',
	'responseNode',
	'formPage',
	'streaming',
	'hostedChat',
];
const REPLICATED_RESPONSE_MODES = ['onReceived', 'responseNode'];

/**
 * n8n's executeWebhook (packages/cli/src/webhooks/webhook-helpers.ts) for a waiting execution:
 * the node's webhook() answers the caller through `respond` (n8n's responseCallback, once),
 * and its `workflowData` becomes the output of the (disabled) waiting node in the resumed run.
 * Replicated: responseMode onReceived and responseNode; not: lastNode, binary and streamed
 * answers, multipart and XML bodies.
 */
export async function executeWebhook(call: WebhookCall, respond: Respond): Promise<void> {
	const { host, workflow, webhookData, startNode, execution, req, res } = call;
	const additionalKeys: IWorkflowDataProxyAdditionalKeys = { $executionId: execution.id };
	// WebhookExecutionContext: a field resolves natively from static parameters, else as an
	// expression of the waiting node (responseData as a complex parameter).
	const describe = (field: keyof IWebhookDescription, defaultValue?: unknown): unknown => {
		const native = resolveWebhookDescriptionField(
			startNode,
			webhookData.webhookDescription,
			String(field),
		);
		if (native.resolved) return native.value;
		const evaluate = field === 'responseMode' || field === 'responseCode' ? 'Simple' : 'Complex';
		return workflow.expression[`get${evaluate}ParameterValue`](
			startNode,
			webhookData.webhookDescription[field] as string | undefined,
			execution.mode,
			additionalKeys,
			undefined,
			defaultValue as string | undefined,
		);
	};
	const responseMode = describe('responseMode', 'onReceived') as string;
	const responseCode = describe('responseCode', 200) as number;
	const responseData = describe('responseData', 'firstEntryJson');

	if (!SUPPORTED_RESPONSE_MODES.includes(responseMode)) {
		const message = `The response mode '${responseMode}' is not valid!`;
		respond(new UnexpectedError(message), {});
		throw new ResponseError(message, 500);
	}
	if (!REPLICATED_RESPONSE_MODES.includes(responseMode)) {
		respond(new Error(`The engine harness does not replicate responseMode "${responseMode}"`), {});
		return;
	}

	const additionalData = host.additionalData(workflow, execution.id);
	additionalData.httpRequest = req;
	additionalData.httpResponse = res;
	let didSendResponse = false;
	let runExecutionDataMerge: Partial<IRunExecutionData> = {};
	try {
		await parseRequestBody(req, startNode, workflow, execution, additionalKeys);
		let webhookResultData: IWebhookResponseData;
		try {
			webhookResultData = await runWebhook(
				workflow,
				webhookData,
				startNode,
				additionalData,
				execution.mode,
				execution.data,
			);
		} catch (error) {
			// n8n answers a generic 500 and still resumes the execution, with one empty item as
			// the waiting node's output and the webhook's error as the run's error (runData reset).
			respond(new UnexpectedError('Workflow Webhook Error: Workflow could not be started!'), {});
			didSendResponse = true;
			const { message, stack } = error as Error;
			runExecutionDataMerge = {
				resultData: {
					runData: {},
					lastNodeExecuted: startNode.name,
					error: { ...(error as object), message, stack } as never,
				},
			};
			webhookResultData = { noWebhookResponse: true, workflowData: [[{ json: {} }]] };
		}

		const responseHeaders = describe('responseHeaders') as
			| { entries?: Array<{ name: string; value: string }> }
			| undefined;
		if (!res.headersSent && webhookData.webhookDescription.responseHeaders !== undefined) {
			for (const { name, value } of responseHeaders?.entries ?? []) res.setHeader(name, value);
		}
		if (webhookResultData.noWebhookResponse === true && !didSendResponse) {
			respond(null, { noWebhookResponse: true });
			didSendResponse = true;
		}
		if (webhookResultData.workflowData === undefined) {
			if (!didSendResponse) {
				const data = webhookResultData.webhookResponse ?? { message: 'Webhook call received' };
				respond(null, { data, responseCode });
			}
			return;
		}

		const shouldDeferOnReceivedResponse = responseMode === 'onReceived' && !didSendResponse;
		const runExecutionData = prepareExecutionData(
			execution,
			webhookResultData,
			runExecutionDataMerge,
		);
		// responseMode 'responseNode': the first sendResponse of the resumed run answers.
		const onResponse =
			responseMode === 'responseNode'
				? (response: IExecuteResponsePromiseData) => {
						if (didSendResponse) return;
						didSendResponse = true;
						answerFromResponseNode(res, response as IN8nHttpFullResponse, respond);
					}
				: undefined;
		const finished = host.resume({ ...execution, data: runExecutionData }, onResponse);

		if (shouldDeferOnReceivedResponse) {
			respond(null, {
				static: true,
				data: extractOnReceivedResponse(responseData, webhookResultData),
				responseCode,
			});
			didSendResponse = true;
		}
		if (didSendResponse) return;
		const resumed = await finished;
		if (didSendResponse) return;
		const { resultData } = resumed.run.data;
		const lastNodeTaskData = resultData.runData[resultData.lastNodeExecuted ?? '']?.at(-1);
		if (resultData.error || lastNodeTaskData?.error !== undefined) {
			respond(null, { data: { message: 'Error in workflow' }, responseCode: 500 });
		} else {
			respond(null, { data: undefined, responseCode });
		}
		didSendResponse = true;
	} catch (e) {
		const error =
			e instanceof ResponseError && e.httpStatusCode < 500
				? e
				: new OperationalError('There was a problem executing the workflow', { cause: e });
		if (didSendResponse) throw error;
		respond(error, {});
	}
}

/** prepareExecutionData for an existing execution: the webhook's items become the stack's input. */
function prepareExecutionData(
	execution: StoredExecution,
	webhookResultData: IWebhookResponseData,
	runExecutionDataMerge: Partial<IRunExecutionData>,
): IRunExecutionData {
	const runExecutionData = execution.data;
	const resuming = runExecutionData.executionData!.nodeExecutionStack[0];
	resuming.data.main = webhookResultData.workflowData ?? [];
	resuming.metadata = { ...resuming.metadata, forwardAllOutputs: true };
	Object.assign(runExecutionData, runExecutionDataMerge);
	if (['manual', 'evaluation'].includes(execution.mode)) {
		runExecutionData.resultData.pinData = execution.workflowData.pinData;
	}
	return runExecutionData;
}

/**
 * extractWebhookOnReceivedResponse: the description's `responseData` wins when truthy, and it
 * defaults to 'firstEntryJson'. So a waiting webhook that returns workflowData answers the
 * literal text "firstEntryJson" unless it declares `responseData: ''`, as n8n's send-and-wait
 * webhooks do; then its webhookResponse, else {message: 'Workflow was started'}.
 */
function extractOnReceivedResponse(
	responseData: unknown,
	webhookResultData: IWebhookResponseData,
): unknown {
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData;
	if (webhookResultData.webhookResponse !== undefined) return webhookResultData.webhookResponse;
	return { message: 'Workflow was started' };
}

/** setupResponseNodePromise: a Buffer body is written as is, anything else via respond. */
function answerFromResponseNode(res: Response, response: IN8nHttpFullResponse, respond: Respond) {
	if (Buffer.isBuffer(response.body)) {
		if (response.statusCode) res.status(response.statusCode);
		for (const [name, value] of Object.entries(response.headers ?? {})) {
			res.setHeader(name.toLowerCase(), String(value));
		}
		res.end(response.body);
		respond(null, { noWebhookResponse: true });
		return;
	}
	respond(null, {
		data: response.body,
		headers: response.headers as IDataObject | undefined,
		responseCode: response.statusCode,
	});
}

/**
 * parseRequestBody + parseBody (packages/cli/src/middlewares/body-parser.ts): JSON,
 * urlencoded and text/plain bodies; a version-1 node first evaluates
 * `$parameter.options.binaryData` and gets no parsed body when it is set.
 */
async function parseRequestBody(
	req: Request,
	node: INode,
	workflow: Workflow,
	execution: StoredExecution,
	additionalKeys: IWorkflowDataProxyAdditionalKeys,
): Promise<void> {
	if (node.typeVersion === 1) {
		const binaryData = workflow.expression.getSimpleParameterValue(
			node,
			'={{$parameter["options"]["binaryData"]}}',
			execution.mode,
			additionalKeys,
			undefined,
			false,
		);
		if (binaryData) return;
	}
	const contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
	if (contentType?.startsWith('multipart/') || contentType?.endsWith('xml')) {
		throw new Error(`The engine harness does not parse ${contentType} bodies`);
	}
	const parsable = ['application/json', 'text/plain', 'application/x-www-form-urlencoded'];
	if (node.typeVersion > 1 && !parsable.some((type) => contentType?.startsWith(type))) return;

	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks)
		.toString('utf8')
		.replace(/^\uFEFF/, '');
	if (!rawBody.length) return;
	if (contentType === 'application/json') req.body = jsonParse(rawBody);
	else if (contentType === 'application/x-www-form-urlencoded') {
		req.body = parseQueryString(rawBody, undefined, undefined, { maxKeys: 1000 });
	} else if (contentType === 'text/plain') req.body = rawBody;
}
