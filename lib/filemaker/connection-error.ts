import { errorCode } from '../http/connection-failures';
import { FileMakerError } from './errors';

const TLS_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const CONNECTION_TEXT: Record<string, string> = {
	ECONNREFUSED: 'nothing answers at that address and port',
	ECONNRESET: 'the connection was closed before FileMaker Server answered',
	ENOTFOUND: 'the host name is unknown',
	EAI_AGAIN: 'the host name could not be looked up',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the connection was aborted',
	EHOSTUNREACH: 'the host is unreachable',
};

/**
 * Turns a failure to reach the server into an error that says what to check. Only the
 * error code is read: request options (with their Authorization header) are never copied.
 * The code goes into the hint, not the message: n8n replaces messages that contain one.
 */
export function connectionError(error: unknown, serverUrl: string): FileMakerError {
	const code = errorCode(error);
	if (code && TLS_CODES.has(code)) {
		return new FileMakerError(
			`The TLS certificate of ${serverUrl} is not trusted`,
			undefined,
			undefined,
			undefined,
			`Certificate check failed with ${code}. Install a certificate from a trusted authority on FileMaker Server. For an in-house server with a self-signed certificate, turn on "Allow Self-Signed Certificates" in the credential.`,
		);
	}
	const reason = (code && CONNECTION_TEXT[code]) ?? 'the request failed';
	return new FileMakerError(
		`Could not reach FileMaker Server at ${serverUrl}: ${reason}`,
		undefined,
		undefined,
		undefined,
		`${code ? `Network error ${code}. ` : ''}Check the server URL in the credential, and that FileMaker Server is running and reachable from n8n.`,
	);
}
