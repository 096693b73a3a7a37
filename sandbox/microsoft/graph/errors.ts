/**
 * Graph's error answers: `{"error":{"code","message","innerError":{"date","request-id",
 * "client-request-id"}}}` (https://learn.microsoft.com/graph/errors). Codes and messages below
 * were seen in Graph answers quoted in docs and issue threads; the few marked "chosen" were not.
 */
export class GraphError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		/** Extra headers, e.g. `WWW-Authenticate` on 401. */
		readonly headers: Record<string, string> = {},
		/** Extra `innerError` members (a throttling answer's `code`/`status`). */
		readonly inner: Record<string, string> = {},
	) {
		super(message);
		this.name = 'GraphError';
	}
}

/** `2019-05-24T10:16:21`: the innerError date, seconds, no zone (as Graph writes it). */
export function innerErrorDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19);
}

export function errorBody(
	error: { code: string; message: string; inner?: Record<string, string> },
	ids: { requestId: string; clientRequestId: string; at: number },
): { error: Record<string, unknown> } {
	return {
		error: {
			code: error.code,
			message: error.message,
			innerError: {
				...(error.inner ?? {}),
				date: innerErrorDate(ids.at),
				'request-id': ids.requestId,
				'client-request-id': ids.clientRequestId,
			},
		},
	};
}

/** The `WWW-Authenticate` Graph sends with 401 (seen in 401 answers quoted in issues). */
export const WWW_AUTHENTICATE =
	'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

export const MESSAGES = {
	tokenEmpty: 'Access token is empty.',
	tokenNotWellFormed:
		"IDX14100: JWT is not well formed, there are no dots (.). The token needs to be in JWS or JWE Compact Serialization Format. (JWS): 'EncodedHeader.EncodedPayload.EncodedSignature'. (JWE): 'EncodedProtectedHeader.EncodedEncryptedKey.EncodedInitializationVector.EncodedCiphertext.EncodedAuthenticationTag'.",
	tokenInvalid: 'Access token validation failure.',
	tokenAudience: 'Access token validation failure. Invalid audience.',
	tokenExpired: 'Lifetime validation failed, the token is expired.',
	accessDenied: 'Access is denied. Check credentials and try again.',
	accessPolicy: 'Access to OData is disabled.',
	meWithAppToken: '/me request is only valid with delegated authentication flow.',
	itemNotFound: 'The specified object was not found in the store.',
	idMalformed: 'Id is malformed.',
	inefficientFilter: 'The restriction or sort order is too complex for this operation.',
	invalidFilterNodes: 'The query filter contains one or more invalid nodes.',
	noRecipients:
		"At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
	throttled: 'Please retry again later.',
	requestTooLarge: 'The maximum request length supported is 4MB.',
	messageTooLarge: 'The message exceeds the maximum supported size.',
	cannotDelete: 'Object cannot be deleted.',
} as const;

export function unauthorized(message: string): GraphError {
	return new GraphError(401, 'InvalidAuthenticationToken', message, {
		'WWW-Authenticate': WWW_AUTHENTICATE,
	});
}

export function accessDenied(message: string = MESSAGES.accessDenied): GraphError {
	return new GraphError(403, 'ErrorAccessDenied', message);
}

export function badRequest(message: string, code = 'BadRequest'): GraphError {
	return new GraphError(400, code, message);
}

export function itemNotFound(): GraphError {
	return new GraphError(404, 'ErrorItemNotFound', MESSAGES.itemNotFound);
}

export function idMalformed(): GraphError {
	return new GraphError(400, 'ErrorInvalidIdMalformed', MESSAGES.idMalformed);
}

export function invalidUser(name: string): GraphError {
	return new GraphError(404, 'ErrorInvalidUser', `The requested user '${name}' is invalid.`);
}

/** An unknown property in `$select`, `$filter`, `$orderby` or `$expand` (RequestBroker--ParseUri). */
export function unknownProperty(name: string, type = 'microsoft.graph.message'): GraphError {
	return new GraphError(
		400,
		'RequestBroker--ParseUri',
		`Could not find a property named '${name}' on type '${type}'.`,
	);
}

export function invalidFilter(): GraphError {
	return new GraphError(400, 'ErrorInvalidUrlQueryFilter', MESSAGES.invalidFilterNodes);
}

export function inefficientFilter(): GraphError {
	return new GraphError(400, 'InefficientFilter', MESSAGES.inefficientFilter);
}

/** Not valid JSON, or JSON of the wrong shape (code from the brief; message chosen). */
export function unreadableBody(detail: string): GraphError {
	return new GraphError(400, 'RequestBodyRead', detail);
}

/** A property the type does not have, in a request body (the OData reader's message). */
export function unknownBodyProperty(name: string, type = 'microsoft.graph.message'): GraphError {
	return new GraphError(
		400,
		'BadRequest',
		`The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
	);
}

export function invalidRecipients(detail: string): GraphError {
	return new GraphError(400, 'ErrorInvalidRecipients', detail);
}

export function unresolvedRecipient(address: string): GraphError {
	return invalidRecipients(
		`At least one recipient isn't valid., Recipient '${address}' isn't resolved. All recipients must be resolved before a message can be submitted.`,
	);
}

/** Status chosen: Graph reports both 400 BadRequest and 413 for bodies over 4 MB. */
export function requestTooLarge(): GraphError {
	return new GraphError(413, 'RequestEntityTooLarge', MESSAGES.requestTooLarge);
}
