import type { IDataObject } from 'n8n-workflow';

import { FileMakerError } from '../../../lib/filemaker/errors';
import { InputError } from '../../shared/node-error';
import type { FileMakerRecord, RecordsResponse } from './records';

export interface Page {
	offset: number;
	limit: number;
	first: boolean;
}

export interface CollectedRecords {
	records: Array<FileMakerRecord & IDataObject>;
	/** The first page's response, which carries the script results. */
	firstResponse: RecordsResponse;
}

export interface PagingLimits {
	pageSize: number;
	/** All records when undefined. */
	wanted?: number;
	/** A safety net: more pages than this fail instead of reading on for ever. */
	maxPages: number;
}

/**
 * FileMaker Server answers `GET …/records` on an empty table, and an `_offset` past the last
 * record, with HTTP 500 and code 101 "Record is missing" (python-fmrest issues #4 and #85,
 * against live servers). For a found set that is the end, not an error.
 */
function isPastTheEnd(error: unknown): boolean {
	return error instanceof FileMakerError && error.fileMakerCode === '101';
}

function noRecords(): RecordsResponse {
	return {
		data: [],
		dataInfo: {
			database: '',
			layout: '',
			table: '',
			totalRecordCount: 0,
			foundCount: 0,
			returnedCount: 0,
		},
	};
}

/**
 * Reads pages until it has `wanted` records (all of them when undefined) or FileMaker has no
 * more. The Data API has no cursor: each page is a new request with a 1-based offset, so
 * records created or deleted meanwhile can shift pages, as in FileMaker itself.
 */
export async function collectPages(
	fetchPage: (page: Page) => Promise<RecordsResponse>,
	{ pageSize, wanted, maxPages }: PagingLimits,
): Promise<CollectedRecords> {
	const records: Array<FileMakerRecord & IDataObject> = [];
	let offset = 1;
	let firstResponse: RecordsResponse | undefined;
	for (let pages = 0; ; pages++) {
		if (pages >= maxPages) {
			throw new InputError(
				`Stopped after ${maxPages} pages of ${pageSize} records (the "Page Cap" option) with more records still to read`,
				'Raise "Page Cap" or "Page Size" if the found set really is this large, or narrow it with a find.',
			);
		}
		const limit = wanted === undefined ? pageSize : Math.min(pageSize, wanted - records.length);
		const response = await fetchPage({ offset, limit, first: firstResponse === undefined }).then(
			(page) => page,
			(error: unknown) => {
				if (isPastTheEnd(error)) return noRecords();
				throw error;
			},
		);
		firstResponse ??= response;
		const data = response.data ?? [];
		for (const record of data) records.push(record);
		offset += data.length;
		const found = Number(response.dataInfo?.foundCount ?? 0);
		const done =
			data.length < limit || offset > found || (wanted !== undefined && records.length >= wanted);
		if (done) return { records, firstResponse };
	}
}
