import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialSettingsError, credentialFields } from './settings-error';

export const DATA_API_VERSIONS = ['vLatest', 'v2', 'v1'] as const;
export type DataApiVersion = (typeof DATA_API_VERSIONS)[number];

/**
 * Where a FileMaker database lives, apart from who signs in to it: the same target serves an
 * account (Basic), a FileMaker ID (`FMID <idToken>`) and an OAuth sign-in.
 */
export interface FileMakerTarget {
	/** Scheme and host (and port), no trailing slash: `https://fms.example.com`. */
	serverUrl: string;
	database: string;
	apiVersion: DataApiVersion;
	allowSelfSigned: boolean;
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

export function readTarget(credentials: ICredentialDataDecryptedObject): FileMakerTarget {
	const { text, required } = credentialFields(credentials);
	const apiVersion = (text('apiVersion') || 'vLatest') as DataApiVersion;
	if (!DATA_API_VERSIONS.includes(apiVersion)) {
		throw new CredentialSettingsError(
			`The Data API version "${apiVersion}" is not one of ${DATA_API_VERSIONS.join(', ')}`,
		);
	}
	return {
		serverUrl: normalizeServerUrl(required('serverUrl', 'server URL')),
		database: required('database', 'database name'),
		apiVersion,
		allowSelfSigned: credentials.allowSelfSigned === true,
	};
}

/** `https://host/fmi/data/vLatest` */
export function dataApiBaseUrl(target: Pick<FileMakerTarget, 'serverUrl' | 'apiVersion'>) {
	return `${target.serverUrl}/fmi/data/${target.apiVersion}`;
}

/** `https://host/fmi/data/vLatest/databases/<database>` */
export function databaseUrl(target: FileMakerTarget) {
	return `${dataApiBaseUrl(target)}/databases/${encodeURIComponent(target.database)}`;
}

/** How errors name the server: `FileMaker Server at https://fms.example.com`. */
export function serverName(target: Pick<FileMakerTarget, 'serverUrl'>) {
	return `FileMaker Server at ${target.serverUrl}`;
}
