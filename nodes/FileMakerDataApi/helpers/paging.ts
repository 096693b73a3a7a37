import type { IDataObject } from 'n8n-workflow';

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

/**
 * Reads pages until it has `wanted` records (all of them when undefined) or FileMaker has no
 * more. The Data API has no cursor: each page is a new request with a 1-based offset, so
 * records created or deleted meanwhile can shift pages, as in FileMaker itself.
 */
export async function collectPages(
	fetchPage: (page: Page) => Promise<RecordsResponse>,
	pageSize: number,
	wanted?: number,
): Promise<CollectedRecords> {
	const records: Array<FileMakerRecord & IDataObject> = [];
	let offset = 1;
	let firstResponse: RecordsResponse | undefined;
	for (;;) {
		const limit = wanted === undefined ? pageSize : Math.min(pageSize, wanted - records.length);
		const response = await fetchPage({ offset, limit, first: firstResponse === undefined });
		firstResponse ??= response;
		const data = response.data ?? [];
		records.push(...data);
		offset += data.length;
		const found = Number(response.dataInfo?.foundCount ?? 0);
		const done =
			data.length < limit || offset > found || (wanted !== undefined && records.length >= wanted);
		if (done) return { records, firstResponse };
	}
}
