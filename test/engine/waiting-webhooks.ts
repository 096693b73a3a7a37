import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import type { Request, Response } from 'express';
import { WAITING_TOKEN_QUERY_PARAM } from 'n8n-core';
import type {
	IExecuteResponsePromiseData,
	IRunData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import { executeWebhook } from './execute-webhook';
import type { Execution, ExecutionStore, StoredExecution } from './executions';
import type { WebhookAnswer } from './webhook-responses';
import { conflict, notFound, sendAnswer, sendErrorResponse } from './webhook-responses';
import { getNodeWebhooks } from './webhook-service';

/** What the server needs from the engine (see Engine). */
export interface WaitingHost {
	readonly executions: ExecutionStore;
	workflowFrom(workflowData: IWorkflowBase): Workflow;
	additionalData(workflow: Workflow, executionId: string): IWorkflowExecuteAdditionalData;
	resume(
		stored: StoredExecution,
		onResponse?: (response: IExecuteResponsePromiseData) => void,
	): Promise<Execution>;
	finished(executionId: string): Promise<Execution>;
}

export interface WaitingRequest {
	method: string;
	url: string;
	status: number;
}

const WEBHOOK_METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'];

/**
 * n8n's /webhook-waiting endpoint on 127.0.0.1: the route of packages/cli/src/abstract-server.ts,
 * WebhookRequestHandler.handleRequest and WaitingWebhooks (packages/cli/src/webhooks/
 * waiting-webhooks.ts). Not replicated: the HMAC-signed URLs of send-and-wait nodes
 * (getSignedResumeUrl), n8n's HTML pages for forms, and CORS preflight headers.
 */
export class WaitingWebhooksServer {
	/** Every request answered, in order. */
	readonly requests: WaitingRequest[] = [];

	private constructor(
		private readonly host: WaitingHost,
		private readonly server: Server,
		/** `http://127.0.0.1:<port>` */
		readonly url: string,
		private readonly onClose: () => void,
	) {}

	static async start(host: WaitingHost, onClose: () => void): Promise<WaitingWebhooksServer> {
		const app = express();
		app.set('query parser', 'extended');
		const server = createServer(app);
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', resolve);
		});
		const { port } = server.address() as AddressInfo;
		const waiting = new WaitingWebhooksServer(host, server, `http://127.0.0.1:${port}`, onClose);
		app.all('/webhook-waiting/:path{/:suffix}', (req, res) => {
			void waiting.handleRequest(req, res);
		});
		return waiting;
	}

	/** additionalData.webhookWaitingBaseUrl of runs started while this server runs. */
	get webhookWaitingBaseUrl(): string {
		return `${this.url}/webhook-waiting`;
	}

	/** Resolves when the execution, resumed by a call, ends (again). */
	async finished(executionId: string): Promise<Execution> {
		return await this.host.finished(executionId);
	}

	async close(): Promise<void> {
		this.onClose();
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** WebhookRequestHandler.handleRequest (its CORS preflight handling left out). */
	private async handleRequest(req: Request, res: Response): Promise<void> {
		res.on('finish', () => {
			this.requests.push({ method: req.method, url: req.originalUrl, status: res.statusCode });
		});
		if (req.method === 'OPTIONS') {
			res.status(204).json({});
			return;
		}
		if (!WEBHOOK_METHODS.includes(req.method)) {
			sendErrorResponse(res, new Error(`The method ${req.method} is not supported.`));
			return;
		}
		try {
			sendAnswer(res, await this.executeWebhook(req, res));
		} catch (error) {
			sendErrorResponse(res, error as Error);
		}
	}

	/** WaitingWebhooks.executeWebhook: token check, then n8n's 404 and 409 cases, in its order. */
	private async executeWebhook(req: Request, res: Response): Promise<WebhookAnswer> {
		const executionId = String(req.params.path);
		let suffix = req.params.suffix as string | undefined;
		req.params = {};
		const execution = this.host.executions.find(executionId);
		if (execution?.data.resumeToken) {
			const { valid, webhookPath } = validateToken(req, execution.data.resumeToken);
			if (!valid) {
				res.status(401).json({ error: 'Invalid token' });
				return { noWebhookResponse: true };
			}
			if (!suffix && webhookPath) suffix = webhookPath;
		}
		if (!execution) throw notFound(`The execution "${executionId}" does not exist.`);
		if (execution.status === 'running') {
			throw conflict(`The execution "${executionId}" is running already.`);
		}
		if (execution.data.resultData.error) {
			throw conflict(`The execution "${executionId}" has finished with error.`);
		}
		// (sic: n8n 2.41 leaves the quote open)
		if (execution.finished) throw conflict(`The execution "${executionId} has finished already.`);
		applyCors(req, res);
		return await this.getWebhookExecutionData(execution, req, res, suffix);
	}

	/**
	 * WaitingWebhooks.getWebhookExecutionData: disable the waiting node (its copy in the
	 * execution stack, so it passes the webhook's items on), clear waitTill, drop its waiting
	 * run, and find its webhook with `restartWebhook: true` for this method and suffix.
	 */
	private async getWebhookExecutionData(
		execution: StoredExecution,
		req: Request,
		res: Response,
		suffix: string | undefined,
	): Promise<WebhookAnswer> {
		const { data } = execution;
		data.executionData!.nodeExecutionStack[0].node.disabled = true;
		data.waitTill = undefined;
		const lastNodeExecuted = data.resultData.lastNodeExecuted as string;
		preserveInputOverride(data.resultData.runData[lastNodeExecuted]);

		const workflow = this.host.workflowFrom(execution.workflowData);
		const startNode = workflow.getNode(lastNodeExecuted);
		if (startNode === null) throw notFound('Could not find node to process webhook.');
		const webhookData = getNodeWebhooks(
			workflow,
			startNode,
			this.host.additionalData(workflow, execution.id),
		).find(
			(webhook) =>
				webhook.httpMethod === req.method &&
				webhook.path === (suffix ?? '') &&
				webhook.webhookDescription.restartWebhook === true &&
				// nodeType 'form' webhooks are served under /form-waiting only
				webhook.webhookDescription.nodeType !== 'form',
		);
		if (webhookData === undefined) {
			throw notFound(
				`The workflow for execution "${execution.id}" does not contain a waiting webhook with a matching path/method.`,
			);
		}
		return await new Promise<WebhookAnswer>((resolve, reject) => {
			const call = { host: this.host, workflow, webhookData, startNode, execution, req, res };
			executeWebhook(call, (error, answer) => (error ? reject(error) : resolve(answer))).catch(
				reject,
			);
		});
	}
}

