import { Engine } from '../../test/engine/engine';
import { CREDENTIAL_ID, credentialData, layout } from '../../test/helpers/filemaker';
import { FIND_EMAIL, RECORDS, type Target } from './plan';

/** The two workflows through our node in n8n's engine, with a credential at `oursUrl`. */
export interface OurNode {
	returnAll(): Promise<void>;
	find(): Promise<void>;
}

export async function ourNode(target: Target): Promise<OurNode> {
	const engine = new Engine();
	await engine.addCredential(
		CREDENTIAL_ID,
		'fileMakerServerApi',
		// The https sandbox's certificate is self-signed, as an in-house server's often is.
		credentialData({ url: target.oursUrl }, { allowSelfSigned: target.transport === 'https' }),
	);
	const credentials = { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'FileMaker (bench)' } };

	// Get Many, Return All, and every option at its default: what a user gets.
	const getMany = {
		parameters: {
			resource: 'record',
			operation: 'getMany',
			layout: layout('Contacts'),
			returnAll: true,
		},
		credentials,
	};
	// Record → Find with one condition in the builder: email equals a seeded, unique address.
	const find = {
		parameters: {
			resource: 'record',
			operation: 'find',
			layout: layout('Contacts'),
			queryMode: 'builder',
			findRequests: {
				request: [
					{
						omit: false,
						conditions: { condition: [{ field: 'email', operator: 'equals', value: FIND_EMAIL }] },
					},
				],
			},
		},
		credentials,
	};

	return {
		returnAll: async () => {
			const execution = await engine.run({ nodes: [getMany] });
			if (execution.error) throw execution.error;
			const count = execution.output().length;
			if (count !== RECORDS) {
				throw new Error(
					`Our node's Return All gave ${count.toLocaleString('en')} items, expected ${RECORDS.toLocaleString('en')} (${target.transport}, ${target.rttMs} ms)`,
				);
			}
		},
		find: async () => {
			const execution = await engine.run({ nodes: [find] });
			if (execution.error) throw execution.error;
			const items = execution.output();
			if (items.length !== 1 || items[0].json.email !== FIND_EMAIL) {
				throw new Error(
					`Our node's find for ${FIND_EMAIL} gave ${items.length} items, expected that one record`,
				);
			}
		},
	};
}
