import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** The demo database of the FileMaker sandbox and its account (sandbox only). */
export const DATABASE = 'Contacts';
export const ACCOUNT = 'admin';
export const PASSWORD = 'sandbox-admin-password';

/** The data of a "FileMaker Server" credential pointing at a sandbox. */
export function credentialData(
	fm: { url: string },
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		serverUrl: fm.url,
		database: DATABASE,
		account: ACCOUNT,
		password: PASSWORD,
		apiVersion: 'vLatest',
		allowSelfSigned: false,
		...overrides,
	};
}
