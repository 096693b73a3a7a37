import { RequestCounters } from '../../shared/counters';

/**
 * The calls the Graph sandbox tells apart, for counters and fault switches:
 * `list` GET …/messages; `get` GET …/messages/{id}; `create` POST …/messages and
 * createReply/createReplyAll/createForward; `patch`; `delete`; `move` (move and copy);
 * `send` (sendMail, send, reply, replyAll, forward); `attachments` (list, get, `$value`, add,
 * delete, createUploadSession); `upload` (PUT/DELETE on an upload URL); `folders` (mail
 * folders, list/get/create); `delta`; `other` (anything the sandbox does not route).
 */
export const GRAPH_ENDPOINT_NAMES = [
	'list',
	'get',
	'create',
	'patch',
	'delete',
	'move',
	'send',
	'attachments',
	'upload',
	'folders',
	'delta',
	'other',
] as const;

export type GraphEndpointName = (typeof GRAPH_ENDPOINT_NAMES)[number];

export function isGraphEndpointName(name: string): name is GraphEndpointName {
	return (GRAPH_ENDPOINT_NAMES as readonly string[]).includes(name);
}

/**
 * Events: `messagesSent` (sendMail, send of a draft, reply, replyAll, forward), `deliveries`
 * (copies put into sandbox mailboxes), `unauthorized` (401 answers), `throttled` (429
 * answers), `serviceUnavailable` (503 answers), `uploadsCompleted`.
 */
const EVENTS = [
	'messagesSent',
	'deliveries',
	'unauthorized',
	'throttled',
	'serviceUnavailable',
	'uploadsCompleted',
] as const;

export class GraphCounters extends RequestCounters<GraphEndpointName> {
	constructor() {
		super(EVENTS);
	}
}
