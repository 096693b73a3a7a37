import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { AadstsError } from './aadsts';

/** The ids Entra stamps on every answer: its own trace id, and the client's correlation id. */
export interface RequestTrace {
	traceId: string;
	correlationId: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A new trace id; the correlation id the client sent (`client-request-id` header, or the form
 * parameter msal adds) when it is a GUID, a new one otherwise.
 */
export function traceOf(req: Request): RequestTrace {
	const body = (req.body ?? {}) as Record<string, unknown>;
	const candidates = [req.get('client-request-id'), body['client-request-id']];
	const sent = candidates.find(
		(value): value is string => typeof value === 'string' && GUID.test(value),
	);
	return { traceId: randomUUID(), correlationId: sent ?? randomUUID() };
}

/** `2016-01-09 02:02:12Z`, the form of `timestamp` in Entra's error answers. */
export function aadTimestamp(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** `2023-08-01T11:08:01.5274809Z`, the form of dates inside AADSTS texts. */
export function aadDateTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export interface AadErrorBody {
	error: string;
	error_description: string;
	error_codes: number[];
	timestamp: string;
	trace_id: string;
	correlation_id: string;
	error_uri: string;
}

/** The JSON error of the token endpoint, as in the error-code reference's sample answer. */
export function errorBody(error: AadstsError, trace: RequestTrace, nowMs: number): AadErrorBody {
	const timestamp = aadTimestamp(nowMs);
	return {
		error: error.error,
		error_description: `AADSTS${error.code}: ${error.text}\r\nTrace ID: ${trace.traceId}\r\nCorrelation ID: ${trace.correlationId}\r\nTimestamp: ${timestamp}`,
		error_codes: [error.code],
		timestamp,
		trace_id: trace.traceId,
		correlation_id: trace.correlationId,
		error_uri: `https://login.microsoftonline.com/error?code=${error.code}`,
	};
}

/**
 * Headers on every token endpoint answer: never cached, the request and correlation ids
 * (`x-ms-request-id`, `client-request-id`), as Entra sends them.
 */
export function setTokenHeaders(res: Response, trace: RequestTrace): void {
	res.setHeader('Cache-Control', 'no-store, no-cache');
	res.setHeader('Pragma', 'no-cache');
	res.setHeader('Expires', '-1');
	res.setHeader('x-ms-request-id', trace.traceId);
	res.setHeader('client-request-id', trace.correlationId);
}

export function sendTokenError(
	res: Response,
	error: AadstsError,
	trace: RequestTrace,
	nowMs: number,
): void {
	setTokenHeaders(res, trace);
	res.status(error.status).json(errorBody(error, trace, nowMs));
}

/** The first string value of each parameter (a repeated one counts once). */
export function stringsOf(source: unknown): Record<string, string | undefined> {
	const result: Record<string, string | undefined> = {};
	if (typeof source !== 'object' || source === null) return result;
	for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
		const first = Array.isArray(value) ? (value as unknown[])[0] : value;
		if (typeof first === 'string') result[name] = first;
	}
	return result;
}
