import { preferredPageSize } from '../body';
import type { GraphContext } from '../context';
import type { DeltaCursor, DeltaEntry, DeltaQuery, DeltaRound } from '../delta-states';
import { GraphError } from '../errors';
import { json, option, type GraphRequest, type JsonObject } from '../http';
import type { Mailbox, StoredFolder, StoredMessage } from '../model';
import { parseFilter } from '../query/filter-parser';
import { messageJson, parseMessageSelect } from '../serialize';
import { authorize, bodyPreference, parseTop, type Handler } from './common';

const FILTER_ONLY =
	"The '$filter' parameter value is not supported for 'Messages' resource; only a value of 'receivedDateTime ge value' is supported.";

function invalidQuery(message: string): GraphError {
	return new GraphError(400, 'ErrorInvalidUrlQuery', message);
}

/** 410 as Exchange answers an expired or unknown sync state (seen in issue threads). */
function syncStateNotFound(context: GraphContext): GraphError {
	const generation = context.deltas.generation;
	return new GraphError(
		410,
		'SyncStateNotFound',
		`The sync state generation is not found; generation=${generation - 1};[highest=${generation}][${generation}].`,
	);
}

/**
 * GET …/mailFolders/{id}/messages/delta (message: delta; "Get incremental changes to messages
 * in a folder"). The first round returns the folder's messages page by page
 * (`Prefer: odata.maxpagesize` or `$top`, default 10) with `@odata.nextLink` (`$skiptoken`),
 * then `@odata.deltaLink` (`$deltatoken`); a later round returns messages added or changed
 * since (late deliveries once visible) and `@removed` entries for messages deleted or moved
 * out. `$select`, `$filter=receivedDateTime ge|gt {value}`, `$orderby=receivedDateTime desc`
 * and `changeType` are taken on the first request and kept in the tokens.
 */
export const deltaMessages: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'read');
	const folder = context.store.folder(mailbox, params.folder ?? '');
	const preferred = preferredPageSize(request.headers.prefer);
	const skipToken = option(request, '$skiptoken');
	const deltaToken = option(request, '$deltatoken');
	let round: DeltaRound;
	if (skipToken !== undefined) {
		const found = context.deltas.takeRound(skipToken);
		if (!found || !sameFolder(found.query, mailbox, folder)) throw syncStateNotFound(context);
		round = found;
	} else if (deltaToken !== undefined) {
		const state = context.deltas.delta(deltaToken);
		if (!state || !sameFolder(state.query, mailbox, folder)) throw syncStateNotFound(context);
		round = startRound(context, mailbox, folder, state.query, state.cursor);
	} else {
		round = startRound(context, mailbox, folder, readQuery(context, request, mailbox, folder));
	}
	const pageSize = preferred ?? round.query.pageSize;
	const entries = round.entries.slice(round.offset, round.offset + pageSize);
	const { bodyType, headers } = bodyPreference(request);
	const value = entries.flatMap((entry): JsonObject[] => {
		if (entry.kind === 'removed') {
			return [
				{
					'@odata.type': '#microsoft.graph.message',
					id: entry.id,
					'@removed': { reason: 'deleted' },
				},
			];
		}
		const message = mailbox.messages.get(entry.id);
		if (!message) return [];
		return [
			{
				'@odata.type': '#microsoft.graph.message',
				...messageJson(message, { select: round.query.select, bodyType }),
			},
		];
	});
	const base = `${request.origin}/v1.0/${params.mailboxPath}/mailfolders('${folder.id}')/messages/delta`;
	const body: JsonObject = {
		'@odata.context': `${request.origin}/v1.0/$metadata#Collection(message)`,
	};
	if (round.offset + pageSize < round.entries.length) {
		const token = context.deltas.saveRound({ ...round, offset: round.offset + pageSize });
		body['@odata.nextLink'] = `${base}?$skiptoken=${token}`;
	} else {
		body['@odata.deltaLink'] =
			`${base}?$deltatoken=${context.deltas.saveDelta(round.query, round.end)}`;
	}
	body.value = value;
	const applied = [
		headers['Preference-Applied'],
		preferred === undefined ? undefined : `odata.maxpagesize=${preferred}`,
	]
		.filter((item) => item !== undefined)
		.join(', ');
	return json(200, body, applied === '' ? {} : { 'Preference-Applied': applied });
};

