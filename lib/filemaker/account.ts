import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { credentialFields } from './settings-error';
import type { SessionAuthorization } from './session';

/** A FileMaker account with the fmrest privilege, as the FileMaker Server credential holds it. */
export interface FileMakerAccount {
	account: string;
	password: string;
}

export function readAccount(credentials: ICredentialDataDecryptedObject): FileMakerAccount {
	return {
		account: credentialFields(credentials).required('account', 'account name'),
		// Passwords are used exactly as typed: spaces can be part of them.
		password: String(credentials.password ?? ''),
	};
}

/** The authentication kind "account": `Authorization: Basic`, for `openSession`. */
export function accountAuthorization({
	account,
	password,
}: FileMakerAccount): SessionAuthorization {
	const basic = Buffer.from(`${account}:${password}`, 'utf8').toString('base64');
	return {
		headers: { Authorization: `Basic ${basic}` },
		describe: `account "${account}"`,
	};
}
