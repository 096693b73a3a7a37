import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { fieldsToWrite } from '../../helpers/fields';
import { rowFields } from '../../helpers/output';
import { tableParameter } from '../../helpers/parameters';
import { getTable } from '../../helpers/tables';
import { odataRequest, tablePath } from '../../transport';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const table = await getTable(this, tableParameter(this, itemIndex));
	const { body } = await odataRequest<IDataObject>(this, {
		method: 'POST',
		path: tablePath(table.name),
		body: fieldsToWrite(this, itemIndex, table),
		headers: { Prefer: 'return=representation' },
		target: `table "${table.name}"`,
	});
	return [{ json: rowFields(body) }];
}
