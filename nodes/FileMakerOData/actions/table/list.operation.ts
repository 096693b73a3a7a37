import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { listTableNames } from '../../helpers/service';

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return (await listTableNames(this)).map((name) => ({ json: { name } }));
}
