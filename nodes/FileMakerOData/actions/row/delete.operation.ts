import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { keyParameter } from '../../helpers/keys';
import { tableParameter } from '../../helpers/parameters';
import { getTable } from '../../helpers/tables';
import { odataRequest, tablePath } from '../../transport';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const table = await getTable(this, tableParameter(this, itemIndex));
	const { path, key } = keyParameter(this, itemIndex, table);
	await odataRequest(this, {
		method: 'DELETE',
		path: tablePath(table.name, path),
		target: `table "${table.name}", key ${key}`,
	});
	return [{ json: { key, deleted: true } }];
}
