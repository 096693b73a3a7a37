/** A credential field is missing or not usable; the message says which and what to enter. */
export class CredentialSettingsError extends Error {
	readonly name = 'CredentialSettingsError';
}
