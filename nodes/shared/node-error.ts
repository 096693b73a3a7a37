import type { INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { TransportError } from '../../lib/http/errors';
import { CredentialSettingsError } from '../../lib/shared/settings-error';
import { FileMakerError } from '../../lib/filemaker/errors';
import { ODataError } from '../../lib/filemaker/odata/errors';
import { MicrosoftAuthError } from '../../lib/microsoft/auth-errors';
import { GraphError } from '../../lib/microsoft/graph/errors';

/** Bad node input: says which parameter or value to fix. */
export class InputError extends Error {
	readonly name = 'InputError';

	constructor(
		message: string,
		readonly hint?: string,
	) {
		super(message);
	}
}

/** A remote service's answer as n8n's API error: its message, status, hint and own codes. */
function apiError(
	node: INode,
	error: Error & { hint?: string; httpStatus?: number },
	itemIndex: number,
	codes: JsonObject,
): NodeApiError {
	const httpStatus = error.httpStatus;
	return new NodeApiError(
		node,
		{ message: error.message, ...codes, httpStatus: httpStatus ?? null },
		{
			message: error.message,
			description: error.hint,
			httpCode: httpStatus === undefined ? undefined : String(httpStatus),
			itemIndex,
		},
	);
}

/** The error n8n shows for one item: FileMaker's code and message, and what to do about it. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof FileMakerError) {
		return apiError(node, error, itemIndex, {
			fileMakerCode: error.fileMakerCode ?? null,
			fileMakerMessage: error.fileMakerMessage ?? null,
		});
	}
	if (error instanceof ODataError) {
		return apiError(node, error, itemIndex, { odataCode: error.odataCode ?? null });
	}
	if (error instanceof GraphError) {
		return apiError(node, error, itemIndex, { graphCode: error.graphCode ?? null });
	}
	if (error instanceof MicrosoftAuthError) {
		return apiError(node, error, itemIndex, { aadsts: error.aadsts ?? null });
	}
	if (error instanceof TransportError) return apiError(node, error, itemIndex, {});
	if (error instanceof InputError) {
		return new NodeOperationError(node, error.message, { description: error.hint, itemIndex });
	}
	if (error instanceof CredentialSettingsError) {
		return new NodeOperationError(node, error.message, {
			description: 'Open the credential of this node and correct it.',
			itemIndex,
		});
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/**
 * The item "Continue On Fail" puts in place of a failed item's result. With "Continue (using
 * error output)" it carries the error itself, which is how n8n tells an error item from a
 * result and sends it to the error output (n8n then keeps `{ error: message }` as its JSON,
 * merged into the input item's). Otherwise the JSON holds the message, the hint and the
 * service's codes, for an IF node to branch on.
 */
export function errorItem(
	node: INode,
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const item: INodeExecutionData = { json: errorItemJson(error), pairedItem: { item: itemIndex } };
	if (node.onError === 'continueErrorOutput') item.error = error;
	return item;
}

/** What "Continue On Fail" puts into the item in place of the result. */
export function errorItemJson(error: NodeApiError | NodeOperationError): JsonObject {
	const json: JsonObject = { error: error.message };
	if (error.description) json.hint = error.description;
	const details = (error as { errorResponse?: JsonObject }).errorResponse;
	if (details?.fileMakerCode) json.fileMakerCode = details.fileMakerCode;
	if (details?.odataCode) json.odataCode = details.odataCode;
	if (details?.graphCode) json.graphCode = details.graphCode;
	if (details?.aadsts) json.aadsts = details.aadsts;
	return json;
}
