import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { keyParameter } from '../../helpers/keys';
import { rowFields } from '../../helpers/output';
import { tableParameter } from '../../helpers/parameters';
import { getTable } from '../../helpers/tables';
import { odataRequest, tablePath } from '../../transport';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const table = await getTable(this, tableParameter(this, itemIndex));
	const { path, key } = keyParameter(this, itemIndex, table);
	const { body } = await odataRequest<IDataObject>(this, {
		method: 'GET',
		path: tablePath(table.name, path),
		target: `table "${table.name}", key ${key}`,
	});
	return [{ json: rowFields(body) }];
}
