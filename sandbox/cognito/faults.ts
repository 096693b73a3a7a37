import { FaultInjector, type FailNextOptions, type Failure } from '../shared/faults';
import type { Response } from 'express';
import type { CognitoEndpointName } from './endpoints';
import { CognitoError, MESSAGES, sendCognitoError } from './errors';

type Targeted = Omit<FailNextOptions<CognitoEndpointName>, 'status' | 'code' | 'message'>;

/**
 * The fault switches of a Cognito sandbox. `failNext({ code })` takes a Cognito error type as
 * `code` (NotAuthorizedException, TooManyRequestsException, …); the status defaults to what
 * Cognito sends with it: 400, or 500 for InternalErrorException.
 */
export class CognitoFaults extends FaultInjector<CognitoEndpointName> {
	constructor() {
		super(renderCognitoFailure);
	}

	override failNext(options: FailNextOptions<CognitoEndpointName> = {}): void {
		const status =
			options.status ??
			(options.code === undefined || options.code === 'InternalErrorException' ? 500 : 400);
		super.failNext({ ...options, status });
	}

	/**
	 * Throttling as Cognito answers it: HTTP 400 `TooManyRequestsException` "Rate exceeded",
	 * without Retry-After (reports of Cognito throttling give 400; a 429 with Retry-After, as a
	 * proxy in front might send, is `rateLimitNext`).
	 */
	throttleNext(options: Targeted = {}): void {
		this.failNext({ ...options, status: 400, code: 'TooManyRequestsException' });
	}
}

const DEFAULT_MESSAGES: Partial<Record<string, string>> = {
	NotAuthorizedException: MESSAGES.incorrectPassword,
	TooManyRequestsException: MESSAGES.rateExceeded,
	InternalErrorException: MESSAGES.internalError,
	CodeMismatchException: MESSAGES.codeMismatch,
	PasswordResetRequiredException: MESSAGES.passwordResetRequired,
};

function renderCognitoFailure(res: Response, failure: Failure): void {
	const type =
		failure.code ??
		(failure.status === 429
			? 'TooManyRequestsException'
			: failure.status >= 500
				? 'InternalErrorException'
				: 'NotAuthorizedException');
	const message = failure.message ?? DEFAULT_MESSAGES[type] ?? type;
	if (res.req.method === 'GET') {
		res.status(failure.status).json({ message });
		return;
	}
	sendCognitoError(res, new CognitoError(type, message, failure.status));
}
