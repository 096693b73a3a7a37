import type { Response } from 'express';
import { FaultInjector, type Failure } from '../shared/faults';
import type { IdentityEndpointName } from './endpoints';

/** An OAuth 2.0 error code the authorization endpoint sends back (RFC 6749 §4.1.2.1). */
export type AuthorizationErrorCode =
	| 'access_denied'
	| 'server_error'
	| 'temporarily_unavailable'
	| 'invalid_request'
	| 'unauthorized_client'
	| 'unsupported_response_type'
	| 'invalid_scope'
	| 'consent_required'
	| 'login_required'
	| 'interaction_required';

export interface DenyNextOptions {
	error: AuthorizationErrorCode;
	/** Sent as `error_description`; a short default per error otherwise. */
	description?: string;
	/** How many sign-ins it applies to (default 1). */
	count?: number;
}

interface Denial {
	error: AuthorizationErrorCode;
	description?: string;
	remaining: number;
}

/**
 * The fault switches of an identity sandbox: the shared ones (failures answer in OAuth's
 * `{"error", "error_description"}` shape) and `denyNext`, which makes the next sign-ins with
 * the right password redirect back with an error instead of a code.
 */
export class IdentityFaults extends FaultInjector<IdentityEndpointName> {
	private denials: Denial[] = [];

	constructor() {
		super(renderOAuthFailure);
	}

	denyNext(options: DenyNextOptions): void {
		const count = options.count ?? 1;
		if (!Number.isInteger(count) || count < 1) {
			throw new RangeError(`count must be a whole number >= 1, got ${count}`);
		}
		if (typeof options.error !== 'string' || !/^[a-z_]+$/.test(options.error)) {
			throw new RangeError('denyNext needs an OAuth error code such as "access_denied"');
		}
		this.denials.push({ error: options.error, description: options.description, remaining: count });
	}

	/** The denial for the sign-in now happening, if one is armed. */
	takeDenial(): { error: AuthorizationErrorCode; description?: string } | undefined {
		const denial = this.denials[0];
		if (!denial) return undefined;
		denial.remaining -= 1;
		if (denial.remaining === 0) this.denials.shift();
		return { error: denial.error, description: denial.description };
	}

	override reset(): void {
		super.reset();
		this.denials = [];
	}
}

function renderOAuthFailure(res: Response, failure: Failure): void {
	const error =
		failure.code ??
		(failure.status === 401
			? 'invalid_client'
			: failure.status === 429 || failure.status === 503
				? 'temporarily_unavailable'
				: failure.status >= 500
					? 'server_error'
					: 'invalid_request');
	res.status(failure.status).json({
		error,
		...(failure.message === undefined ? {} : { error_description: failure.message }),
	});
}
