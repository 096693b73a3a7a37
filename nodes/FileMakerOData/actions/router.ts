import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, toNodeError } from '../../shared/node-error';
import { runPerItem } from '../../shared/per-item';
import { createInOneBatch } from './row/create-batch';
import * as createRow from './row/create.operation';
import * as deleteRow from './row/delete.operation';
import * as deleteRows from './row/delete-by-filter.operation';
import * as getRow from './row/get.operation';
import * as getRows from './row/get-many.operation';
import * as updateRow from './row/update.operation';
import * as updateRows from './row/update-by-filter.operation';
import * as runScript from './script/run.operation';
import * as getFields from './table/get-fields.operation';
import * as listTables from './table/list.operation';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, Operation>> = {
	table: { getMany: listTables.execute, getFields: getFields.execute },
	row: {
		create: createRow.execute,
		delete: deleteRow.execute,
		deleteByFilter: deleteRows.execute,
		get: getRow.execute,
		getMany: getRows.execute,
		update: updateRow.execute,
		updateByFilter: updateRows.execute,
	},
	script: { run: runScript.execute },
};

/** Runs the chosen operation once per input item, with pairedItem and Continue On Fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw toNodeError(
			this.getNode(),
			new Error(`The operation "${operation}" of "${resource}" is not supported`),
			0,
		);
	}
	if (resource === 'row' && operation === 'create' && this.getNodeParameter('batch', 0, false)) {
		try {
			return [await createInOneBatch.call(this)];
		} catch (caught) {
			const error = toNodeError(this.getNode(), caught, 0);
			if (!this.continueOnFail()) throw error;
			return [this.getInputData().map((_item, item) => errorItem(this.getNode(), error, item))];
		}
	}
	return [await runPerItem(this, async (itemIndex) => await handler.call(this, itemIndex))];
}
