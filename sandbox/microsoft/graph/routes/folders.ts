import { GraphError, unknownBodyProperty, unreadableBody } from '../errors';
import { json, jsonBody, option, prop } from '../http';
import type { Mailbox, StoredFolder } from '../model';
import { checkFilter } from '../query/filter-check';
import { matchesFilter } from '../query/filter-eval';
import { parseFilter } from '../query/filter-parser';
import { FOLDER_SCHEMA } from '../query/schema';
import { folderJson, folderView, parseFolderSelect } from '../serialize';
import type { GraphContext } from '../context';
import {
	authorize,
	contextPath,
	metadata,
	nextLink,
	parseSkip,
	parseTop,
	type Handler,
	type RouteParams,
} from './common';

/** Graph pages folder lists by 10 too (List mailFolders: "default page size (10 items)"). */
const FOLDER_PAGE_MAX = 1000;

function parentOf(context: GraphContext, mailbox: Mailbox, params: RouteParams): StoredFolder {
	return params.folder
		? context.store.folder(mailbox, params.folder)
		: context.store.wellKnown(mailbox, 'msgfolderroot');
}

/**
 * GET …/mailFolders (the root's children) and …/mailFolders/{id}/childFolders, sorted by
 * name, hidden folders only with `includeHiddenFolders=true`; `$top`, `$skip`, `$select`,
 * `$filter` (displayName, counts, isHidden).
 */
export const listFolders: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'read');
	const parent = parentOf(context, mailbox, params);
	const includeHidden = option(request, 'includeHiddenFolders')?.toLowerCase() === 'true';
	const top = parseTop(request, FOLDER_PAGE_MAX);
	const skip = parseSkip(request) ?? 0;
	const select = parseFolderSelect(option(request, '$select'));
	const filterText = option(request, '$filter');
	const filter = filterText === undefined ? undefined : parseFilter(filterText);
	if (filter) checkFilter(filter, FOLDER_SCHEMA);
	let views = context.store
		.childFolders(mailbox, parent.id, includeHidden)
		.map((folder) => folderView(context.store, mailbox, folder));
	if (filter) views = views.filter((view) => matchesFilter(filter, FOLDER_SCHEMA, view));
	const pageSize = top ?? context.settings.pageSizeDefault;
	const page = views.slice(skip, skip + pageSize);
	const path = params.folder
		? `${contextPath(mailbox)}/mailFolders('${parent.id}')/childFolders`
		: `${contextPath(mailbox)}/mailFolders`;
	const body: Record<string, unknown> = {
		'@odata.context': metadata(request, path),
		value: page.map((view) => folderJson(view, select)),
	};
	if (skip + pageSize < views.length)
		body['@odata.nextLink'] = nextLink(request, { skip: skip + pageSize });
	return json(200, body);
};

export const getFolder: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'read');
	const folder = context.store.folder(mailbox, params.folder ?? '');
	const select = parseFolderSelect(option(request, '$select'));
	return json(200, {
		'@odata.context': metadata(request, `${contextPath(mailbox)}/mailFolders/$entity`),
		...folderJson(folderView(context.store, mailbox, folder), select),
	});
};

/** POST …/mailFolders or …/mailFolders/{id}/childFolders {displayName, isHidden?}: 201. */
export const createFolder: Handler = (context, request, params) => {
	const { mailbox } = authorize(context, request, params, 'write');
	const parent = parentOf(context, mailbox, params);
	const body = jsonBody(request);
	for (const key of Object.keys(body)) {
		if (!['displayname', 'ishidden'].includes(key.toLowerCase()) && !key.startsWith('@odata.')) {
			throw unknownBodyProperty(key, 'microsoft.graph.mailFolder');
		}
	}
	const displayName = prop(body, 'displayName');
	if (typeof displayName !== 'string' || displayName.trim() === '') {
		// Chosen: the answer for a folder without a name.
		throw new GraphError(400, 'ErrorInvalidRequest', "The property 'displayName' is required.");
	}
	const hidden = prop(body, 'isHidden');
	if (hidden !== undefined && typeof hidden !== 'boolean') {
		throw unreadableBody("The property 'isHidden' must be a boolean.");
	}
	const folder = context.store.createFolder(mailbox, parent.id, displayName, hidden === true);
	return json(201, {
		'@odata.context': metadata(request, `${contextPath(mailbox)}/mailFolders/$entity`),
		...folderJson(folderView(context.store, mailbox, folder)),
	});
};
