import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { FileMakerSandbox } from '../../sandbox/filemaker';
import { startFileMakerSandbox } from '../../sandbox/filemaker';
import { Engine } from '../engine/engine';
import { credentialData } from './sandbox-credential';
import type { NodeUnderTest } from '../engine/engine';

export { ACCOUNT, DATABASE, PASSWORD, credentialData } from './sandbox-credential';

export const CREDENTIAL_ID = 'filemaker-sandbox';

export interface FileMakerTestBed {
	fm: FileMakerSandbox;
	engine: Engine;
	/** A FileMaker Data API node with the sandbox credential. */
	node(parameters: INodeParameters, extra?: Partial<NodeUnderTest>): NodeUnderTest;
	close(): Promise<void>;
}

/** A sandbox FileMaker Server and an n8n engine with a credential pointing at it. */
export async function startTestBed(
	options: { credential?: ICredentialDataDecryptedObject; https?: boolean } = {},
): Promise<FileMakerTestBed> {
	const fm = await startFileMakerSandbox({ https: options.https });
	const engine = new Engine();
	await engine.addCredential(
		CREDENTIAL_ID,
		'fileMakerServerApi',
		credentialData(fm, options.credential),
	);
	return {
		fm,
		engine,
		node: (parameters, extra = {}) => ({
			parameters,
			credentials: { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'FileMaker sandbox' } },
			...extra,
		}),
		close: async () => await fm.close(),
	};
}

/** The value a resource locator parameter stores for a layout picked by name. */
export function layout(name: string) {
	return { __rl: true, mode: 'name', value: name };
}
