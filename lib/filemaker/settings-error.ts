import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** A credential field is missing or not usable; the message says which and what to enter. */
export class CredentialSettingsError extends Error {
	readonly name = 'CredentialSettingsError';
}

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
