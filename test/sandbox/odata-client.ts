import type { FileMakerSandbox } from '../../sandbox/filemaker';
import { basicAuth } from './data-api';

export const ODATA = '/fmi/odata/v4';

export interface ODataAnswer {
	status: number;
	headers: Headers;
	text: string;
	/** The parsed JSON body, or undefined when the body is empty or not JSON. */
	body: Record<string, unknown> | undefined;
}

/**
 * A plain-fetch OData client for protocol tests: paths are relative to the demo file's service
 * root `/fmi/odata/v4/Contacts`; absolute URLs (next links) are used as given.
 */
export async function odata(
	fm: Pick<FileMakerSandbox, 'url'>,
	method: string,
	path: string,
	options: { body?: unknown; headers?: Record<string, string>; auth?: string | null } = {},
): Promise<ODataAnswer> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.auth !== null) headers.Authorization = options.auth ?? basicAuth();
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['Content-Type'] ??= 'application/json';
	}
	const url = path.startsWith('http') ? path : `${fm.url}${ODATA}/Contacts${path}`;
	const response = await fetch(url, { method, headers, body });
	const text = await response.text();
	let parsed: Record<string, unknown> | undefined;
	try {
		parsed = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
	} catch {
		parsed = undefined;
	}
	return { status: response.status, headers: response.headers, text, body: parsed };
}

export type Row = Record<string, unknown>;

export function rowsOf(answer: ODataAnswer): Row[] {
	return (answer.body?.value ?? []) as Row[];
}

export function errorOf(answer: ODataAnswer): { code: string; message: string } {
	return (answer.body as { error: { code: string; message: string } }).error;
}

/** `$filter=` with the expression percent-encoded. */
export function filterQuery(expression: string): string {
	return `$filter=${encodeURIComponent(expression)}`;
}
