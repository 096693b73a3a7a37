import { authenticate, mailboxFor, type Access, type Caller, type MailboxTarget } from '../auth';
import { preferredBodyType } from '../body';
import type { GraphContext } from '../context';
import { badRequest } from '../errors';
import { option, type GraphRequest, type GraphResponse } from '../http';
import type { BodyType, Mailbox } from '../model';

/** What the router took from the path. */
export interface RouteParams {
	target: MailboxTarget;
	/** `me` or `users/{id}` as the client wrote it (for links Graph builds from the path). */
	mailboxPath: string;
	folder?: string;
	message?: string;
	attachment?: string;
	/** The action segment (`move`, `send`, `createReply`, …), lower case. */
	action?: string;
}

export type Handler = (
	context: GraphContext,
	request: GraphRequest,
	params: RouteParams,
) => GraphResponse | Promise<GraphResponse>;

export interface Authorized {
	caller: Caller;
	mailbox: Mailbox;
}

export function authorize(
	context: GraphContext,
	request: GraphRequest,
	params: RouteParams,
	access: Access,
): Authorized {
	const caller = authenticate(context, request.headers.authorization);
	return { caller, mailbox: mailboxFor(context, caller, params.target, access) };
}

/** The body type to return, and the `Preference-Applied` header when one was asked for. */
export function bodyPreference(request: GraphRequest): {
	bodyType: BodyType;
	headers: Record<string, string>;
} {
	const wanted = preferredBodyType(request.headers.prefer);
	return {
		bodyType: wanted ?? 'html',
		headers: wanted ? { 'Preference-Applied': `outlook.body-content-type="${wanted}"` } : {},
	};
}

/** `$top`: 1 … max; Graph's message for a value that is not a number (seen in issues). */
export function parseTop(request: GraphRequest, max: number): number | undefined {
	const text = option(request, '$top');
	if (text === undefined) return undefined;
	if (!/^\d+$/.test(text.trim())) {
		throw badRequest(
			`Invalid value '${text}' for $top query option found. The $top query option requires a non-negative integer value.`,
		);
	}
	const top = Number(text);
	if (top > max) {
		// The OData limit message (seen for other Graph collections); chosen for messages.
		throw badRequest(
			`The limit of '${max}' for Top query has been exceeded. The value from the incoming request is '${top}'.`,
		);
	}
	if (top < 1) {
		throw badRequest(
			`Invalid value '${text}' for $top query option found. $top must be between 1 and ${max}.`,
		);
	}
	return top;
}

export function parseSkip(request: GraphRequest): number | undefined {
	const text = option(request, '$skip');
	if (text === undefined) return undefined;
	if (!/^\d+$/.test(text.trim())) {
		throw badRequest(
			`Invalid value '${text}' for $skip query option found. The $skip query option requires a non-negative integer value.`,
		);
	}
	return Number(text);
}

/** `$top` → `%24top`: how Graph writes query option names in the links it builds. */
function encodeName(name: string): string {
	return encodeURIComponent(name);
}

/**
 * The next page's URL: the request's own path and query on the sandbox's origin, with
 * `$skip`/`$skiptoken` replaced (names percent-encoded, as Graph writes them).
 */
export function nextLink(
	request: GraphRequest,
	paging: { skip?: number; skiptoken?: string },
): string {
	const parts: string[] = [];
	for (const [name, value] of request.query) {
		const lower = name.toLowerCase();
		if (lower === '$skip' || lower === '$skiptoken') continue;
		parts.push(`${encodeName(name)}=${encodeURIComponent(value)}`);
	}
	if (paging.skip !== undefined) parts.push(`${encodeName('$skip')}=${paging.skip}`);
	if (paging.skiptoken !== undefined) {
		parts.push(`${encodeName('$skiptoken')}=${encodeURIComponent(paging.skiptoken)}`);
	}
	return `${request.origin}${request.rawPath}?${parts.join('&')}`;
}

export function metadata(request: GraphRequest, fragment: string): string {
	return `${request.origin}/v1.0/$metadata#${fragment}`;
}

/** `users('{id}')` or `users('{id}')/mailFolders('{folder}')`, for `@odata.context`. */
export function contextPath(mailbox: Mailbox, folderId?: string): string {
	const user = `users('${mailbox.id}')`;
	return folderId === undefined ? user : `${user}/mailFolders('${folderId}')`;
}
