import type { INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { FileMakerCloudApi } from '../../credentials/FileMakerCloudApi.credentials';
import { FileMakerServerApi } from '../../credentials/FileMakerServerApi.credentials';

export const CREDENTIAL_TEST_NODE = 'test.fileMakerCredentialTest';

/**
 * What n8n's credential dialog runs for "Test": n8n's CredentialsTester builds a declarative
 * node whose only property routes the credential type's `test.request`, and runs it through
 * n8n-core's RoutingNode (packages/cli/src/services/credentials-tester.service.ts). This is
 * that node; the engine runs it the same way.
 */
const TEST_REQUESTS = {
	fileMakerServerApi: new FileMakerServerApi().test.request,
	fileMakerCloudApi: new FileMakerCloudApi().test.request,
};

export function credentialTestNodeFor(type: keyof typeof TEST_REQUESTS): INodeType {
	return {
		description: {
			displayName: 'Credential Test',
			name: 'fileMakerCredentialTest',
			group: ['transform'],
			version: 1,
			description: 'Runs a FileMaker credential test request',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: TEST_REQUESTS[type] },
					default: '',
				},
			],
		},
	};
}

export const credentialTestNode = credentialTestNodeFor('fileMakerServerApi');
