import { accountFor, parseBasicAuth } from '../accounts';
import { cloudIdentity } from '../cloud-login';
import { FileMakerError } from '../envelope';
import type { FileMakerServices } from '../services';
import type { DatabaseSchema } from '../schema';
import { unauthorized } from './errors';

/** What an OData request authenticates with (header names in lower case). */
export interface ODataCredentials {
	authorization?: string;
	/** `X-FM-Data-OAuth-Request-Id` */
	oauthRequestId?: string;
	/** `X-FM-Data-OAuth-Identifier` */
	oauthIdentifier?: string;
}

export function credentialsOf(headers: Record<string, string | undefined>): ODataCredentials {
	return {
		authorization: headers.authorization,
		oauthRequestId: headers['x-fm-data-oauth-request-id'],
		oauthIdentifier: headers['x-fm-data-oauth-identifier'],
	};
}

/** Whether the request carries the OAuth header pair instead of an `Authorization` header. */
export function usesOAuthPair(credentials: ODataCredentials): boolean {
	return (
		credentials.authorization === undefined &&
		(credentials.oauthRequestId !== undefined || credentials.oauthIdentifier !== undefined)
	);
}

/**
 * OData has no session: every request carries `Authorization: Basic` (an account of the
 * file) or, on FileMaker Cloud, `Authorization: FMID <Claris ID token>`, checked as the Data
 * API login checks it. Or the OAuth pair (`X-FM-Data-OAuth-Request-Id`,
 * `X-FM-Data-OAuth-Identifier`): `login` (OData's OAuth login, `POST /{db}/$metadata`) spends
 * the identifier, after which the pair acts as that account on this file until 15 minutes
 * pass without a request. Anything else answers 401. Returns the account.
 */
export function authenticate(
	services: FileMakerServices,
	credentials: ODataCredentials,
	database: DatabaseSchema,
	login = false,
): string {
	const { authorization } = credentials;
	if (usesOAuthPair(credentials)) {
		if (services.cloud) throw unauthorized();
		const requestId = credentials.oauthRequestId ?? '';
		const identifier = credentials.oauthIdentifier ?? '';
		const account = login
			? services.oauth.odataLogin(database, requestId, identifier)
			: services.oauth.odataAccount(database, requestId, identifier);
		if (account === undefined) throw unauthorized();
		return account;
	}
	if (services.cloud) {
		try {
			return cloudIdentity(services.cloud, authorization ?? '', services.clock.now()).account;
		} catch (error) {
			if (error instanceof FileMakerError) throw unauthorized();
			throw error;
		}
	}
	const credentialsGiven = parseBasicAuth(authorization);
	const account = credentialsGiven && accountFor(database, credentialsGiven);
	if (!account) throw unauthorized();
	return account;
}
