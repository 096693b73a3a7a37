import { GraphError, unreadableBody } from './errors';

/** One request to the Graph sandbox, as the handlers see it. */
export interface GraphRequest {
	method: string;
	/** Path segments after `/v1.0`, percent-decoded, `name('key')` split into two. */
	segments: string[];
	/** The path as the client sent it (still encoded), e.g. `/v1.0/me/messages`. */
	rawPath: string;
	/** Query parameters, decoded as a form (`+` is a space, as ASP.NET reads them). */
	query: URLSearchParams;
	/** Header names in lower case. */
	headers: Record<string, string | undefined>;
	body: Buffer;
	/** `http://127.0.0.1:port` as the client addressed the sandbox. */
	origin: string;
}

export interface GraphResponse {
	status: number;
	headers: Record<string, string>;
	body?: string | Buffer;
}

/** The content type Graph answers JSON with. */
export const JSON_CONTENT_TYPE =
	'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
	return {
		status,
		headers: { 'Content-Type': JSON_CONTENT_TYPE, 'OData-Version': '4.0', ...headers },
		body: JSON.stringify(body),
	} satisfies GraphResponse;
}

export function empty(status: number, headers: Record<string, string> = {}): GraphResponse {
	return { status, headers: { 'Content-Length': '0', ...headers } };
}

/** A query option by name, case-insensitively (`$top` or `$TOP`); undefined when absent. */
export function option(request: GraphRequest, name: string): string | undefined {
	const lower = name.toLowerCase();
	for (const [key, value] of request.query) {
		if (key.toLowerCase() === lower) return value;
	}
	return undefined;
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as a JSON object; `{}` for an empty body when `allowEmpty`. */
export function jsonBody(request: GraphRequest, allowEmpty = false): JsonObject {
	const text = request.body.toString('utf8').trim();
	if (text === '') {
		if (allowEmpty) return {};
		throw unreadableBody('Empty Payload. JSON content expected.');
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw unreadableBody('Invalid JSON. A token was not recognized in the JSON content.');
	}
	if (!isObject(value)) throw unreadableBody('Invalid JSON. An object was expected.');
	return value;
}

/** A property of a JSON object by name, case-insensitively (Graph's reader is lenient). */
export function prop(object: JsonObject, name: string): unknown {
	if (name in object) return object[name];
	const lower = name.toLowerCase();
	for (const [key, value] of Object.entries(object)) {
		if (key.toLowerCase() === lower) return value;
	}
	return undefined;
}

/** `2018-08-12T08:43:22Z`: Graph's DateTimeOffset, to the second. */
export function isoSeconds(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `2019-09-25T01:09:30.7671707Z`: seven fraction digits, as upload sessions write them. */
export function isoTicks(ms: number): string {
	return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export function methodNotAllowed(): GraphError {
	return new GraphError(
		405,
		'Request_BadRequest',
		'Specified HTTP method is not allowed for the request target.',
	);
}
