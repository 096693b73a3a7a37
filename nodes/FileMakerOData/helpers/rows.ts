import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/node-error';
import type { ODataContext, ODataRequest } from '../transport';
import { odataRequest } from '../transport';

interface RowsPage extends IDataObject {
	value?: IDataObject[];
	'@odata.nextLink'?: string;
	'@nextLink'?: string;
	'@odata.count'?: number;
}

/**
 * A row without OData's annotations (`@id`, `@odata.etag`, ...), which are not fields. A plain
 * copy loop: Return All passes every row through here (measured in bench/, part d).
 */
function withoutAnnotations(row: IDataObject): IDataObject {
	const fields: IDataObject = {};
	for (const key in row) {
		if (!key.includes('@')) fields[key] = row[key];
	}
	return fields;
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
			rows.push(withoutAnnotations(row));
			if (limit !== undefined && rows.length >= limit) return rows;
		}
		const next = body['@odata.nextLink'] ?? body['@nextLink'];
		if (!next) return rows;
		request = { method: 'GET', url: next, target: first.target };
	}
}
