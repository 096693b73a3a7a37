import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import type { FileMakerEnvelope } from '../../../lib/filemaker/envelope';
import { isFileMakerEnvelope, mainMessage } from '../../../lib/filemaker/envelope';
import { fileMakerErrorFromAnswer } from '../../../lib/filemaker/errors';
import { exchangeWithDataApi } from './data-api-exchange';
import { toFileMakerError, unexpectedAnswerError } from './errors';
import type { FileMakerContext } from './connection';
import { getConnection } from './connection';

export type { FileMakerContext } from './connection';

export interface FileMakerRequest {
	method: IHttpRequestMethods;
	/** Path below `/databases/<database>`, from `onLayout` or `onDatabase`. */
	path: string;
	/** What the request is about (`layout "Contacts", record 7`), named in errors. */
	target?: string;
	qs?: IDataObject;
	/** JSON, or a multipart form for container uploads. */
	body?: IDataObject | FormData;
	/** A POST that changes nothing (a find), so it may be sent again after a connection reset. */
	readOnly?: boolean;
}

type Segment = string | number;

function encodePath(segments: Segment[]): string {
	return segments.map((segment) => `/${encodeURIComponent(String(segment))}`).join('');
}

/**
 * `/layouts/<layout>/<segments...>`, every segment URL-encoded, and the target for errors. A
 * `_find` is marked read-only: it is a POST that changes nothing.
 */
export function onLayout(
	layout: string,
	...segments: Segment[]
): Pick<FileMakerRequest, 'path' | 'target' | 'readOnly'> {
	const recordId = segments[0] === 'records' ? segments[1] : undefined;
	return {
		path: encodePath(['layouts', layout, ...segments]),
		target: `layout "${layout}"${recordId === undefined ? '' : `, record ${recordId}`}`,
		readOnly: segments[0] === '_find',
	};
}

/** `/<segments...>` below the database, every segment URL-encoded. */
export function onDatabase(...segments: Segment[]): Pick<FileMakerRequest, 'path'> {
	return { path: encodePath(segments) };
}

const IDEMPOTENT_METHODS = new Set<IHttpRequestMethods>(['GET', 'HEAD', 'PUT', 'DELETE']);

/**
 * The one place that talks to the Data API for the node. Authentication belongs to the
 * credential: n8n adds the session token, logs in when it is missing, and on HTTP 401
 * (FileMaker code 952, an expired session) logs in again and retries once. Any answer other
 * than "0 OK" becomes a `FileMakerError` naming FileMaker's code and message.
 */
export async function fileMakerRequest<Response = IDataObject>(
	context: FileMakerContext,
	request: FileMakerRequest,
): Promise<FileMakerEnvelope<Response>> {
	const connection = await getConnection(context);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${connection.databaseUrl}${request.path}`,
		qs: request.qs,
		json: true,
		skipSslCertificateValidation: connection.target.allowSelfSigned,
	};
	if (request.body instanceof FormData) {
		// n8n's request type names the `form-data` package, but its HTTP client (axios) sends a
		// standard FormData natively. Unlike a form-data stream, it can be sent twice, so n8n's
		// retry after a re-login works for uploads too.
		options.body = request.body as unknown as IHttpRequestOptions['body'];
	} else if (request.body !== undefined) {
		options.body = request.body;
		options.headers = { 'Content-Type': 'application/json' };
	}
	const idempotent = IDEMPOTENT_METHODS.has(request.method) || request.readOnly === true;
	let answer;
	try {
		answer = await exchangeWithDataApi(context, connection, options, idempotent);
	} catch (error) {
		throw toFileMakerError(error, connection.target.serverUrl, request.target);
	}
	const body = answer.body as FileMakerEnvelope<Response>;
	const ok = answer.statusCode >= 200 && answer.statusCode < 300;
	if (ok && isFileMakerEnvelope(body) && mainMessage(body).code === '0') return body;
	throw (
		fileMakerErrorFromAnswer(answer.body, answer.statusCode, request.target) ??
		unexpectedAnswerError(answer.statusCode)
	);
}
