import type { MailboxTarget } from './auth';
import type { GraphEndpointName } from './endpoints';
import { GraphError, badRequest } from './errors';
import { methodNotAllowed } from './http';
import {
	addAttachment,
	createUploadSession,
	deleteAttachment,
	getAttachment,
	listAttachments,
} from './routes/attachments';
import type { Handler, RouteParams } from './routes/common';
import { deltaMessages } from './routes/delta';
import { createFolder, getFolder, listFolders } from './routes/folders';
import { getMessage, listMessages } from './routes/messages-read';
import {
	createDraft,
	deleteMessage,
	moveOrCopy,
	patchMessage,
	permanentlyDeleteMessage,
} from './routes/messages-write';
import { createResponse, respond, sendDraft, sendMail } from './routes/send';

export interface Route {
	endpoint: GraphEndpointName;
	/** Undefined when the path names nothing the sandbox serves (the handler throws why). */
	handler: Handler;
	params: RouteParams;
}

/**
 * Splits `/me/mailFolders('inbox')/messages` into segments: percent-decoded, `name('key')`
 * (with `''` for a quote) split into name and key, an empty last segment dropped.
 */
export function pathSegments(rawPath: string): string[] {
	const segments: string[] = [];
	for (const part of rawPath.split('/').filter((part) => part !== '')) {
		const decoded = decode(part);
		const key = /^([A-Za-z.]+)\('((?:[^']|'')*)'\)$/.exec(decoded);
		if (key) segments.push(key[1], key[2].replace(/''/g, "'"));
		else segments.push(decoded);
	}
	return segments;
}

function decode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** `microsoft.graph.move` → `move` (Graph accepts actions with their namespace). */
function action(segment: string): string {
	return segment.toLowerCase().replace(/^microsoft\.graph\./, '');
}

const failing =
	(error: GraphError): Handler =>
	() => {
		throw error;
	};

function notFound(segment: string): Handler {
	return failing(badRequest(`Resource not found for the segment '${segment}'.`));
}

/** The route of a request under `/v1.0`: its endpoint name (for counters and faults) and handler. */
export function route(method: string, segments: string[]): Route {
	const other = (handler: Handler, params: RouteParams): Route => ({
		endpoint: 'other',
		handler,
		params,
	});
	const [first, second] = segments;
	let target: MailboxTarget;
	let rest: string[];
	let mailboxPath: string;
	if (first?.toLowerCase() === 'me') {
		target = { me: true };
		rest = segments.slice(1);
		mailboxPath = 'me';
	} else if (first?.toLowerCase() === 'users' && second !== undefined) {
		target = { me: false, user: second };
		rest = segments.slice(2);
		mailboxPath = `users/${encodeURIComponent(second)}`;
	} else {
		return other(notFound(first ?? ''), { target: { me: true }, mailboxPath: 'me' });
	}
	const params: RouteParams = { target, mailboxPath };
	// mailFolders/{a}/childFolders/{b}/… names folder b.
	while (
		rest.length >= 4 &&
		rest[0].toLowerCase() === 'mailfolders' &&
		rest[2].toLowerCase() === 'childfolders'
	) {
		rest = ['mailFolders', rest[3], ...rest.slice(4)];
	}
	const names = rest.map((segment) => segment.toLowerCase());
	const pick = (endpoint: GraphEndpointName, handlers: Partial<Record<string, Handler>>): Route => {
		const handler = handlers[method];
		return { endpoint, handler: handler ?? failing(methodNotAllowed()), params };
	};

	if (names[0] === 'sendmail' || names[0] === 'microsoft.graph.sendmail') {
		if (names.length === 1) return pick('send', { POST: sendMail });
	}
	if (names[0] === 'mailfolders') {
		if (names.length === 1) return pick('folders', { GET: listFolders, POST: createFolder });
		params.folder = rest[1];
		if (names.length === 2) return pick('folders', { GET: getFolder });
		if (names[2] === 'childfolders' && names.length === 3) {
			return pick('folders', { GET: listFolders, POST: createFolder });
		}
		if (names[2] === 'messages') return messageRoute(method, rest.slice(3), params, pick);
	}
	if (names[0] === 'messages') return messageRoute(method, rest.slice(1), params, pick);
	const unknown = rest.find(
		(_segment, index) => !['mailfolders', 'messages'].includes(names[index]),
	);
	return other(notFound(unknown ?? rest.at(-1) ?? ''), params);
}

function messageRoute(
	method: string,
	rest: string[],
	params: RouteParams,
	pick: (endpoint: GraphEndpointName, handlers: Partial<Record<string, Handler>>) => Route,
): Route {
	const names = rest.map((segment) => segment.toLowerCase());
	if (names.length === 0)
		return pick(method === 'POST' ? 'create' : 'list', { GET: listMessages, POST: createDraft });
	if (names.length === 1 && names[0] === 'delta') {
		if (params.folder === undefined) {
			return { endpoint: 'other', handler: notFound('delta'), params };
		}
		return pick('delta', { GET: deltaMessages });
	}
	params.message = rest[0];
	if (names.length === 1) {
		const endpoint = method === 'PATCH' ? 'patch' : method === 'DELETE' ? 'delete' : 'get';
		return pick(endpoint, { GET: getMessage, PATCH: patchMessage, DELETE: deleteMessage });
	}
	const next = action(rest[1]);
	if (names.length === 2 && next !== 'attachments') {
		params.action = next;
		switch (next) {
			case 'move':
			case 'copy':
				return pick('move', { POST: moveOrCopy });
			case 'send':
				return pick('send', { POST: sendDraft });
			case 'permanentdelete':
				return pick('delete', { POST: permanentlyDeleteMessage });
			case 'reply':
			case 'replyall':
			case 'forward':
				return pick('send', { POST: respond });
			case 'createreply':
			case 'createreplyall':
			case 'createforward':
				return pick('create', { POST: createResponse });
			default:
				return { endpoint: 'other', handler: notFound(rest[1]), params };
		}
	}
	if (next !== 'attachments') return { endpoint: 'other', handler: notFound(rest[1]), params };
	if (names.length === 2) {
		return pick('attachments', { GET: listAttachments, POST: addAttachment });
	}
	if (names.length === 3 && action(rest[2]) === 'createuploadsession') {
		return pick('attachments', { POST: createUploadSession });
	}
	params.attachment = rest[2];
	if (names.length === 3) {
		return pick('attachments', { GET: getAttachment, DELETE: deleteAttachment });
	}
	if (names.length === 4 && names[3] === '$value') {
		params.action = '$value';
		return pick('attachments', { GET: getAttachment });
	}
	return { endpoint: 'other', handler: notFound(rest[3]), params };
}
