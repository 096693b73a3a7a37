import { FileMakerError } from '../../../lib/filemaker/errors';

/** FileMaker code 401, "No records match the request": an empty result, sent as an error. */
function isNoRecordsMatch(error: unknown): boolean {
	return error instanceof FileMakerError && error.fileMakerCode === '401';
}

/** Resolves to undefined instead of failing when FileMaker found no records. */
export async function ignoreNoRecordsMatch<T>(pending: Promise<T>): Promise<T | undefined> {
	return await pending.then(
		(value) => value,
		(error: unknown) => {
			if (isNoRecordsMatch(error)) return undefined;
			throw error;
		},
	);
}
