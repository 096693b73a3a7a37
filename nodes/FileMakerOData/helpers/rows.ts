import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/node-error';
import type { ODataContext, ODataRequest } from '../transport';
import { odataRequest } from '../transport';
import { rowFields } from './output';

interface RowsPage extends IDataObject {
	value?: IDataObject[];
	'@odata.nextLink'?: string;
	'@nextLink'?: string;
	'@odata.count'?: number;
}

/**
 * Reads rows page by page, following the server's next-page link exactly as given (on the
 * credential's server only), until `limit` rows or the end. `maxPages` is a safety net.
 */
export async function readRows(
	context: ODataContext,
	first: ODataRequest,
	{ limit, maxPages, exactNumbers }: { limit?: number; maxPages: number; exactNumbers: boolean },
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	let request: ODataRequest = first;
	for (let pages = 0; ; pages++) {
		if (pages >= maxPages) {
			throw new InputError(
				`Stopped after ${maxPages} pages (the "Page Cap" option) with more rows still to read`,
				'Raise "Page Cap" if the table really is this large, or narrow the rows with conditions.',
			);
		}
		const { body } = await odataRequest<RowsPage>(context, request, exactNumbers);
		for (const row of body.value ?? []) {
			rows.push(rowFields(row));
			if (limit !== undefined && rows.length >= limit) return rows;
		}
		const next = body['@odata.nextLink'] ?? body['@nextLink'];
		if (!next) return rows;
		request = { method: 'GET', url: next, target: first.target };
	}
}
