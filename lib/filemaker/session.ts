import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import type { TransportSettings } from '../http/request-rules';
import { FileMakerError, fileMakerErrorFromAnswer, hintFor } from './errors';
import type { HttpRequest } from './exchange';
import { exchangeWithServer } from './exchange';
import type { FileMakerTarget } from './target';
import { dataApiBaseUrl, databaseUrl } from './target';

export type { HttpRequest };

/**
 * How one authentication kind opens a Data API session: the headers of `POST …/sessions`
 * (`Authorization: Basic` for an account, `Authorization: FMID <idToken>` for FileMaker Cloud,
 * `X-FM-Data-OAuth-Request-Id` and `-Identifier` for an OAuth sign-in), and who that is.
 */
export interface SessionAuthorization {
	headers: Record<string, string>;
	/** For messages: `account "admin"`. */
	describe: string;
}

async function request(
	http: HttpRequest,
	target: FileMakerTarget,
	transport: TransportSettings,
	options: Parameters<HttpRequest>[0],
	idempotent: boolean,
): Promise<IN8nHttpFullResponse> {
	return await exchangeWithServer(http, target, transport, options, idempotent);
}

/**
 * Opens a Data API session (`POST …/databases/<db>/sessions`) with the headers of one
 * authentication kind and returns its token, from the `X-FM-Data-Access-Token` header (or
 * `response.token`). Errors name FileMaker's code and never contain a secret.
 */
export async function openSession(
	http: HttpRequest,
	target: FileMakerTarget,
	authorization: SessionAuthorization,
	transport: TransportSettings,
): Promise<string> {
	const answer = await request(
		http,
		target,
		transport,
		{
			method: 'POST',
			url: `${databaseUrl(target)}/sessions`,
			headers: { ...authorization.headers, 'Content-Type': 'application/json' },
			body: {},
		},
		false,
	);
	const token = sessionTokenOf(answer);
	if (answer.statusCode === 200 && token) return token;

	const loginFailed = `FileMaker Server refused the login of ${authorization.describe} to database "${target.database}"`;
	throw (
		fileMakerErrorFromAnswer(answer.body, answer.statusCode, undefined, loginFailed) ??
		new FileMakerError(
			`${loginFailed}: HTTP ${answer.statusCode} without a FileMaker answer. Is ${target.serverUrl} a FileMaker Server with the Data API enabled?`,
			undefined,
			undefined,
			answer.statusCode,
			hintFor('953'),
		)
	);
}

function sessionTokenOf(answer: IN8nHttpFullResponse): string | undefined {
	const header = answer.headers['x-fm-data-access-token'];
	if (typeof header === 'string' && header) return header;
	const body = answer.body as { response?: IDataObject } | undefined;
	const token = body?.response?.token;
	return typeof token === 'string' && token ? token : undefined;
}

/** Whether an idempotent request answers 200; any failure, even to connect, is a "no". */
async function answersOk(
	http: HttpRequest,
	target: FileMakerTarget,
	transport: TransportSettings,
	options: Parameters<HttpRequest>[0],
): Promise<boolean> {
	try {
		return (await request(http, target, transport, options, true)).statusCode === 200;
	} catch {
		return false;
	}
}

/**
 * Whether FileMaker still accepts a session token (`GET /validateSession`, FileMaker Server
 * 19.1 and later). Any other answer, older servers' 404 included, counts as "no".
 */
export async function isSessionValid(
	http: HttpRequest,
	target: FileMakerTarget,
	token: string,
	transport: TransportSettings,
): Promise<boolean> {
	return await answersOk(http, target, transport, {
		method: 'GET',
		url: `${dataApiBaseUrl(target)}/validateSession`,
		headers: { Authorization: `Bearer ${token}` },
	});
}

/**
 * Logs a session out (`DELETE …/sessions/<token>`) on the server that opened it, so it does not
 * hold one of the server's Data API connections until its idle timeout. Best effort: a session
 * that is already gone, or a server that does not answer, is not an error here.
 */
export async function closeSession(
	http: HttpRequest,
	target: FileMakerTarget,
	token: string,
	transport: TransportSettings,
): Promise<boolean> {
	return await answersOk(http, target, transport, {
		method: 'DELETE',
		url: `${databaseUrl(target)}/sessions/${encodeURIComponent(token)}`,
	});
}