/**
 * WaitingWebhooks.parseSignatureParam + validateToken: `?signature=` must equal the
 * execution's resumeToken. A suffix appended after the query (`…?signature=T/suffix`) is
 * split off and used as the webhook path.
 */
function validateToken(req: Request, storedToken: string) {
	const url = new URL(req.url, `http://${req.headers.host ?? 'localhost'}`);
	let token = url.searchParams.get(WAITING_TOKEN_QUERY_PARAM) ?? undefined;
	let webhookPath: string | undefined;
	if (token?.includes('/')) {
		webhookPath = token.slice(token.indexOf('/') + 1);
		token = token.slice(0, token.indexOf('/'));
	}
	if (!token || token.length !== storedToken.length) return { valid: false };
	return { valid: timingSafeEqual(Buffer.from(token), Buffer.from(storedToken)), webhookPath };
}

/** utils/cors.util.ts applyCors: every answer to a waiting webhook may be read cross-origin. */
function applyCors(req: Request, res: Response) {
	if (res.getHeader('Access-Control-Allow-Origin')) return;
	const origin = req.headers.origin;
	res.setHeader('Access-Control-Allow-Origin', !origin || origin === 'null' ? '*' : origin);
	res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
	res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
}

/** workflow-helpers.ts preserveInputOverride: drop the waiting run, keep an input override. */
function preserveInputOverride(runDataArray: IRunData[string]) {
	const entryToPop = runDataArray.pop();
	if (entryToPop?.inputOverride) {
		const { source, inputOverride } = entryToPop;
		runDataArray.push({ startTime: 0, executionTime: 0, executionIndex: 0, source, inputOverride });
	}
}
