import type { INodeParameters } from 'n8n-workflow';

import type { NodeUnderTest } from '../engine/engine';
import { FILEMAKER_ODATA } from '../engine/node-types';
import { CREDENTIAL_ID } from './filemaker';

/** A FileMaker OData node with the sandbox's FileMaker Server credential. */
export function odataNode(parameters: INodeParameters, extra: Partial<NodeUnderTest> = {}) {
	return {
		type: FILEMAKER_ODATA,
		parameters,
		credentials: { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'FileMaker sandbox' } },
		...extra,
	};
}

export const contactsTable = { __rl: true, mode: 'name', value: 'Contacts' };

/** The field mapping set to "Map Automatically": the input item's keys. */
export const autoMap = { mappingMode: 'autoMapInputData', value: null };
