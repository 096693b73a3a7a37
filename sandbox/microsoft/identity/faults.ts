import type { Response } from 'express';
import type { SandboxClock } from '../../shared/clock';
import { FaultInjector, type Failure } from '../../shared/faults';
import { AadstsError } from './aadsts';
import type { MicrosoftIdentityEndpointName } from './endpoints';
import { errorPage } from './pages';
import { aadTimestamp, sendTokenError, traceOf } from './wire';

/** What a failure of a given status says when the test names no error: Entra's words for it. */
function defaultsFor(status: number): { error: string; code: number; text: string } {
	if (status === 429) {
		return {
			error: 'temporarily_unavailable',
			code: 90055,
			text: 'TenantThrottlingError - There are too many incoming requests. Try again later.',
		};
	}
	if (status === 503) {
		return {
			error: 'temporarily_unavailable',
			code: 90006,
			text: 'ExternalServerRetryableError - The service is temporarily unavailable.',
		};
	}
	if (status >= 500) {
		return {
			error: 'server_error',
			code: 50000,
			text: 'There was an error issuing a token or an issue with our sign-in service.',
		};
	}
	if (status === 401) {
		return { error: 'invalid_client', code: 7000215, text: 'Invalid client secret provided.' };
	}
	return {
		error: 'invalid_request',
		code: 90023,
		text: "InvalidRequest - The authentication service request isn't valid.",
	};
}

/**
 * The fault switches of the Microsoft identity sandbox. Failures answer in Entra's shape: the
 * JSON error (`error`, `error_description` "AADSTS…", `error_codes`, trace and correlation ids)
 * on the token endpoint, the "trouble signing you in" page on the authorization endpoint.
 * `failNext({ code })` takes an OAuth error (`invalid_grant`) or an AADSTS code (`AADSTS70008`).
 */
export class MicrosoftIdentityFaults extends FaultInjector<MicrosoftIdentityEndpointName> {
	constructor(clock: SandboxClock) {
		super((res, failure) => renderFailure(res, failure, clock));
	}
}

function renderFailure(res: Response, failure: Failure, clock: SandboxClock): void {
	const defaults = defaultsFor(failure.status);
	const aadsts = /^AADSTS(\d+)$/i.exec(failure.code ?? '');
	const error = new AadstsError(
		failure.status,
		aadsts || failure.code === undefined ? defaults.error : failure.code,
		aadsts ? Number(aadsts[1]) : defaults.code,
		failure.message ?? defaults.text,
	);
	const trace = traceOf(res.req);
	if (/\/oauth2\/v2\.0\/authorize$/i.test(res.req.path)) {
		res
			.status(error.status)
			.type('html')
			.send(errorPage(error, trace, aadTimestamp(clock.now())));
		return;
	}
	sendTokenError(res, error, trace, clock.now());
}
