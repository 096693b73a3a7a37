import { TransportError } from '../../../lib/http/errors';
import { connectionError } from '../../../lib/filemaker/connection-error';
import { FileMakerError, fileMakerErrorFromAnswer } from '../../../lib/filemaker/errors';
import { CredentialSettingsError } from '../../../lib/filemaker/settings-error';

interface WrappedRequestError {
	cause?: unknown;
	httpCode?: string | null;
	context?: { data?: unknown };
}

/** An answer that is neither a FileMaker envelope nor a success. */
export function unexpectedAnswerError(status: number): FileMakerError {
	return new FileMakerError(
		`FileMaker Server answered HTTP ${status} without a FileMaker message`,
		undefined,
		undefined,
		status,
		'Check that the server URL points at FileMaker Server and that the Data API is enabled in its Admin Console.',
	);
}

/**
 * n8n wraps every failed authenticated request in a NodeApiError whose `cause` holds the raw
 * HTTP error, request headers included. Only FileMaker's answer (`context.data`), the status
 * and the error code are read from it, so no session token travels on in the error we throw.
 */
export function toFileMakerError(error: unknown, serverUrl: string, target?: string): Error {
	const wrapped = (error ?? {}) as WrappedRequestError;
	const cause = wrapped.cause;
	const known = (value: unknown) =>
		value instanceof FileMakerError ||
		value instanceof CredentialSettingsError ||
		value instanceof TransportError;
	// Thrown by the credential's preAuthentication (login refused, server unreachable, bad URL).
	if (known(cause)) return cause as Error;
	if (known(error)) return error as Error;

	const status = wrapped.httpCode ? Number(wrapped.httpCode) : undefined;
	const answer = fileMakerErrorFromAnswer(wrapped.context?.data, status, target);
	if (answer) return answer;
	if (status !== undefined && !Number.isNaN(status)) return unexpectedAnswerError(status);
	return connectionError(cause ?? error, serverUrl);
}
