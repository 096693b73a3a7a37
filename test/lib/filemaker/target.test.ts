import { readAccount } from '../../../lib/filemaker/account';
import { CredentialSettingsError } from '../../../lib/filemaker/settings-error';
import { normalizeServerUrl, readTarget } from '../../../lib/filemaker/target';

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

describe('readTarget and readAccount', () => {
	const complete = {
		serverUrl: 'https://fms.example.com',
		database: ' Contacts ',
		account: 'admin',
		password: ' secret with spaces ',
		apiVersion: 'v2',
		allowSelfSigned: false,
	};

	it('trims names but keeps the password exactly as typed', () => {
		expect(readTarget(complete).database).toBe('Contacts');
		expect(readAccount(complete).password).toBe(' secret with spaces ');
		expect(readTarget(complete).apiVersion).toBe('v2');
	});

	it('names the missing field', () => {
		expect(() => readTarget({ ...complete, database: '' })).toThrow(/no database name/);
		expect(() => readAccount({ ...complete, account: '  ' })).toThrow(/no account name/);
	});

	it('refuses an unknown Data API version', () => {
		expect(() => readTarget({ ...complete, apiVersion: 'v9' })).toThrow(/v9/);
	});
});
