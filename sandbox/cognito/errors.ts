import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

/** The error types the sandbox answers with, as `__type` and `x-amzn-ErrorType` carry them. */
export type CognitoErrorType =
	| 'NotAuthorizedException'
	| 'PasswordResetRequiredException'
	| 'ResourceNotFoundException'
	| 'InvalidParameterException'
	| 'CodeMismatchException'
	| 'TooManyRequestsException'
	| 'InternalErrorException'
	| 'UnknownOperationException'
	| 'SerializationException';

/** Messages Cognito sends, word for word, where clients compare them. */
export const MESSAGES = {
	incorrectPassword: 'Incorrect username or password.',
	invalidRefreshToken: 'Invalid Refresh Token.',
	refreshTokenRevoked: 'Refresh Token has been revoked',
	refreshTokenExpired: 'Refresh Token has expired',
	passwordResetRequired: 'Password reset required for the user',
	userDisabled: 'User is disabled.',
	invalidSession: 'Invalid session for the user.',
	sessionExpired: 'Invalid session for the user, session is expired.',
	codeMismatch: 'Invalid code or auth state for the user.',
	rateExceeded: 'Rate exceeded',
	internalError: 'Internal server error.',
} as const;

/**
 * A Cognito error: HTTP 400 for everything the caller did, 500 for `InternalErrorException`.
 * `type` is one of `CognitoErrorType`, or any other name a fault switch was given.
 */
export class CognitoError extends Error {
	constructor(
		readonly type: CognitoErrorType | (string & Record<never, never>),
		message: string,
		readonly status = type === 'InternalErrorException' ? 500 : 400,
	) {
		super(message);
		this.name = type;
	}
}

export function missingParameter(name: string): CognitoError {
	return new CognitoError('InvalidParameterException', `Missing required parameter ${name}`);
}

/**
 * Every Cognito answer has its own content type, without a charset (a Buffer keeps express
 * from adding one), and a request id.
 */
function sendJson(res: Response, status: number, body: unknown): void {
	res
		.status(status)
		.set('Content-Type', 'application/x-amz-json-1.1')
		.set('x-amzn-RequestId', randomUUID())
		.send(Buffer.from(JSON.stringify(body)));
}

export function sendResult(res: Response, body: unknown): void {
	sendJson(res, 200, body);
}

/**
 * `{"__type": …, "message": …}` with `x-amzn-ErrorType: <type>:` (the trailing colon is on the
 * wire) and `x-amzn-ErrorMessage`, as captured from Cognito by botocore debug logs
 * (aws/aws-sdk-cpp#1789) and Amplify Swift (aws-amplify/amplify-swift#3344).
 */
export function sendCognitoError(res: Response, error: CognitoError): void {
	res.set('x-amzn-ErrorType', `${error.type}:`);
	if (/^[\x20-\x7e]*$/.test(error.message)) res.set('x-amzn-ErrorMessage', error.message);
	sendJson(
		res,
		error.status,
		error.message ? { __type: error.type, message: error.message } : { __type: error.type },
	);
}
