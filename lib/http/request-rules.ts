import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { isConnectionReset, isTimeout } from './connection-failures';
import { RedirectRefusedError, RequestTimeoutError, ServerBusyError } from './errors';
import { retryAfterMs } from './retry-after';

/** How patient requests are; a credential's settings, the same for every request it makes. */
export interface TransportSettings {
	/** Per attempt, from sending to the last byte of the answer. */
	timeoutMs: number;
	/** How many times an answer of 429 or 503 is retried. */
	busyRetries: number;
	/** The longest single wait for a retry; a server asking for more gets an error at once. */
	maxRetryWaitMs: number;
}

export const DEFAULT_TRANSPORT_SETTINGS: TransportSettings = {
	timeoutMs: 60_000,
	busyRetries: 3,
	maxRetryWaitMs: 60_000,
};

export interface RuledRequest {
	options: IHttpRequestOptions;
	/** Safe to send twice: reads, PUT, DELETE, and finds (a POST that changes nothing). */
	idempotent: boolean;
	/** Names the server in errors: `FileMaker Server at https://fms.example.com`. */
	serverName: string;
}

/** Sends one request and returns the full answer, whatever its status (but see `ignoreHttpStatusErrors`). */
export type Send = (options: IHttpRequestOptions) => Promise<IN8nHttpFullResponse>;

/** n8n's `helpers.httpRequest`, or anything that sends like it (a credential test's legacy helper). */
export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/** n8n's `helpers.httpRequest` as a `Send`: the rules always ask it for the full response. */
export function viaHttpRequest(httpRequest: HttpRequest): Send {
	return async (options) => (await httpRequest(options)) as IN8nHttpFullResponse;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const BUSY_STATUSES = new Set([429, 503]);
/** When a busy answer names no wait: 1 s, 2 s, 4 s, ... */
const FIRST_BACKOFF_MS = 1000;

/**
 * The transport rules every request of this package follows, whoever sends it (n8n's helper or
 * the keep-alive client): a timeout on every attempt; redirects are never followed, because
 * n8n copies the Authorization header onto a redirect to another host; 429 and 503 wait for
 * `Retry-After` and retry, bounded; a connection reset is retried once when the request is
 * idempotent. 401 is left to the caller: it belongs to n8n's credential lifecycle.
 */
export async function sendWithRules(
	send: Send,
	request: RuledRequest,
	settings: TransportSettings,
): Promise<IN8nHttpFullResponse> {
	const options: IHttpRequestOptions = {
		ignoreHttpStatusErrors: true,
		...request.options,
		timeout: settings.timeoutMs,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		returnFullResponse: true,
	};
	let busyAnswers = 0;
	let resetRetried = false;
	for (;;) {
		let answer: IN8nHttpFullResponse;
		try {
			answer = await send(options);
		} catch (error) {
			if (isTimeout(error)) throw timeoutError(request, settings);
			if (isConnectionReset(error) && request.idempotent && !resetRetried) {
				resetRetried = true;
				continue;
			}
			throw error;
		}
		if (REDIRECT_STATUSES.has(answer.statusCode)) throw redirectError(request, answer);
		if (!BUSY_STATUSES.has(answer.statusCode)) return answer;

		const asked = retryAfterMs(answer.headers['retry-after']);
		const wait = asked ?? FIRST_BACKOFF_MS * 2 ** busyAnswers;
		busyAnswers++;
		if (busyAnswers > settings.busyRetries) throw busyError(request, answer, busyAnswers);
		if (wait > settings.maxRetryWaitMs) throw tooLongWaitError(request, answer, wait, settings);
		await sleep(wait);
	}
}

function seconds(ms: number): string {
	return `${Math.round(ms / 100) / 10} s`;
}

function timeoutError(request: RuledRequest, settings: TransportSettings) {
	return new RequestTimeoutError(
		`${request.serverName} did not answer within ${seconds(settings.timeoutMs)} (the credential's Timeout)`,
		'Check that the server is running and reachable from n8n. If this request is expected to take longer (a long script, a large page of records), raise "Timeout (Seconds)" in the credential.',
	);
}

function redirectError(request: RuledRequest, answer: IN8nHttpFullResponse) {
	const requested = new URL(request.options.url);
	const header = answer.headers.location;
	const location =
		typeof header === 'string' && URL.canParse(header, requested.toString()) ? header : '';
	const target = location ? new URL(location, requested) : undefined;
	const elsewhere = target !== undefined && target.origin !== requested.origin;
	const where = target
		? elsewhere
			? `another server, ${target.origin}`
			: `${target.pathname} on the same server`
		: 'an address it did not name';
	return new RedirectRefusedError(
		`${request.serverName} answered with a redirect (HTTP ${answer.statusCode}) to ${where}. Requests that carry the credential do not follow redirects${elsewhere ? ', so nothing was sent there' : ''}.`,
		elsewhere
			? 'If the server has moved, enter its new address as the server URL in the credential. A proxy or load balancer in front of the server must forward requests, not redirect them.'
			: 'Check the server URL in the credential: enter the address the server answers on directly (for example https:// instead of http://).',
		answer.statusCode,
	);
}

function busyError(request: RuledRequest, answer: IN8nHttpFullResponse, answers: number) {
	return new ServerBusyError(
		`${request.serverName} is busy: it answered HTTP ${answer.statusCode} ${answers} times in a row`,
		'Try again later. To wait longer by itself, raise "Retries When Busy" in the credential.',
		answer.statusCode,
	);
}

function tooLongWaitError(
	request: RuledRequest,
	answer: IN8nHttpFullResponse,
	wait: number,
	settings: TransportSettings,
) {
	return new ServerBusyError(
		`${request.serverName} is busy (HTTP ${answer.statusCode}) and asked to wait ${seconds(wait)} before a retry, longer than the ${seconds(settings.maxRetryWaitMs)} the credential allows`,
		'Try again later, or raise "Longest Wait Before a Retry (Seconds)" in the credential.',
		answer.statusCode,
	);
}
