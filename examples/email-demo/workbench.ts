import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WorkflowData } from '../../test/engine/engine';
import { Engine } from '../../test/engine/engine';
import { credentialData } from '../../test/helpers/filemaker';
import { graphCredentialData } from '../../test/helpers/microsoft';
import type { FileMakerSandbox } from '../../sandbox/filemaker';
import { startFileMakerSandbox } from '../../sandbox/filemaker';
import type { MicrosoftSandboxes } from '../../sandbox/microsoft';
import { startMicrosoftSandboxes } from '../../sandbox/microsoft';

export const WORKFLOW_FILE = join(__dirname, '..', 'email-to-filemaker.json');

/** The credential IDs the example refers to (as the e2e run imports them into n8n). */
const FILEMAKER_CREDENTIAL = 'fmSandboxCred001';
const GRAPH_CREDENTIAL = 'msGraphAppCred01';

export interface Workbench {
	fm: FileMakerSandbox;
	microsoft: MicrosoftSandboxes;
	engine: Engine;
	workflow: WorkflowData;
	close(): Promise<void>;
}

/** The FileMaker and Microsoft sandboxes, n8n's engine with the example's two credentials. */
export async function openWorkbench(): Promise<Workbench> {
	const fm = await startFileMakerSandbox();
	const microsoft = await startMicrosoftSandboxes();
	const engine = new Engine();
	await engine.addCredential(FILEMAKER_CREDENTIAL, 'fileMakerServerApi', credentialData(fm));
	await engine.addCredential(
		GRAPH_CREDENTIAL,
		'microsoftGraphAppApi',
		graphCredentialData(microsoft),
	);
	const workflow = JSON.parse(readFileSync(WORKFLOW_FILE, 'utf8')) as WorkflowData;
	return {
		fm,
		microsoft,
		engine,
		workflow,
		close: async () => {
			await microsoft.close();
			await fm.close();
		},
	};
}
