import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

import type { TransportSettings } from './request-rules';
import { DEFAULT_TRANSPORT_SETTINGS } from './request-rules';
import { CredentialSettingsError } from '../shared/settings-error';

/** The credential fields behind `TransportSettings`, shared by every credential of this package. */
export const transportProperties: INodeProperties[] = [
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TRANSPORT_SETTINGS.timeoutMs / 1000,
		description:
			'How long to wait for the server to answer a request before giving up with an error',
	},
	{
		displayName: 'Retries When Busy',
		name: 'busyRetries',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_TRANSPORT_SETTINGS.busyRetries,
		description:
			'How many times to retry a request the server (or a proxy in front of it) answers with HTTP 429 or 503, after the wait it asks for in Retry-After',
	},
	{
		displayName: 'Longest Wait Before a Retry (Seconds)',
		name: 'maxRetryWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_TRANSPORT_SETTINGS.maxRetryWaitMs / 1000,
		description:
			'If the server asks to wait longer than this before a retry, the request fails at once with an error instead',
	},
];

function number(credentials: ICredentialDataDecryptedObject, name: string, fallback: number) {
	const value = credentials[name];
	if (value === undefined || value === null || value === '') return fallback;
	const parsed = Number(value);
	if (!Number.isFinite(parsed) || parsed < 0) {
		throw new CredentialSettingsError(
			`The credential field "${name}" must be a number of 0 or more, not "${String(value)}"`,
		);
	}
	return parsed;
}

export function readTransportSettings(
	credentials: ICredentialDataDecryptedObject,
): TransportSettings {
	const defaults = DEFAULT_TRANSPORT_SETTINGS;
	return {
		timeoutMs: Math.max(1, number(credentials, 'timeoutSeconds', defaults.timeoutMs / 1000)) * 1000,
		busyRetries: Math.floor(number(credentials, 'busyRetries', defaults.busyRetries)),
		maxRetryWaitMs:
			number(credentials, 'maxRetryWaitSeconds', defaults.maxRetryWaitMs / 1000) * 1000,
	};
}
