import { missingParameter } from './errors';
import { requireClient, type CognitoServices, type RequestBody } from './services';

/**
 * RevokeToken, which amazon-cognito-identity-js's `signOut` calls with the refresh token:
 * later refreshes with it answer "Refresh Token has been revoked". Answers `{}`.
 */
export function revokeToken(services: CognitoServices, body: RequestBody): unknown {
	requireClient(services, body);
	const token = body.Token;
	if (typeof token !== 'string' || token === '') throw missingParameter('Token');
	services.tokens.revoke(token);
	return {};
}
