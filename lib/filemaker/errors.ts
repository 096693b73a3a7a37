import { isFileMakerEnvelope, mainMessage } from './envelope';

/**
 * A FileMaker answer that is not "0 OK", or a failure to reach FileMaker at all.
 * `fileMakerCode` is FileMaker's own error code (a string, as the Data API sends it);
 * `httpStatus` the HTTP status it came with. Messages never contain secrets.
 */
export class FileMakerError extends Error {
	readonly name = 'FileMakerError';

	constructor(
		message: string,
		readonly fileMakerCode: string | undefined,
		readonly fileMakerMessage: string | undefined,
		readonly httpStatus: number | undefined,
		readonly hint?: string,
	) {
		super(message);
	}
}

/** What a builder can do about the codes they meet most; FileMaker's own text says what happened. */
const HINTS: Record<string, string> = {
	'10': 'A field or parameter the request needs is missing.',
	'100': 'The database file is not open on FileMaker Server, or its name is misspelled.',
	'101':
		'No record has this record ID (recordId). It may have been deleted; record IDs are not the primary key field.',
	'102':
		'A field name is not on the layout. The Data API only sees fields placed on the layout you use: add the field to the layout or pick another layout.',
	'104': 'No script with this name exists in the database. Script names are matched exactly.',
	'105':
		'No layout with this name exists in the database. Layout names are matched exactly; pick the layout from the list.',
	'106': 'The table behind the layout is missing.',
	'212':
		'Check the account name and password in the FileMaker credential. The account needs the "fmrest" extended privilege (Access via FileMaker Data API).',
	'214':
		'FileMaker Server locked the account after too many failed logins. Wait, or ask the FileMaker administrator to unlock it.',
	'301':
		'Another user or script is editing this record. Try again later, or turn on "Retry On Fail" in the node settings.',
	'306':
		'The record changed since its modId was read. Read the record again and send its current modId, or leave Mod ID empty to overwrite.',
	'401':
		'No records match the find. Use the option "On No Match" to return nothing instead of failing.',
	'500':
		'A date value does not match the field validation. Send dates in the format of the "Date Format" option.',
	'501': 'A time value does not match the field validation.',
	'502': 'A value is not a number where the field requires one.',
	'503': 'A value is outside the range the field allows.',
	'504':
		'A value must be unique in this field and another record already has it. Use the Upsert operation to update the existing record instead.',
	'505': 'A value must already exist in the field of another record.',
	'506': 'A value is not in the value list the field requires.',
	'507': 'A value failed the validation calculation of the field.',
	'509': 'A field that requires a value was left empty.',
	'802':
		'FileMaker Server cannot open the database. Check the database name in the credential and that the file is hosted and open.',
	'812': 'FileMaker Server reached its limit of Data API sessions or connections.',
	'952':
		'The Data API session was not accepted even after a new login. Check that the account still has the "fmrest" privilege.',
	'953': 'The FileMaker Data API is disabled on this server, or this account may not use it.',
	'956':
		'FileMaker Server has reached the maximum number of Data API sessions. Close unused sessions in the FileMaker Server Admin Console.',
	'958': 'A parameter is missing in the request.',
	'960': 'A parameter of the request is not valid.',
};

export function hintFor(code: string | undefined): string | undefined {
	return code === undefined ? undefined : HINTS[code];
}

function hintForStatus(status: number | undefined): string | undefined {
	if (status === 429 || status === 503) {
		return 'FileMaker Server (or a proxy in front of it) is busy or limiting requests. Raise "Retries When Busy" in the credential to wait longer by itself.';
	}
	return undefined;
}

/**
 * Builds the error for an answer whose body is a FileMaker envelope, or undefined if it is
 * not: `<what failed>: <FileMaker's message> (FileMaker error <code>; <target>)`.
 */
export function fileMakerErrorFromAnswer(
	body: unknown,
	httpStatus: number | undefined,
	target?: string,
	whatFailed?: string,
): FileMakerError | undefined {
	if (!isFileMakerEnvelope(body)) return undefined;
	const { code, message } = mainMessage(body);
	// FileMaker sends its errors with 500 (and 401 for logins and sessions); say when it did not.
	const unusualStatus = httpStatus !== undefined && httpStatus !== 500 && httpStatus !== 401;
	const details = [
		`FileMaker error ${code}`,
		...(unusualStatus ? [`HTTP ${httpStatus}`] : []),
		...(target ? [target] : []),
	];
	const text = `${message || 'FileMaker returned an error'} (${details.join('; ')})`;
	return new FileMakerError(
		whatFailed ? `${whatFailed}: ${text}` : text,
		code,
		message,
		httpStatus,
		hintFor(code) ?? hintForStatus(httpStatus),
	);
}
