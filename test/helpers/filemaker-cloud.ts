import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { CloudSandboxes, CloudSandboxesOptions } from '../../sandbox/cloud';
import { CLOUD_DEMO_USER, startCloudSandboxes } from '../../sandbox/cloud';
import { Engine } from '../engine/engine';
import type { NodeUnderTest } from '../engine/engine';
import { CREDENTIAL_TEST_NODE, credentialTestNodeFor } from './credential-test-node';
import { DATABASE } from './sandbox-credential';

export const CLOUD_CREDENTIAL_ID = 'filemaker-cloud-sandbox';
export { CLOUD_DEMO_USER };

/** A FileMaker Cloud credential pointing at the sandboxes (the pool given by the overrides). */
export function cloudCredentialData(
	cloud: CloudSandboxes,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		serverUrl: cloud.fm.url,
		database: DATABASE,
		email: CLOUD_DEMO_USER.email,
		password: CLOUD_DEMO_USER.password,
		refreshToken: '',
		apiVersion: 'vLatest',
		cognitoUserPoolId: cloud.cognito.userPoolId,
		cognitoClientId: cloud.cognito.clientId,
		cognitoEndpoint: `${cloud.cognito.url}/`,
		...overrides,
	};
}

export interface CloudTestBed {
	cloud: CloudSandboxes;
	engine: Engine;
	node(parameters: INodeParameters): NodeUnderTest;
	/** The credential dialog's Test. */
	testNode(): NodeUnderTest;
	stored(): Promise<ICredentialDataDecryptedObject>;
	close(): Promise<void>;
}

export async function startCloudTestBed(
	options: { credential?: ICredentialDataDecryptedObject; sandboxes?: CloudSandboxesOptions } = {},
): Promise<CloudTestBed> {
	const cloud = await startCloudSandboxes(options.sandboxes);
	const engine = new Engine({ [CREDENTIAL_TEST_NODE]: credentialTestNodeFor('fileMakerCloudApi') });
	await engine.addCredential(
		CLOUD_CREDENTIAL_ID,
		'fileMakerCloudApi',
		cloudCredentialData(cloud, options.credential),
	);
	const credentials = { fileMakerCloudApi: { id: CLOUD_CREDENTIAL_ID, name: 'FileMaker Cloud' } };
	return {
		cloud,
		engine,
		node: (parameters) => ({
			parameters: { authentication: 'fileMakerCloudApi', ...parameters },
			credentials,
		}),
		testNode: () => ({ type: CREDENTIAL_TEST_NODE, parameters: {}, credentials }),
		stored: async () => await engine.credentials.stored(CLOUD_CREDENTIAL_ID),
		close: async () => await cloud.close(),
	};
}
