import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { odataName } from '../../../../lib/filemaker/odata/literals';
import { filterParameter } from '../../helpers/conditions';
import { tableParameter } from '../../helpers/parameters';
import { readRows } from '../../helpers/rows';
import { odataRequest, tablePath } from '../../transport';

export interface GetManyOptions {
	filter?: string;
	select?: string[];
	orderBy?: { rule?: Array<{ field: string; direction: 'asc' | 'desc' }> };
	expand?: string;
	exactNumbers?: boolean;
	pageCap?: number;
	countOnly?: boolean;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const table = { name: tableParameter(this, itemIndex) };
	const options = this.getNodeParameter('options', itemIndex, {}) as GetManyOptions;
	const filter = await filterParameter(this, itemIndex, table.name, options.filter);
	const qs: IDataObject = {};
	if (filter) qs.$filter = filter;
	const target = `table "${table.name}"`;
	if (options.countOnly) {
		const { body } = await odataRequest<IDataObject>(this, {
			method: 'GET',
			path: tablePath(table.name),
			qs: { ...qs, $count: 'true', $top: 0 },
			target,
		});
		return [{ json: { count: Number(body['@odata.count'] ?? 0) } }];
	}
	if (options.select?.length) qs.$select = options.select.map(odataName).join(',');
	const rules = options.orderBy?.rule ?? [];
	if (rules.length) {
		qs.$orderby = rules.map((rule) => `${odataName(rule.field)} ${rule.direction}`).join(',');
	}
	if (options.expand?.trim()) qs.$expand = options.expand.trim();
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	if (limit !== undefined) qs.$top = limit;
	const rows = await readRows(
		this,
		{ method: 'GET', path: tablePath(table.name), qs, target },
		{ limit, maxPages: options.pageCap ?? 10_000, exactNumbers: options.exactNumbers === true },
	);
	return rows.map((row) => ({ json: row }));
}
