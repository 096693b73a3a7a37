import { RequestCounters } from '../shared/counters';

/** The calls the identity sandbox tells apart, for counters and fault switches. */
export const IDENTITY_ENDPOINT_NAMES = [
	/** `GET /authorize`: the sign-in page. */
	'authorize',
	/** `POST /authorize`: the sign-in form sent (sign in, or cancel). */
	'signIn',
	/** `POST /token`: an authorization code redeemed. */
	'token',
	/** `GET /.well-known/jwks.json` */
	'jwks',
	/** `GET /.well-known/openid-configuration` */
	'discovery',
] as const;

export type IdentityEndpointName = (typeof IDENTITY_ENDPOINT_NAMES)[number];

export function isIdentityEndpointName(name: string): name is IdentityEndpointName {
	return (IDENTITY_ENDPOINT_NAMES as readonly string[]).includes(name);
}

const EVENTS = [
	'authorizePages',
	'signIns',
	'failedSignIns',
	'cancelledSignIns',
	'deniedSignIns',
	'tokenRequests',
	'failedTokenRequests',
] as const;

/** Request counts per endpoint, and how sign-ins and code redemptions went. */
export class IdentityCounters extends RequestCounters<IdentityEndpointName> {
	constructor() {
		super(EVENTS);
	}

	/** Sign-in pages shown (a valid `GET /authorize`). */
	get authorizePages(): number {
		return this.event('authorizePages');
	}

	/** Right email and password: a code sent back to the client. */
	get signIns(): number {
		return this.event('signIns');
	}

	/** Wrong email or password: the form shown again. */
	get failedSignIns(): number {
		return this.event('failedSignIns');
	}

	/** "Cancel" pressed: `error=access_denied` sent back. */
	get cancelledSignIns(): number {
		return this.event('cancelledSignIns');
	}

	/** Right password, but `denyNext` sent an error back instead of a code. */
	get deniedSignIns(): number {
		return this.event('deniedSignIns');
	}

	/** Every `POST /token`, answered with tokens or not. */
	get tokenRequests(): number {
		return this.event('tokenRequests');
	}

	/** `POST /token` refused (invalid_client, invalid_grant, …). */
	get failedTokenRequests(): number {
		return this.event('failedTokenRequests');
	}
}
