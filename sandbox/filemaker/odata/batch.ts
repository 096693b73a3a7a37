import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { DatabaseSchema } from '../schema';
import { ODataError } from './errors';
import {
	boundaryOf,
	parseHttpMessage,
	parseMultipart,
	writeMultipart,
	type MultipartPart,
} from './multipart';
import { SERVICE_ROOT, type ODataContext, type ODataRequest, type ODataResponse } from './request';

type Handle = (request: ODataRequest) => Promise<ODataResponse>;

/**
 * `POST /{db}/$batch` (multipart/mixed). Requests run in order with the outer request's
 * credentials. A changeset (a nested multipart/mixed) is all or nothing: when one of its
 * requests fails, its earlier writes are rolled back and the changeset answers with that one
 * failed response instead of a nested multipart (OData 4.0 Part 1 §11.7.4). After a failure
 * the batch stops unless `Prefer: odata.continue-on-error`.
 */
export async function runBatch(
	context: ODataContext,
	request: ODataRequest,
	database: DatabaseSchema,
	handle: Handle,
): Promise<ODataResponse> {
	const boundary = boundaryOf(request.headers['content-type']);
	if (!/^multipart\/mixed/i.test(request.headers['content-type'] ?? '') || !boundary) {
		throw new ODataError(
			400,
			'-1002',
			'Error: $batch needs Content-Type multipart/mixed with a boundary',
		);
	}
	const continueOnError = /odata\.continue-on-error/i.test(request.headers.prefer ?? '');
	const answers: MultipartPart[] = [];
	for (const part of parseMultipart(request.body.toString('utf8'), boundary)) {
		const nested = boundaryOf(part.headers['content-type']);
		let failed: boolean;
		if (/^multipart\/mixed/i.test(part.headers['content-type'] ?? '') && nested) {
			const snapshot = context.services.store.snapshot();
			const responses: MultipartPart[] = [];
			failed = false;
			for (const inner of parseMultipart(part.body, nested)) {
				const response = await handle(innerRequest(request, database, inner));
				if (response.status >= 400) {
					context.services.store.restore(snapshot);
					answers.push(httpPart(response, inner.headers['content-id']));
					failed = true;
					break;
				}
				responses.push(httpPart(response, inner.headers['content-id']));
			}
			if (!failed) {
				const changesetBoundary = `changesetresponse_${randomUUID()}`;
				answers.push({
					headers: { 'Content-Type': `multipart/mixed; boundary=${changesetBoundary}` },
					body: writeMultipart(changesetBoundary, responses).replace(/\r\n$/, ''),
				});
			}
		} else {
			const response = await handle(innerRequest(request, database, part));
			answers.push(httpPart(response, part.headers['content-id']));
			failed = response.status >= 400;
		}
		if (failed && !continueOnError) break;
	}
	const responseBoundary = `batchresponse_${randomUUID()}`;
	return {
		status: 200,
		headers: {
			'Content-Type': `multipart/mixed; boundary=${responseBoundary}`,
			'OData-Version': '4.0',
		},
		body: writeMultipart(responseBoundary, answers),
	};
}

/** The request in an `application/http` part; its URL may be absolute, rooted or relative. */
function innerRequest(
	outer: ODataRequest,
	database: DatabaseSchema,
	part: MultipartPart,
): ODataRequest {
	const message = parseHttpMessage(part.body);
	const [method = 'GET', target = ''] = message.startLine.split(' ');
	let url = target;
	if (/^https?:\/\//i.test(url)) url = new URL(url).pathname + new URL(url).search;
	if (!url.startsWith('/')) url = `${SERVICE_ROOT}/${encodeURIComponent(database.name)}/${url}`;
	if (url.startsWith(SERVICE_ROOT)) url = url.slice(SERVICE_ROOT.length);
	const question = url.indexOf('?');
	return {
		method: method.toUpperCase(),
		path: question === -1 ? url : url.slice(0, question),
		query: question === -1 ? '' : url.slice(question + 1),
		headers: {
			...message.headers,
			authorization: outer.headers.authorization,
			'x-fm-data-oauth-request-id': outer.headers['x-fm-data-oauth-request-id'],
			'x-fm-data-oauth-identifier': outer.headers['x-fm-data-oauth-identifier'],
		},
		body: Buffer.from(message.body, 'utf8'),
		origin: outer.origin,
	};
}

function httpPart(response: ODataResponse, contentId: string | undefined): MultipartPart {
	const head = Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`);
	const statusLine = `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`.trimEnd();
	const headers: Record<string, string> = {
		'Content-Type': 'application/http',
		'Content-Transfer-Encoding': 'binary',
	};
	if (contentId !== undefined) headers['Content-ID'] = contentId;
	return { headers, body: [statusLine, ...head, '', response.body].join('\r\n') };
}
