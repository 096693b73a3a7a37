import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { TransportSettings } from '../../http/request-rules';
import { CredentialSettingsError, credentialFields } from '../settings-error';
import type { FileMakerTarget } from '../target';
import { readTarget } from '../target';
import { readTransportSettings } from '../../http/transport-settings';

/** The hidden field that holds the key sign-in states and signed-in sessions are sealed with. */
export const SEAL_KEY_FIELD = 'sessionSealKey';

/**
 * The FileMaker Server OAuth credential's settings: a target and an identity provider. It holds
 * no secret of a person; who signs in is decided at the identity provider.
 */
export interface OAuthCredentialSettings {
	target: FileMakerTarget;
	provider: string;
	transport: TransportSettings;
	/** Empty until n8n's preAuthentication made one (see the credential). */
	sealKey: string;
}

export function readOAuthCredential(
	credentials: ICredentialDataDecryptedObject,
): OAuthCredentialSettings {
	const { required, text } = credentialFields(credentials);
	return {
		target: readTarget(credentials),
		provider: required('provider', 'identity provider name'),
		transport: readTransportSettings(credentials),
		sealKey: text(SEAL_KEY_FIELD),
	};
}

/**
 * What a sealed state or session is bound to: it opens only with the credential's key and only
 * while server, database and provider are unchanged.
 */
export function sealContext(settings: OAuthCredentialSettings): string {
	const { serverUrl, database } = settings.target;
	return JSON.stringify([serverUrl, database, settings.provider]);
}

export function requireSealKey(settings: OAuthCredentialSettings): string {
	if (!settings.sealKey) {
		throw new CredentialSettingsError(
			'The FileMaker Server OAuth credential has no session key yet. Run the FileMaker Sign-In node once: it creates one.',
		);
	}
	return settings.sealKey;
}
