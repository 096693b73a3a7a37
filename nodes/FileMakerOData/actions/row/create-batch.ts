import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { batchOfCreates, parseBatchResponse } from '../../../../lib/filemaker/odata/batch';
import { ODataError, odataErrorFromAnswer } from '../../../../lib/filemaker/odata/errors';
import { fieldsToWrite } from '../../helpers/fields';
import { rowFields } from '../../helpers/output';
import { tableParameter } from '../../helpers/parameters';
import { getTable } from '../../helpers/tables';
import { odataRequest } from '../../transport';

/**
 * Creates a row for every input item in one `$batch` request, as one changeset: FileMaker
 * creates all of them or, when one fails, none. Each created row is paired with its item.
 */
export async function createInOneBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const table = await getTable(this, tableParameter(this, 0));
	const rows = items.map((_item, itemIndex) => fieldsToWrite(this, itemIndex, table));
	const { contentType, body } = batchOfCreates(encodeURIComponent(table.name), rows);
	const answer = await odataRequest<string>(this, {
		method: 'POST',
		path: '/$batch',
		rawBody: body,
		headers: { 'Content-Type': contentType },
		accept: 'multipart/mixed',
		text: true,
		target: `table "${table.name}", $batch of ${rows.length}`,
	});
	const answers = parseBatchResponse(
		String(answer.body),
		String(answer.headers['content-type'] ?? ''),
	);
	const failed = answers.find((entry) => entry.status >= 400);
	if (failed) {
		const error = odataErrorFromAnswer(failed.body, failed.status, `table "${table.name}"`);
		throw new ODataError(
			`The batch of ${rows.length} rows was not created: ${error.message}`,
			error.odataCode,
			error.httpStatus,
			'FileMaker runs the batch all or nothing: no row was created. Fix the row the error names and run again.',
		);
	}
	if (answers.length !== rows.length) {
		throw new ODataError(
			`FileMaker answered ${answers.length} of ${rows.length} requests in the batch`,
			undefined,
			answer.status,
		);
	}
	return answers.map((entry, itemIndex) => ({
		json: rowFields((entry.body ?? {}) as IDataObject),
		pairedItem: { item: itemIndex },
	}));
}
