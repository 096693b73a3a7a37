import type { IDataObject } from 'n8n-workflow';

import type { ODataContext } from '../transport';
import { odataRequest } from '../transport';

/** The tables (entity sets) of the database, from its service document. */
export async function listTableNames(context: ODataContext): Promise<string[]> {
	const { body } = await odataRequest<{ value?: IDataObject[] }>(context, {
		method: 'GET',
		path: '',
	});
	return (body.value ?? [])
		.filter((entry) => entry.kind === undefined || entry.kind === 'EntitySet')
		.map((entry) => String(entry.name ?? entry.url));
}
