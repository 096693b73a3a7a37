import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { TransportError } from '../../lib/http/errors';
import { CredentialSettingsError } from '../../lib/filemaker/settings-error';
import { FileMakerError } from '../../lib/filemaker/errors';
import { ODataError } from '../../lib/filemaker/odata/errors';

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

/** The error n8n shows for one item: FileMaker's code and message, and what to do about it. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof FileMakerError) {
		const details: JsonObject = {
			message: error.message,
			fileMakerCode: error.fileMakerCode ?? null,
			fileMakerMessage: error.fileMakerMessage ?? null,
			httpStatus: error.httpStatus ?? null,
		};
		return new NodeApiError(node, details, {
			message: error.message,
			description: error.hint,
			httpCode: error.httpStatus === undefined ? undefined : String(error.httpStatus),
			itemIndex,
		});
	}
	if (error instanceof ODataError) {
		const details: JsonObject = {
			message: error.message,
			odataCode: error.odataCode ?? null,
			httpStatus: error.httpStatus ?? null,
		};
		return new NodeApiError(node, details, {
			message: error.message,
			description: error.hint,
			httpCode: error.httpStatus === undefined ? undefined : String(error.httpStatus),
			itemIndex,
		});
	}
	if (error instanceof TransportError) {
		const details: JsonObject = { message: error.message, httpStatus: error.httpStatus ?? null };
		return new NodeApiError(node, details, {
			message: error.message,
			description: error.hint,
			httpCode: error.httpStatus === undefined ? undefined : String(error.httpStatus),
			itemIndex,
		});
	}
	if (error instanceof InputError) {
		return new NodeOperationError(node, error.message, { description: error.hint, itemIndex });
	}
	if (error instanceof CredentialSettingsError) {
		return new NodeOperationError(node, error.message, {
			description: 'Open the FileMaker credential of this node and correct it.',
			itemIndex,
		});
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/** What "Continue On Fail" puts into the item in place of the result. */
export function errorItemJson(error: NodeApiError | NodeOperationError): JsonObject {
	const json: JsonObject = { error: error.message };
	if (error.description) json.hint = error.description;
	const details = (error as { errorResponse?: JsonObject }).errorResponse;
	if (details?.fileMakerCode) json.fileMakerCode = details.fileMakerCode;
	if (details?.odataCode) json.odataCode = details.odataCode;
	return json;
}
