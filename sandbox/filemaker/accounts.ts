import type { DatabaseSchema } from './schema';

export interface BasicCredentials {
	account: string;
	password: string;
}

export function parseBasicAuth(header: string | undefined): BasicCredentials | undefined {
	const encoded = /^Basic\s+(\S+)$/i.exec(header ?? '')?.[1];
	if (!encoded) return undefined;
	const decoded = Buffer.from(encoded, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	return { account: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * FileMaker account names are case-insensitive; passwords are not. Accounts that an external
 * identity provider authenticates (`oauth`) have no password and never match.
 */
export function accountFor(
	database: DatabaseSchema,
	credentials: BasicCredentials,
): string | undefined {
	const account = database.accounts.find(
		(candidate) =>
			!candidate.oauth &&
			candidate.password !== undefined &&
			candidate.name.toLowerCase() === credentials.account.toLowerCase() &&
			candidate.password === credentials.password,
	);
	return account?.name;
}

/** The file's OAuth account for a person the identity provider signed in (by email). */
export function oauthAccountFor(database: DatabaseSchema, email: string): string | undefined {
	const account = database.accounts.find(
		(candidate) => candidate.oauth === true && candidate.name.toLowerCase() === email.toLowerCase(),
	);
	return account?.name;
}
