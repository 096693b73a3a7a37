import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { TransportError } from '../../../lib/http/errors';
import { queryString } from '../../../lib/http/query-string';
import { keepAliveRequest } from '../../../lib/http/keep-alive-client';
import { cancelSignal } from '../../shared/credential-context';
import { sendWithRules } from '../../../lib/http/request-rules';
import { MicrosoftAuthError, authErrorFrom } from '../../../lib/microsoft/auth-errors';
import { GraphError, graphErrorFrom } from '../../../lib/microsoft/graph/errors';
import { nextLinkOf } from '../../../lib/microsoft/graph/paging';
import type { GraphConnection, GraphContext } from './connection';
import { APP_CREDENTIAL, getGraphConnection } from './connection';

export type { GraphContext } from './connection';

export interface GraphRequest {
	method: IHttpRequestMethods;
	/** Below `/v1.0`: `/users/ada%40contoso.com/messages`. */
	path?: string;
	/** An absolute URL Graph gave (`@odata.nextLink`), only on the credential's Graph host. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/** What the request is about (`message AAMk…`), named in errors. */
	target?: string;
	/** Keep the body as bytes (attachment `$value`). */
	binary?: boolean;
}

const IDEMPOTENT = new Set<IHttpRequestMethods>(['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH']);

function urlOf(connection: GraphConnection, request: GraphRequest): string {
	if (request.url) return request.url;
	return `${connection.graphBase}${request.path ?? ''}${queryString(request.qs)}`;
}

/**
 * The one place that talks to Microsoft Graph. The token belongs to the credential: n8n adds it
 * (only on the Graph host), gets one when it is missing, and after a 401 gets a new one and
 * retries once. The transport rules apply: a timeout, no redirects, and 429/503 wait for
 * `Retry-After` (bounded by the credential's settings) — a throttled request was not carried
 * out, so it is sent again, never twice. Any other non-2xx answer becomes a `GraphError`.
 */
export async function graphRequest<Body = IDataObject>(
	context: GraphContext,
	request: GraphRequest,
): Promise<{ status: number; headers: IDataObject; body: Body }> {
	const connection = await getGraphConnection(context);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: urlOf(connection, request),
		headers: { Accept: 'application/json', ...request.headers },
		json: !request.binary,
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
	};
	if (request.binary) options.encoding = 'arraybuffer';
	if (request.body !== undefined) {
		options.body = request.body;
		(options.headers as IDataObject)['Content-Type'] = 'application/json';
	}
	const ruled = {
		options,
		idempotent: IDEMPOTENT.has(request.method),
		serverName: 'Microsoft Graph',
	};
	let answer: IN8nHttpFullResponse | undefined;
	try {
		const token = keptAliveToken(connection, request);
		if (token) {
			answer = await sendWithRules(
				async (attempt) =>
					await keepAliveRequest(
						{ ...attempt, headers: { ...attempt.headers, Authorization: `Bearer ${token}` } },
						cancelSignal(context),
					),
				ruled,
				connection.transport,
			);
			// 401: Graph refused the token. n8n's helper below sends the same token, gets the same
			// 401, runs the credential's preAuthentication, and retries once with the new token.
			if (answer.statusCode === 401) answer = undefined;
		}
		answer ??= await sendWithRules(
			async (attempt) =>
				(await context.helpers.httpRequestWithAuthentication.call(
					context,
					connection.credentialType,
					attempt,
					{ credentialsDecrypted: connection.credential },
				)) as IN8nHttpFullResponse,
			ruled,
			connection.transport,
		);
	} catch (error) {
		throw requestFailure(error, request);
	}
	if (answer.statusCode >= 200 && answer.statusCode < 300) {
		return { status: answer.statusCode, headers: answer.headers, body: answer.body as Body };
	}
	throw graphErrorFrom(answer.statusCode, answer.body, request.target);
}

/**
 * The app token to send over a kept-alive connection, when there is one: n8n's helper opens a
 * new connection (and TLS handshake) per request, which made Return All over https a third
 * slower than a plain client (bench/graph). The token is the credential's own, bound to its
 * settings and renewed before it expires (see connection.ts); the first request of an execution
 * without one, every 401, binary answers, and every request when n8n is set to use a proxy or
 * SSRF checks go through n8n's helper.
 */
function keptAliveToken(connection: GraphConnection, request: GraphRequest): string | undefined {
	if (!connection.keepAlive || request.binary || connection.credentialType !== APP_CREDENTIAL) {
		return undefined;
	}
	const token = connection.credential.data?.accessToken;
	return typeof token === 'string' && token !== '' ? token : undefined;
}

/**
 * What failed before Graph answered: the token request (msal's error, via preAuthentication),
 * the transport rules, or Graph refusing even a new token (n8n's error after its one retry).
 */
function requestFailure(error: unknown, request: GraphRequest): Error {
	if (error instanceof TransportError || error instanceof GraphError) return error;
	if (error instanceof MicrosoftAuthError) return error;
	const cause = (error as { cause?: unknown }).cause;
	if (cause instanceof MicrosoftAuthError) return cause;
	const status = Number((error as { httpCode?: unknown }).httpCode);
	if (status === 401) {
		return graphErrorFrom(401, { error: { code: 'InvalidAuthenticationToken' } }, request.target);
	}
	if (/AADSTS\d+/.test(String((error as Error).message))) return authErrorFrom(error);
	return error instanceof Error ? error : new Error(String(error));
}

/**
 * Every item of a list, page after page (`@odata.nextLink` exactly as given, on the Graph host
 * only), until `limit` items or the last page.
 */
export async function graphList(
	context: GraphContext,
	request: GraphRequest,
	limit?: number,
): Promise<IDataObject[]> {
	const connection = await getGraphConnection(context);
	const items: IDataObject[] = [];
	let next: GraphRequest | undefined = request;
	while (next) {
		const { body } = await graphRequest<IDataObject>(context, next);
		const value = Array.isArray(body.value) ? (body.value as IDataObject[]) : [];
		for (const item of value) {
			items.push(item);
			if (limit !== undefined && items.length >= limit) return items;
		}
		const link = nextLinkOf(body, connection.graphOrigin);
		next = link ? { ...request, url: link, qs: undefined, path: undefined } : undefined;
	}
	return items;
}
