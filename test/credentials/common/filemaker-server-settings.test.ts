import {
	CredentialSettingsError,
	normalizeServerUrl,
	readFileMakerServerSettings,
} from '../../../credentials/common/filemaker-server-settings';

describe('normalizeServerUrl', () => {
	it.each([
		['https://fms.example.com', 'https://fms.example.com'],
		['  https://fms.example.com/  ', 'https://fms.example.com'],
		['https://fms.example.com:8443', 'https://fms.example.com:8443'],
		['https://fms.example.com/fmi/data/vLatest/databases/x', 'https://fms.example.com'],
		['http://10.0.0.5/', 'http://10.0.0.5'],
	])('turns %p into %p', (input, expected) => {
		expect(normalizeServerUrl(input)).toBe(expected);
	});

	it('asks for a scheme when there is none', () => {
		expect(() => normalizeServerUrl('fms.example.com')).toThrow(/https:\/\//);
	});

	it('refuses other schemes', () => {
		expect(() => normalizeServerUrl('ftp://fms.example.com')).toThrow(CredentialSettingsError);
	});
});

describe('readFileMakerServerSettings', () => {
	const complete = {
		serverUrl: 'https://fms.example.com',
		database: ' Contacts ',
		account: 'admin',
		password: ' secret with spaces ',
		apiVersion: 'v2',
		allowSelfSigned: false,
	};

	it('trims names but keeps the password exactly as typed', () => {
		const settings = readFileMakerServerSettings(complete);
		expect(settings.database).toBe('Contacts');
		expect(settings.password).toBe(' secret with spaces ');
		expect(settings.apiVersion).toBe('v2');
	});

	it('names the missing field', () => {
		expect(() => readFileMakerServerSettings({ ...complete, database: '' })).toThrow(
			/no database name/,
		);
		expect(() => readFileMakerServerSettings({ ...complete, account: '  ' })).toThrow(
			/no account name/,
		);
	});

	it('refuses an unknown Data API version', () => {
		expect(() => readFileMakerServerSettings({ ...complete, apiVersion: 'v9' })).toThrow(/v9/);
	});
});
