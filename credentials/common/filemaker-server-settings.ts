import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const DATA_API_VERSIONS = ['vLatest', 'v2', 'v1'] as const;
export type DataApiVersion = (typeof DATA_API_VERSIONS)[number];

/** The FileMaker Server credential, validated and trimmed. */
export interface FileMakerServerSettings {
	/** Scheme and host (and port), no trailing slash: `https://fms.example.com`. */
	serverUrl: string;
	database: string;
	account: string;
	password: string;
	apiVersion: DataApiVersion;
	allowSelfSigned: boolean;
}

export class CredentialSettingsError extends Error {
	readonly name = 'CredentialSettingsError';
}

/**
 * Accepts what people paste: surrounding spaces, a trailing slash, or a whole Data API URL
 * (`https://host/fmi/data/vLatest/...`), and keeps scheme, host and port.
 */
export function normalizeServerUrl(input: string): string {
	const trimmed = input.trim();
	if (!URL.canParse(trimmed)) {
		throw new CredentialSettingsError(
			`The server URL "${trimmed}" is not a URL. Enter it with its scheme, e.g. https://fms.example.com`,
		);
	}
	const url = new URL(trimmed);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new CredentialSettingsError(
			`The server URL must start with https:// (or http://), not ${url.protocol}//`,
		);
	}
	const path = url.pathname.replace(/\/fmi\/.*$/, '').replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${path}`;
}

export function readFileMakerServerSettings(
	credentials: ICredentialDataDecryptedObject,
): FileMakerServerSettings {
	const text = (name: string) => String(credentials[name] ?? '').trim();
	const required = (name: string, label: string) => {
		const value = text(name);
		if (!value)
			throw new CredentialSettingsError(`The credential has no ${label}. Enter it and save.`);
		return value;
	};
	const apiVersion = (text('apiVersion') || 'vLatest') as DataApiVersion;
	if (!DATA_API_VERSIONS.includes(apiVersion)) {
		throw new CredentialSettingsError(
			`The Data API version "${apiVersion}" is not one of ${DATA_API_VERSIONS.join(', ')}`,
		);
	}
	return {
		serverUrl: normalizeServerUrl(required('serverUrl', 'server URL')),
		database: required('database', 'database name'),
		account: required('account', 'account name'),
		// Passwords are used exactly as typed: spaces can be part of them.
		password: String(credentials.password ?? ''),
		apiVersion,
		allowSelfSigned: credentials.allowSelfSigned === true,
	};
}

/** `https://host/fmi/data/vLatest` */
export function dataApiBaseUrl(
	settings: Pick<FileMakerServerSettings, 'serverUrl' | 'apiVersion'>,
) {
	return `${settings.serverUrl}/fmi/data/${settings.apiVersion}`;
}
