import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { SessionCredentialSettings } from '../session-credential';
import { coalescingKey } from '../../shared/session-coalescer';
import { credentialFields } from '../settings-error';
import { readTarget } from '../target';
import { readTransportSettings } from '../../http/transport-settings';
import type { FileMakerIdAccount } from './id-tokens';
import { obtainIdToken } from './id-tokens';
import type { PoolOverrides } from './pool-settings';
import { resolvePool } from './pool-settings';

export function readPoolOverrides(credentials: ICredentialDataDecryptedObject): PoolOverrides {
	const { text } = credentialFields(credentials);
	return {
		region: text('cognitoRegion'),
		userPoolId: text('cognitoUserPoolId'),
		clientId: text('cognitoClientId'),
		endpoint: text('cognitoEndpoint'),
		settingsUrl: text('poolSettingsUrl'),
	};
}

export function readFileMakerIdAccount(
	credentials: ICredentialDataDecryptedObject,
): FileMakerIdAccount {
	const { text, required } = credentialFields(credentials);
	return {
		email: required('email', 'FileMaker ID email'),
		// Passwords and tokens are used exactly as typed.
		password: String(credentials.password ?? ''),
		refreshToken: text('refreshToken'),
	};
}

/**
 * The FileMaker Cloud credential's settings: a target and the authentication kind "FileMaker
 * ID", whose grant is `Authorization: FMID <idToken>` and keeps the FileMaker ID tokens.
 */
export function readCloudCredential(
	credentials: ICredentialDataDecryptedObject,
): SessionCredentialSettings {
	const account = readFileMakerIdAccount(credentials);
	const overrides = readPoolOverrides(credentials);
	const transport = readTransportSettings(credentials);
	return {
		target: readTarget(credentials),
		identity: `fmid:${overrides.userPoolId || 'claris'}:${account.email.toLowerCase()}`,
		transport,
		secretFingerprint: coalescingKey(account.password, account.refreshToken),
		renewable: true,
		grantExpiresAt: Number(credentials.idTokenExpiresAt) || undefined,
		authorize: async (http, refused) => {
			const pool = await resolvePool(http, overrides, transport);
			const keep = await obtainIdToken(http, credentials, pool, account, transport, refused);
			return {
				authorization: {
					headers: { Authorization: `FMID ${keep.idToken}` },
					describe: `FileMaker ID "${account.email}"`,
				},
				keep,
			};
		},
	};
}
