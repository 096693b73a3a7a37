/** An OData error answer: `{"error":{"code":"-1002","message":"..."}}` with its HTTP status. */
export class ODataError extends Error {
	readonly name = 'ODataError';

	constructor(
		message: string,
		readonly odataCode: string | undefined,
		readonly httpStatus: number | undefined,
		readonly hint?: string,
	) {
		super(message);
	}
}

const HINTS: Record<string, string> = {
	'-1002': 'The query has a syntax error. Check the raw $filter, $select or $orderby you typed.',
	'-1023': 'No row has this key. It may have been deleted.',
	'8309':
		'A field name is not in the table. Field names in OData are case-sensitive: pick them from the list.',
	'212':
		'Check the account name and password in the credential. The account needs the "fmodata" extended privilege (Access via OData).',
};

function hintFor(code: string | undefined, status: number | undefined): string | undefined {
	if (code && HINTS[code]) return HINTS[code];
	if (status === 401) return HINTS['212'];
	if (status === 404)
		return 'Check the table name (case-sensitive) and the database name in the credential.';
	return undefined;
}

/** The error for an answer that is not a success, naming the table and key it was about. */
export function odataErrorFromAnswer(body: unknown, status: number, target?: string): ODataError {
	const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
	const code = error?.code === undefined ? undefined : String(error.code);
	const text =
		typeof error?.message === 'string' && error.message ? error.message : `HTTP ${status}`;
	const details = [
		...(code ? [`OData error ${code}`] : []),
		`HTTP ${status}`,
		...(target ? [target] : []),
	];
	return new ODataError(`${text} (${details.join('; ')})`, code, status, hintFor(code, status));
}
