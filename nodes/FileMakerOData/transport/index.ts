import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { connectionError } from '../../../lib/filemaker/connection-error';
import { signedInODataEnded } from '../../../lib/filemaker/oauth/signed-in-credential';
import { ODataError, odataErrorFromAnswer } from '../../../lib/filemaker/odata/errors';
import { parseLenientJson } from '../../../lib/filemaker/odata/lenient-json';
import { serverName } from '../../../lib/filemaker/target';
import { TransportError } from '../../../lib/http/errors';
import { queryString } from '../../../lib/http/query-string';
import { plainSend } from '../../../lib/http/plain-send';
import { sendWithRules } from '../../../lib/http/request-rules';
import { cancelSignal } from '../../shared/credential-context';
import type { ODataConnection, ODataContext } from './connection';
import { getODataConnection } from './connection';

export type { ODataContext } from './connection';

export interface ODataRequest {
	method: IHttpRequestMethods;
	/** Below the database: `/Contacts`, `/Contacts(7)`, `/$metadata`. */
	path?: string;
	/** An absolute URL the server gave (`@odata.nextLink`); only on the credential's server. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/** What the request is about (`table "Contacts", key 7`), named in errors. */
	target?: string;
	/** Keep the answer as text (`$metadata` is XML, `$batch` multipart). */
	text?: boolean;
	/** A body already serialized (a `$batch`), sent with the `Content-Type` in `headers`. */
	rawBody?: string;
	accept?: string;
}

export interface ODataAnswer<Body> {
	status: number;
	headers: IDataObject;
	body: Body;
}

async function authorization(
	context: ODataContext,
	connection: ODataConnection,
	renew = false,
): Promise<Record<string, string>> {
	if (renew || !connection.authorization) {
		connection.authorization = connection.settings
			.authorize(context.helpers.httpRequest, renew)
			.then((grant) => {
				// An idToken renewed here serves the rest of this execution.
				Object.assign(connection.data, grant.keep);
				return grant.authorization.headers;
			});
	}
	return await connection.authorization;
}

function targetUrl(connection: ODataConnection, request: ODataRequest): string {
	if (!request.url)
		return `${connection.serviceUrl}${request.path ?? ''}${queryString(request.qs)}`;
	const given = new URL(request.url, connection.serviceUrl);
	const service = new URL(connection.serviceUrl);
	if (given.origin !== service.origin || !given.pathname.startsWith(service.pathname)) {
		throw new ODataError(
			`FileMaker Server gave a next-page link outside this database (${given.origin}${given.pathname}); it was not followed`,
			undefined,
			undefined,
			'Paging links are followed only on the server and database of the credential.',
		);
	}
	return given.toString();
}

async function send(
	context: ODataContext,
	connection: ODataConnection,
	options: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	return await sendWithRules(
		plainSend(connection.keepAlive, context.helpers.httpRequest, cancelSignal(context)),
		{
			options,
			idempotent: options.method === 'GET' || options.method === 'DELETE',
			serverName: serverName(connection.settings.target),
		},
		connection.settings.transport,
	);
}

function failureOf(error: unknown, connection: ODataConnection): Error {
	if (error instanceof TransportError || error instanceof ODataError) return error;
	return connectionError(error, connection.settings.target.serverUrl);
}

function bodyOf(answer: IN8nHttpFullResponse, text: boolean | undefined): unknown {
	if (text || typeof answer.body !== 'string') return answer.body;
	const raw = answer.body.trim();
	return raw.startsWith('{') || raw.startsWith('[') ? parseLenientJson(raw) : answer.body;
}

/**
 * The one place that talks to FileMaker's OData API. OData has no session: every request
 * carries the credential's authentication kind (`Basic` or `FMID <idToken>`) and never opens a
 * Data API session. It follows the transport rules (timeout, no redirects, Retry-After); a 401
 * renews a renewable grant (an idToken) once. Answers other than 2xx become an `ODataError`.
 */
export async function odataRequest<Body = IDataObject>(
	context: ODataContext,
	request: ODataRequest,
	exactNumbers = false,
): Promise<ODataAnswer<Body>> {
	const connection = await getODataConnection(context);
	const accept =
		request.accept ??
		(request.text
			? 'application/xml'
			: `application/json${exactNumbers ? ';IEEE754Compatible=true' : ''}`);
	const attempt = async (renew: boolean) => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: targetUrl(connection, request),
			json: false,
			headers: {
				Accept: accept,
				'OData-Version': '4.0',
				...request.headers,
				...(await authorization(context, connection, renew)),
			},
		};
		if (request.rawBody !== undefined) options.body = request.rawBody;
		if (request.body !== undefined) {
			options.body = JSON.stringify(request.body);
			(options.headers as IDataObject)['Content-Type'] =
				`application/json${exactNumbers ? ';IEEE754Compatible=true' : ''}`;
		}
		return await send(context, connection, options);
	};
	let answer: IN8nHttpFullResponse;
	try {
		answer = await attempt(false);
		if (answer.statusCode === 401 && connection.settings.renewable) answer = await attempt(true);
	} catch (error) {
		throw failureOf(error, connection);
	}
	if (answer.statusCode === 401 && connection.signedIn) throw signedInODataEnded();
	const body = bodyOf(answer, request.text);
	if (answer.statusCode >= 200 && answer.statusCode < 300) {
		return { status: answer.statusCode, headers: answer.headers, body: body as Body };
	}
	throw odataErrorFromAnswer(body, answer.statusCode, request.target);
}

/** `/<table>` or `/<table>(<key>)`, the table name URL-encoded. */
export function tablePath(table: string, key?: string): string {
	return `/${encodeURIComponent(table)}${key ?? ''}`;
}
