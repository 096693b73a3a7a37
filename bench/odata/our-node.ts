import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { Engine } from '../../test/engine/engine';
import { credentialData } from '../../test/helpers/filemaker';
import { contactsTable, odataNode } from '../../test/helpers/odata';
import { ROWS } from './plan';

/** One operation of a side: `prepare` builds what it needs, untimed; the returned run is timed. */
export type Prepare = (warmUp: boolean) => () => Promise<void>;

/** The node with the "FileMaker Server" credential `credentialId`. */
function node(credentialId: string, parameters: INodeParameters) {
	return odataNode(parameters, {
		credentials: { fileMakerServerApi: { id: credentialId, name: `FileMaker (${credentialId})` } },
	});
}

/** Adds a credential for the OData service at `url` (the sandbox's own account). */
export async function addCredential(engine: Engine, id: string, url: string): Promise<void> {
	await engine.addCredential(id, 'fileMakerServerApi', credentialData({ url }));
}

/** Row → Get Many, Return All, no conditions, every option at its default: what a user gets. */
export function returnAll(engine: Engine, credentialId: string): Prepare {
	const getMany = node(credentialId, {
		resource: 'row',
		operation: 'getMany',
		table: contactsTable,
		returnAll: true,
	});
	return () => async () => {
		const execution = await engine.run({ nodes: [getMany] });
		if (execution.error) throw execution.error;
		const count = execution.output().length;
		if (count !== ROWS) {
			throw new Error(
				`Our node's Return All gave ${count.toLocaleString('en')} rows, expected ${ROWS.toLocaleString('en')}`,
			);
		}
	};
}

/**
 * Row → Create of one row per input item, the fields mapped automatically from the items;
 * `batch`: in one `$batch` changeset, otherwise one request per row. Every row is new to the
 * table it is written to (the bench resets the table before each operation).
 */
export function create(
	engine: Engine,
	credentialId: string,
	batch: boolean,
	rows: { timed: number; warmUp: number },
): Prepare {
	const createRows = node(credentialId, {
		resource: 'row',
		operation: 'create',
		table: contactsTable,
		// The field mapping set to "Map Automatically": the input item's keys.
		columns: { mappingMode: 'autoMapInputData', value: null },
		batch,
	});
	return (warmUp) => {
		const input = createdContacts(warmUp ? rows.warmUp : rows.timed);
		return async () => {
			const execution = await engine.run({ input, nodes: [createRows] });
			if (execution.error) throw execution.error;
			const output = execution.output();
			const last = input.length - 1;
			if (output.length !== input.length || output[last].json.email !== input[last].json.email) {
				throw new Error(
					`Our node's create (${batch ? '$batch' : 'per row'}) gave ${output.length} rows, expected ${input.length}`,
				);
			}
		};
	};
}

/** New Contacts, with an email no seeded or demo row has (email is unique). */
function createdContacts(count: number): INodeExecutionData[] {
	return Array.from({ length: count }, (_, index) => ({
		json: {
			email: `created${index}@example.com`,
			firstName: 'Created',
			lastName: `Contact ${index}`,
			company: `Company ${index % 50}`,
			status: ['Lead', 'Customer', 'Archived'][index % 3],
			score: index % 100,
		},
	}));
}
