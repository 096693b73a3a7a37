import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { GlobalFieldEntry } from '../helpers/global-fields';
import { globalFieldData, setGlobalFields } from '../helpers/global-fields';
import { toNodeError } from '../../shared/node-error';
import { runPerItem } from '../../shared/per-item';
import { inOwnSession } from '../transport/own-session';
import * as container from './container';
import * as globalField from './global';
import * as layout from './layout';
import type { FileMakerDataApiType } from './node.type';
import * as record from './record';
import * as script from './script';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

type Resource = FileMakerDataApiType['resource'];

const operations: {
	[R in Resource]: {
		[O in Extract<FileMakerDataApiType, { resource: R }>['operation']]: { execute: Operation };
	};
} = { record, script, container, globalField, layout };

/**
 * One item's operation: in the credential's shared session, or, when the builder listed global
 * fields under "Global Fields (Own Session)", in a session of its own that sets them first.
 */
async function runItem(
	context: IExecuteFunctions,
	itemIndex: number,
	operation: Operation,
): Promise<INodeExecutionData[]> {
	const options = context.getNodeParameter('options', itemIndex, {}) as {
		ownSessionGlobals?: { field?: GlobalFieldEntry[] };
	};
	const globalFields = globalFieldData(options.ownSessionGlobals?.field ?? []);
	if (Object.keys(globalFields).length === 0) return await operation.call(context, itemIndex);
	return await inOwnSession(context, async () => {
		await setGlobalFields(context, globalFields);
		return await operation.call(context, itemIndex);
	});
}

/** Runs the chosen operation once per input item, with pairedItem and Continue On Fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as Resource;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = (operations[resource] as Record<string, { execute: Operation }> | undefined)?.[
		operation
	];
	if (!handler) {
		throw toNodeError(
			this.getNode(),
			new Error(`The operation "${operation}" of "${resource}" is not supported`),
			0,
		);
	}

	return [
		await runPerItem(this, async (itemIndex) => await runItem(this, itemIndex, handler.execute)),
	];
}
