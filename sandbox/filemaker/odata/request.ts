import type { FileMakerServices } from '../services';

/** One OData request, from HTTP or from a `$batch` part. */
export interface ODataRequest {
	method: string;
	/** The path after `/fmi/odata/v4`, still percent-encoded, e.g. `/Contacts/Contacts(1)`. */
	path: string;
	/** The raw query string without `?`. */
	query: string;
	/** Header names in lower case. */
	headers: Record<string, string | undefined>;
	body: Buffer;
	/** `http://host:port` as the client addressed the server. */
	origin: string;
}

export interface ODataResponse {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/** The OData settings of a sandbox, changeable while it runs (`fm.odata`). */
export interface ODataSettings {
	/** Rows per page before `@odata.nextLink` (FileMaker: 10,000). */
	pageSize: number;
	/** Send control characters inside JSON strings unescaped, as FileMaker sometimes does. */
	rawControlCharacters: boolean;
}

export interface ODataContext {
	services: FileMakerServices;
	settings: ODataSettings;
	/** The account the request acts as, once authenticated (its record-level access applies). */
	account?: string;
}

export const SERVICE_ROOT = '/fmi/odata/v4';

/** Query parameters, percent-decoded; `+` stays a plus (encode spaces as `%20`). */
export function queryParams(query: string): Map<string, string> {
	const params = new Map<string, string>();
	for (const pair of query.split('&')) {
		if (pair === '') continue;
		const equals = pair.indexOf('=');
		const name = decode(equals === -1 ? pair : pair.slice(0, equals));
		params.set(name, equals === -1 ? '' : decode(pair.slice(equals + 1)));
	}
	return params;
}

function decode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** OData 4.01 annotation names (`@context`), or 4.0 (`@odata.context`) for 4.0 clients. */
export function annotation(request: ODataRequest, name: string): string {
	const version = request.headers['odata-maxversion'] ?? request.headers['odata-version'];
	return version?.trim() === '4.0' ? `@odata.${name}` : `@${name}`;
}

export function ieee754Compatible(request: ODataRequest): boolean {
	const header = `${request.headers.accept ?? ''};${request.headers['content-type'] ?? ''}`;
	return /IEEE754Compatible=true/i.test(header);
}

export function json(
	request: ODataRequest,
	settings: ODataSettings,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): ODataResponse {
	let text = JSON.stringify(body);
	if (settings.rawControlCharacters) text = unescapeControlCharacters(text);
	return {
		status,
		headers: {
			'Content-Type': `application/json;charset=utf-8`,
			'OData-Version': request.headers['odata-maxversion']?.trim() === '4.0' ? '4.0' : '4.01',
			...headers,
		},
		body: text,
	};
}

/** Turns JSON's `\n`, `\t`, `\u0001`, … escapes back into the raw characters. */
function unescapeControlCharacters(text: string): string {
	return text.replace(/\\(\\|u00[01][0-9a-fA-F]|[nrtbf])/g, (whole, escape: string) => {
		if (escape === '\\') return whole;
		const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
		return simple[escape] ?? String.fromCharCode(parseInt(escape.slice(3), 16));
	});
}
