import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { layoutParameter, optionsParameter, recordIdParameter } from '../../helpers/parameters';
import type { ScriptOptions } from '../../helpers/scripts';
import { scriptOutcome, scriptParameters } from '../../helpers/scripts';
import { fileMakerRequest, onLayout } from '../../transport';
import { recordWithScripts } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['delete'] } },
	recordWithScripts,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const recordId = recordIdParameter(this, itemIndex);
	const options = optionsParameter<ScriptOptions>(this, itemIndex);
	const { response } = await fileMakerRequest(this, {
		method: 'DELETE',
		...onLayout(layout, 'records', recordId),
		qs: scriptParameters(options),
	});
	return [{ json: { recordId, deleted: true, ...scriptOutcome(response, options) } }];
}
