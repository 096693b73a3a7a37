import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialSettingsError } from '../shared/settings-error';

export { CredentialSettingsError };

/** Reads trimmed text fields of a credential, failing with a message that names the field. */
export function credentialFields(credentials: ICredentialDataDecryptedObject) {
	const text = (name: string) => String(credentials[name] ?? '').trim();
	const required = (name: string, label: string) => {
		const value = text(name);
		if (!value) {
			throw new CredentialSettingsError(`The credential has no ${label}. Enter it and save.`);
		}
		return value;
	};
	return { text, required };
}
