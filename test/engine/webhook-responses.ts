import type { Response } from 'express';
import { getHtmlSandboxCSP, isWebhookHtmlSandboxingDisabled } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, UserError } from 'n8n-workflow';

/** n8n's ResponseError (packages/cli/src/errors/response-errors): an error with its HTTP status. */
export class ResponseError extends Error {
	constructor(
		message: string,
		readonly httpStatusCode: number,
		readonly errorCode = httpStatusCode,
	) {
		super(message);
	}
}

export const notFound = (message: string) => new ResponseError(message, 404);
export const conflict = (message: string) => new ResponseError(message, 409);

/** What n8n's webhook code hands its `responseCallback` (IWebhookResponseCallbackData). */
export interface WebhookAnswer {
	data?: unknown;
	headers?: IDataObject;
	responseCode?: number;
	noWebhookResponse?: boolean;
	/** n8n's tagged static response (createStaticResponse): a body sent as is. */
	static?: true;
}

/**
 * WebhookRequestHandler.sendStaticResponse / sendLegacyResponse (packages/cli/src/webhooks/
 * webhook-request-handler.ts): status, headers plus n8n's sandbox CSP, a string as it is,
 * anything else as JSON.
 */
export function sendAnswer(res: Response, answer: WebhookAnswer): void {
	if (answer.noWebhookResponse === true) return;
	if (answer.responseCode !== undefined) res.status(answer.responseCode);
	if (answer.static || answer.headers) {
		for (const [name, value] of Object.entries(answer.headers ?? {})) {
			res.setHeader(name.toLowerCase(), String(value));
		}
		if (!isWebhookHtmlSandboxingDisabled()) {
			res.setHeader('Content-Security-Policy', getHtmlSandboxCSP());
		}
	}
	if (typeof answer.data === 'string') res.send(answer.data);
	else res.json(answer.data);
}

/**
 * ResponseHelper.sendErrorResponse (packages/cli/src/response-helper.ts) with
 * http-error-classifier/serializers: a ResponseError answers its status with
 * `{code, message}`, a UserError 400, anything else 500 `{code: 0, message}`; n8n adds the
 * stack (`stacktrace`) only in development (NODE_ENV unset or 'development').
 */
export function sendErrorResponse(res: Response, error: Error): void {
	let status = 500;
	const body: IDataObject = { code: 0, message: error.message ?? 'Unknown error' };
	if (error instanceof ResponseError) {
		status = error.httpStatusCode;
		body.code = error.errorCode;
	} else if (error instanceof UserError) {
		status = 400;
	}
	if (error instanceof NodeApiError) Object.assign(body, error);
	const inDevelopment = !process.env.NODE_ENV || process.env.NODE_ENV === 'development';
	if (error.stack && inDevelopment) body.stacktrace = error.stack;
	res.status(status).json(body);
}
