/**
 * An OData answer with FileMaker's error body `{"error":{"code":"…","message":"…"}}`. Codes
 * and messages seen from live servers (proofkit fmodata's captured responses): -1002 syntax
 * error (400), 8309 unknown field (400), -1023 record not found (404), -1020 unknown table
 * (404). The others are chosen; see sandbox/README.md.
 */
export class ODataError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
		this.name = 'ODataError';
	}

	body(): { error: { code: string; message: string } } {
		return { error: { code: this.code, message: this.message } };
	}
}

export function syntaxError(at: string): ODataError {
	return new ODataError(400, '-1002', `Error: syntax error in URL at: '${at}'`);
}

export function unknownField(name: string): ODataError {
	return new ODataError(
		400,
		'8309',
		`The field named '${name}' does not exist in a specified table (9)`,
	);
}

export function unknownTable(name: string): ODataError {
	return new ODataError(404, '-1020', `Table '${name}' not defined in database`);
}

export function recordNotFound(): ODataError {
	return new ODataError(404, '-1023', 'Specified record not found');
}

export function unauthorized(): ODataError {
	return new ODataError(401, '212', 'Invalid user account and/or password; please try again');
}

export function unknownDatabase(name: string): ODataError {
	return new ODataError(404, '802', `Unable to open file '${name}'`);
}

/** Status and FileMaker code of a failure that has no better-known OData code. */
export function fileMakerFailure(status: number, code: string, message: string): ODataError {
	return new ODataError(status, code, message);
}
