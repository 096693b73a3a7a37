import type { Response } from 'express';

/**
 * The messages FileMaker Server sends with each error code (the Claris error table; the
 * "(*)" marks codes of the web publishing engine and is part of the text on the wire).
 */
const ERROR_MESSAGES: Record<string, string> = {
	'-1': 'Unknown error',
	'0': 'OK',
	'3': 'Command is unavailable (for example, wrong operating system or mode)',
	'5': 'Command is invalid (for example, a Set Field script step does not have a calculation specified)',
	'10': 'Requested data is missing',
	'100': 'File is missing',
	'101': 'Record is missing',
	'102': 'Field is missing',
	'104': 'Script is missing',
	'105': 'Layout is missing',
	'106': 'Table is missing',
	'111': 'Field repetition is invalid',
	'200': 'Record access is denied',
	'201': 'Field cannot be modified',
	'212': 'Invalid user account and/or password; please try again',
	'306': 'Record modification ID does not match',
	'400': 'Find criteria are empty',
	'401': 'No records match the request',
	'500': 'Date value does not meet validation entry options',
	'501': 'Time value does not meet validation entry options',
	'502': 'Number value does not meet validation entry options',
	'504': 'Value in field is not unique, as required in validation entry options',
	'509': 'Field requires a valid value',
	'511': 'Value in field exceeds maximum field size',
	'802': 'Unable to open file',
	'951': 'An unexpected error occurred (*)',
	'952': 'Invalid FileMaker Data API token (*)',
	'956': 'Maximum number of database sessions exceeded (*)',
	'958': 'Parameter missing (*)',
	'960': 'Parameter is invalid',
	'1700': 'Resource doesn’t exist',
	'1704': "Resource doesn't support the specified HTTP verb",
	'1705': 'Required HTTP header wasn’t specified',
	'1708': 'Parameter value is invalid',
};

/** HTTP statuses that differ from the 500 that carries most FileMaker errors. */
const HTTP_STATUS: Record<string, number> = {
	'212': 401,
	'952': 401,
	'958': 400,
	'960': 400,
	'1700': 404,
	'1704': 405,
	'1705': 415,
	'1708': 400,
};

export function messageFor(code: string): string {
	return ERROR_MESSAGES[code] ?? ERROR_MESSAGES['-1'];
}

/**
 * A FileMaker error as the Data API reports it: an HTTP status and one message with a code.
 * Most FileMaker errors travel in an HTTP 500; 212 and 952 in an HTTP 401, malformed
 * parameters in an HTTP 400.
 */
export class FileMakerError extends Error {
	constructor(
		readonly code: string,
		readonly httpStatus = HTTP_STATUS[code] ?? 500,
		message = messageFor(code),
	) {
		super(message);
		this.name = 'FileMakerError';
	}
}

export type ResponseBody = Record<string, unknown>;

export function sendOk(res: Response, response: ResponseBody = {}): void {
	res.status(200).json({ response, messages: [{ code: '0', message: 'OK' }] });
}

export function sendError(res: Response, error: FileMakerError): void {
	res.status(error.httpStatus).json({
		messages: [{ code: error.code, message: error.message }],
		response: {},
	});
}

/** The code a fault switch answers with when the test names only an HTTP status. */
export function defaultCodeForStatus(status: number): string {
	if (status === 401) return '952';
	if (status === 429) return '-1';
	return '802';
}
