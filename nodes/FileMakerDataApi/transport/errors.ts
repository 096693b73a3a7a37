import { CredentialSettingsError } from '../../../credentials/common/filemaker-server-settings';
import { connectionError } from '../../shared/filemaker/connection-error';
import { FileMakerError, fileMakerErrorFromAnswer } from '../../shared/filemaker/errors';

interface WrappedRequestError {
	cause?: unknown;
	httpCode?: string | null;
	context?: { data?: unknown };
}

/**
 * n8n wraps every failed authenticated request in a NodeApiError whose `cause` holds the raw
 * HTTP error, request headers included. Only FileMaker's answer (`context.data`), the status
 * and the error code are read from it, so no session token travels on in the error we throw.
 */
export function toFileMakerError(error: unknown, serverUrl: string, target?: string): Error {
	const wrapped = (error ?? {}) as WrappedRequestError;
	const cause = wrapped.cause;
	// Thrown by the credential's preAuthentication (login refused, server unreachable, bad URL).
	if (cause instanceof FileMakerError || cause instanceof CredentialSettingsError) return cause;
	if (error instanceof FileMakerError || error instanceof CredentialSettingsError) return error;

	const status = wrapped.httpCode ? Number(wrapped.httpCode) : undefined;
	const answer = fileMakerErrorFromAnswer(wrapped.context?.data, status, target);
	if (answer) return answer;
	if (status !== undefined && !Number.isNaN(status)) {
		return new FileMakerError(
			`FileMaker Server answered HTTP ${status} without a FileMaker message`,
			undefined,
			undefined,
			status,
			'Check that the server URL points at FileMaker Server and that the Data API is enabled in its Admin Console.',
		);
	}
	return connectionError(cause ?? error, serverUrl);
}
