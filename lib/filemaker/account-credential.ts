import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { accountAuthorization, readAccount } from './account';
import type { SessionCredentialSettings } from './session-credential';
import { coalescingKey } from '../shared/session-coalescer';
import { readTarget } from './target';
import { readTransportSettings } from '../http/transport-settings';

/** The FileMaker Server credential's settings: a target and the authentication kind "account". */
export function readAccountCredential(
	credentials: ICredentialDataDecryptedObject,
): SessionCredentialSettings {
	const account = readAccount(credentials);
	return {
		target: readTarget(credentials),
		identity: `account:${account.account}`,
		transport: readTransportSettings(credentials),
		secretFingerprint: coalescingKey(account.password),
		authorize: async () => ({ authorization: accountAuthorization(account), keep: {} }),
		renewable: false,
	};
}
