/**
 * An answer of Microsoft Graph that is not a success: Graph's own error code and message
 * (`{"error":{"code":"ErrorItemNotFound","message":"…"}}`), the HTTP status, and a hint of what
 * to do. Messages never contain a token.
 */
export class GraphError extends Error {
	readonly name = 'GraphError';

	constructor(
		message: string,
		readonly graphCode: string | undefined,
		readonly httpStatus: number | undefined,
		readonly hint?: string,
	) {
		super(message);
	}
}

const HINTS: Record<string, string> = {
	ErrorAccessDenied:
		'The app lacks the permission for this (Mail.ReadWrite, Mail.Send… granted with admin consent), or an Exchange application access policy keeps it away from this mailbox.',
	ErrorItemNotFound:
		"No such message or folder in this mailbox. A message's ID changes when it is moved; read it again from its new folder.",
	ErrorInvalidIdMalformed: 'The ID is not a message or folder ID of Microsoft Graph.',
	ResourceNotFound: 'No mailbox has this address or ID. Check the Mailbox parameter.',
	MailboxNotEnabledForRESTAPI:
		'The mailbox is not in Exchange Online (on-premises, inactive, or without a licence).',
	InefficientFilter:
		'Graph could not run this filter with this sort order. Sort by a property that the filter starts with, or leave the sort out.',
	ErrorInvalidRecipients: 'A recipient address is not valid.',
	InvalidAuthenticationToken:
		"Graph did not accept the token even after a new one. Check the credential's national cloud and that the app still exists.",
	TooManyRequests:
		'Graph is throttling this app or mailbox. Raise "Retries When Busy" in the credential, or run fewer requests at once.',
	ErrorQuotaExceeded: 'The mailbox is full.',
	ErrorFolderExists: 'A folder with this name already exists here.',
	RequestEntityTooLarge: 'The request is too large for Graph.',
};

/** The error for a Graph answer that is not 2xx. */
export function graphErrorFrom(status: number, body: unknown, target?: string): GraphError {
	const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
	const code = typeof error?.code === 'string' ? error.code : undefined;
	const message = typeof error?.message === 'string' ? error.message : undefined;
	const about = target ? ` (${target})` : '';
	return new GraphError(
		message
			? `Microsoft Graph: ${message}${about}`
			: `Microsoft Graph answered HTTP ${status}${about}`,
		code,
		status,
		(code && HINTS[code]) ?? (status === 403 ? HINTS.ErrorAccessDenied : undefined),
	);
}

/**
 * `work`'s result, or `undefined` when it failed with a Graph answer `expected` accepts (a
 * message gone: 404; a delta state forgotten: 410); any other failure is thrown on.
 */
export async function unlessGraphAnswered<T>(
	work: () => Promise<T>,
	expected: (error: GraphError) => boolean,
): Promise<T | undefined> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof GraphError && expected(error)) return undefined;
		throw error;
	}
}

/** 404: the message or folder is not there (deleted, or moved and so given a new ID). */
export const isNotFound = (error: GraphError): boolean => error.httpStatus === 404;

/** 410 SyncStateNotFound: Graph has forgotten a delta state (it keeps them a limited time). */
export const isSyncStateGone = (error: GraphError): boolean =>
	error.httpStatus === 410 || error.graphCode?.toLowerCase() === 'syncstatenotfound';
