import { RequestCounters } from '../../shared/counters';

/** The calls the Microsoft identity sandbox tells apart, for counters and fault switches. */
export const MICROSOFT_IDENTITY_ENDPOINT_NAMES = [
	/** `POST /{tenant}/oauth2/v2.0/token`, every grant. */
	'token',
	/** `GET|POST /{tenant}/oauth2/v2.0/authorize`: the sign-in page and its form. */
	'authorize',
	/** `GET /{tenant}/v2.0/.well-known/openid-configuration` and `/common/discovery/instance`. */
	'discovery',
	/** `GET /{tenant}/discovery/v2.0/keys` */
	'keys',
] as const;

export type MicrosoftIdentityEndpointName = (typeof MICROSOFT_IDENTITY_ENDPOINT_NAMES)[number];

export function isMicrosoftIdentityEndpointName(
	name: string,
): name is MicrosoftIdentityEndpointName {
	return (MICROSOFT_IDENTITY_ENDPOINT_NAMES as readonly string[]).includes(name);
}

/** The grant types the token endpoint serves, with the counter each one moves. */
export const GRANT_COUNTERS = {
	client_credentials: 'clientCredentials',
	authorization_code: 'authorizationCode',
	refresh_token: 'refreshToken',
} as const;

const EVENTS = [
	'tokenRequests',
	'clientCredentials',
	'authorizationCode',
	'refreshToken',
	'failedTokenRequests',
	'signInPages',
	'signIns',
	'failedSignIns',
] as const;

/** Request counts per endpoint, token requests per grant, and how sign-ins went. */
export class MicrosoftIdentityCounters extends RequestCounters<MicrosoftIdentityEndpointName> {
	constructor() {
		super(EVENTS);
	}

	/** Token requests the endpoint handled (not those a fault answered), any grant. */
	get tokenRequests(): number {
		return this.event('tokenRequests');
	}

	/** `grant_type=client_credentials` requests, answered with a token or not. */
	get clientCredentials(): number {
		return this.event('clientCredentials');
	}

	get authorizationCode(): number {
		return this.event('authorizationCode');
	}

	get refreshToken(): number {
		return this.event('refreshToken');
	}

	/** Token requests answered with an error. */
	get failedTokenRequests(): number {
		return this.event('failedTokenRequests');
	}

	/** Sign-in pages shown for a valid authorization request. */
	get signInPages(): number {
		return this.event('signInPages');
	}

	/** Right account and password: a code sent back to the app. */
	get signIns(): number {
		return this.event('signIns');
	}

	/** Wrong account or password: the page shown again. */
	get failedSignIns(): number {
		return this.event('failedSignIns');
	}
}
