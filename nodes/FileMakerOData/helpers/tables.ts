import type { ODataTable } from '../../../lib/filemaker/odata/metadata';
import { parseMetadata } from '../../../lib/filemaker/odata/metadata';
import { InputError } from '../../shared/node-error';
import type { ODataContext } from '../transport';
import { odataRequest } from '../transport';

const metadata = new WeakMap<ODataContext, Promise<ODataTable[]>>();

/** The tables and fields of the database from `$metadata`, read once per execution. */
export async function getTables(context: ODataContext): Promise<ODataTable[]> {
	let tables = metadata.get(context);
	if (!tables) {
		tables = odataRequest<string>(context, { method: 'GET', path: '/$metadata', text: true }).then(
			(answer) => parseMetadata(String(answer.body)),
		);
		metadata.set(context, tables);
	}
	return await tables;
}

export async function getTable(context: ODataContext, name: string): Promise<ODataTable> {
	const tables = await getTables(context);
	const table = tables.find((candidate) => candidate.name === name);
	if (!table) {
		const close = tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
		throw new InputError(
			`The database has no table "${name}"`,
			close
				? `Table names are case-sensitive in OData: did you mean "${close.name}"?`
				: 'Pick the table from the list.',
		);
	}
	return table;
}