function sameFolder(query: DeltaQuery, mailbox: Mailbox, folder: StoredFolder): boolean {
	return query.mailboxId === mailbox.id && query.folderId === folder.id;
}

function readQuery(
	context: GraphContext,
	request: GraphRequest,
	mailbox: Mailbox,
	folder: StoredFolder,
): DeltaQuery {
	if (option(request, '$search') !== undefined) {
		throw invalidQuery("The '$search' parameter is not supported for 'Messages' delta.");
	}
	const query: DeltaQuery = {
		mailboxId: mailbox.id,
		folderId: folder.id,
		select: parseMessageSelect(option(request, '$select')),
		pageSize: parseTop(request, context.settings.maxTop) ?? context.settings.pageSizeDefault,
		newestFirst: false,
	};
	const filterText = option(request, '$filter');
	if (filterText !== undefined) {
		let tree;
		try {
			tree = parseFilter(filterText);
		} catch {
			throw invalidQuery(FILTER_ONLY);
		}
		if (
			tree.type !== 'compare' ||
			tree.left.type !== 'path' ||
			tree.left.path.toLowerCase() !== 'receiveddatetime' ||
			(tree.operator !== 'ge' && tree.operator !== 'gt') ||
			tree.right.type !== 'datetime'
		) {
			throw invalidQuery(FILTER_ONLY);
		}
		query.since = { operator: tree.operator, value: tree.right.value };
	}
	const orderText = option(request, '$orderby');
	if (orderText !== undefined) {
		if (!/^\s*receivedDateTime\s+desc\s*$/i.test(orderText)) {
			throw invalidQuery(
				"The '$orderby' parameter value is not supported for 'Messages' resource; only a value of 'receivedDateTime desc' is supported.",
			);
		}
		query.newestFirst = true;
	}
	const changeType = option(request, 'changeType');
	if (changeType !== undefined) {
		if (changeType !== 'created' && changeType !== 'updated' && changeType !== 'deleted') {
			throw invalidQuery(`The 'changeType' value '${changeType}' is not supported.`);
		}
		query.changeType = changeType;
	}
	return query;
}

/** The entries of a round: all of the folder (no cursor), or what changed since the cursor. */
function startRound(
	context: GraphContext,
	mailbox: Mailbox,
	folder: StoredFolder,
	query: DeltaQuery,
	cursor?: DeltaCursor,
): DeltaRound {
	const end: DeltaCursor = { seq: mailbox.seq, asOf: context.clock.now() };
	const since = query.since;
	let messages = context.store
		.visibleMessages(mailbox, folder.id)
		.filter(
			(message) =>
				!since ||
				(since.operator === 'ge'
					? message.receivedAt >= since.value
					: message.receivedAt > since.value),
		);
	const created = (message: StoredMessage) =>
		!cursor || message.addedSeq > cursor.seq || message.visibleAt > cursor.asOf;
	let removed: DeltaEntry[] = [];
	if (cursor) {
		messages = messages.filter(
			(message) => message.changeSeq > cursor.seq || message.visibleAt > cursor.asOf,
		);
		removed = mailbox.tombstones
			.filter((tombstone) => tombstone.folderId === folder.id && tombstone.seq > cursor.seq)
			.map((tombstone) => ({ kind: 'removed', id: tombstone.messageId }));
		if (query.changeType === 'created') messages = messages.filter(created);
		if (query.changeType === 'updated') messages = messages.filter((m) => !created(m));
		if (query.changeType === 'deleted') messages = [];
		if (query.changeType && query.changeType !== 'deleted') removed = [];
	}
	messages.sort((a, b) =>
		query.newestFirst ? b.receivedAt - a.receivedAt || b.order - a.order : a.order - b.order,
	);
	const entries: DeltaEntry[] = [
		...messages.map((message): DeltaEntry => ({ kind: 'message', id: message.id })),
		...removed,
	];
	return { query, entries, offset: 0, end };
}
