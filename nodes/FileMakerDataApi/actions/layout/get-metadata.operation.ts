import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { layoutParameter } from '../../helpers/parameters';
import { getLayoutMetadata } from '../../helpers/layout-metadata';
import { layoutLocator } from '../common.descriptions';

const properties: INodeProperties[] = [layoutLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['layout'], operation: ['getMetadata'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const layout = layoutParameter(this, itemIndex);
	return [{ json: { layout, ...(await getLayoutMetadata(this, layout)) } }];
}
