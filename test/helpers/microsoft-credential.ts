import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { MicrosoftSandboxes } from '../../sandbox/microsoft';
import { MICROSOFT_DEMO } from '../../sandbox/microsoft';

/** A Microsoft Graph App credential pointing at the sandboxes (secret authentication). */
export function graphCredentialData(
	sandboxes: Pick<MicrosoftSandboxes, 'identity' | 'graph'>,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		tenantId: MICROSOFT_DEMO.tenantId,
		clientId: MICROSOFT_DEMO.clientId,
		authentication: 'secret',
		clientSecret: MICROSOFT_DEMO.clientSecret,
		nationalCloud: 'global',
		identityEndpoint: sandboxes.identity.url,
		graphEndpoint: sandboxes.graph.url,
		...overrides,
	};
}
