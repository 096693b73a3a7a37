import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { layoutParameter, optionsParameter, recordIdParameter } from '../../helpers/parameters';
import type { ScriptOptions } from '../../helpers/scripts';
import { scriptOutcome, scriptParameters } from '../../helpers/scripts';
import { fileMakerRequest, onLayout } from '../../transport';
import { recordWithScripts } from '../common.descriptions';

export const description = updateDisplayOptions(
	{ show: { resource: ['record'], operation: ['duplicate'] } },
	recordWithScripts,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	const recordId = recordIdParameter(this, itemIndex);
	const options = optionsParameter<ScriptOptions>(this, itemIndex);
	const { response } = await fileMakerRequest<IDataObject & { recordId: string; modId: string }>(
		this,
		{
			method: 'POST',
			...onLayout(layout, 'records', recordId),
			body: scriptParameters(options),
		},
	);
	return [
		{
			json: {
				recordId: response.recordId,
				modId: response.modId,
				duplicatedFrom: recordId,
				...scriptOutcome(response, options),
			},
		},
	];
}
