/**
 * Failures of the transport itself, before any service (FileMaker, Microsoft Graph) had a say.
 * Each names what happened and what to change; none carries a request header or body, so no
 * credential can travel in one.
 */
export class TransportError extends Error {
	constructor(
		message: string,
		readonly hint: string,
		readonly httpStatus?: number,
	) {
		super(message);
	}
}

/** The server did not answer within the request timeout. */
export class RequestTimeoutError extends TransportError {
	readonly name = 'RequestTimeoutError';
}

/** The server answered with a redirect, which a request carrying a credential does not follow. */
export class RedirectRefusedError extends TransportError {
	readonly name = 'RedirectRefusedError';
}

/** 429 or 503 more often, or asking for a longer wait, than the retry settings allow. */
export class ServerBusyError extends TransportError {
	readonly name = 'ServerBusyError';
}
