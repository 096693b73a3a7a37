import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { odataName } from '../../../../lib/filemaker/odata/literals';
import { filterParameter } from '../../helpers/conditions';
import { fieldsToWrite } from '../../helpers/fields';
import { tableParameter } from '../../helpers/parameters';
import { getTable } from '../../helpers/tables';
import { InputError } from '../../../shared/node-error';
import { odataRequest, tablePath } from '../../transport';

/** How many rows a bulk write touched, as FileMaker reports it. */
function affectedRows(body: unknown, headers: IDataObject): number | undefined {
	const fromBody =
		(body as IDataObject | undefined)?.['fmodata.affected_rows'] ??
		(body as IDataObject | undefined)?.affectedRows;
	const fromHeader = headers['fmodata.affected_rows'];
	const value = fromBody ?? fromHeader;
	return value === undefined ? undefined : Number(value);
}

/**
 * Update or delete every row that matches the conditions (bulk PATCH / DELETE with `$filter`).
 * With no condition this would touch every row of the table, so it is refused unless the
 * builder turned on "All Rows".
 */
export async function writeByFilter(
	context: IExecuteFunctions,
	itemIndex: number,
	method: 'PATCH' | 'DELETE',
): Promise<INodeExecutionData[]> {
	const table = await getTable(context, tableParameter(context, itemIndex));
	const options = context.getNodeParameter('options', itemIndex, {}) as { filter?: string };
	const filter = await filterParameter(context, itemIndex, table.name, options.filter);
	const allRows = context.getNodeParameter('allRows', itemIndex, false) as boolean;
	if (!filter && !allRows) {
		throw new InputError(
			`No conditions: this would ${method === 'DELETE' ? 'delete' : 'update'} every row of "${table.name}"`,
			'Add conditions, or turn on "All Rows" if every row is really meant.',
		);
	}
	// FileMaker wants a $filter on a bulk write: "all rows" is a condition every row meets.
	const everyRow = `${odataName(table.keys[0] ?? 'ROWID')} ne null`;
	const { body, headers } = await odataRequest<IDataObject>(context, {
		method,
		path: tablePath(table.name),
		qs: { $filter: filter ?? everyRow },
		body: method === 'PATCH' ? fieldsToWrite(context, itemIndex, table) : undefined,
		target: `table "${table.name}"`,
	});
	return [
		{ json: { affectedRows: affectedRows(body, headers) ?? null, ...(filter ? { filter } : {}) } },
	];
}
