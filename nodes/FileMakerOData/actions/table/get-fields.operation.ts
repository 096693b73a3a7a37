import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { tableParameter } from '../../helpers/parameters';
import { getTable } from '../../helpers/tables';

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const table = await getTable(this, tableParameter(this, itemIndex));
	return table.fields.map((field) => ({
		json: { ...field, key: table.keys.includes(field.name) },
	}));
}
