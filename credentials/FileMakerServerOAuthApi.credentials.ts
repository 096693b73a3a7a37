import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	allowSelfSignedProperty,
	apiVersionProperty,
	databaseProperty,
	serverUrlProperty,
} from '../lib/filemaker/credential-properties';
import { SEAL_KEY_FIELD } from '../lib/filemaker/oauth/oauth-credential';
import { newSealKey } from '../lib/filemaker/oauth/sealing';
import { transportProperties } from '../lib/http/transport-settings';

/**
 * FileMaker Server with sign-in at an external identity provider (Google, Microsoft Entra ID,
 * Okta, any OpenID provider). It holds no password: a person signs in through the FileMaker
 * Sign-In node, and the nodes after it act as that person, with the privileges of their
 * OAuth account in the file.
 *
 * Its test is the FileMaker Sign-In node's `fileMakerOAuthProvider` (`testedBy`): it checks that
 * the server offers the provider named here, which a declarative test request cannot (n8n uses
 * a credential's own `test` first, so this class has none).
 */
// eslint-disable-next-line @n8n/community-nodes/credential-test-required
export class FileMakerServerOAuthApi implements ICredentialType {
	name = 'fileMakerServerOAuthApi';

	displayName = 'FileMaker Server OAuth API';

	icon: Icon = { light: 'file:filemaker.svg', dark: 'file:filemaker.dark.svg' };

	documentationUrl =
		'https://help.claris.com/en/data-api-guide/content/log-in-database-session-oauth.html';

	properties: INodeProperties[] = [
		serverUrlProperty,
		databaseProperty,
		{
			displayName: 'Identity Provider',
			name: 'provider',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Microsoft',
			description:
				'Name of the identity provider as FileMaker Server lists it (Admin Console > Administration > External Authentication), e.g. Google, Microsoft, Amazon, or the name of a custom OpenID provider. The credential test lists the names the server offers.',
		},
		apiVersionProperty,
		allowSelfSignedProperty,
		...transportProperties,
		{
			displayName: 'Session Seal Key',
			name: SEAL_KEY_FIELD,
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Makes the key that seals sign-in states and signed-in sessions, once; n8n stores it
	 * encrypted with the credential, so every process (and queue-mode worker) opens what another
	 * sealed. It is never replaced: that would void sessions of people signed in right now.
	 */
	async preAuthentication(credentials: ICredentialDataDecryptedObject) {
		const key = typeof credentials[SEAL_KEY_FIELD] === 'string' ? credentials[SEAL_KEY_FIELD] : '';
		return { [SEAL_KEY_FIELD]: key || newSealKey() };
	}
}
