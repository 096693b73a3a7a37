import { recordVisibility } from '../record-access';
import type { DatabaseSchema } from '../schema';
import { authenticate, credentialsOf, usesOAuthPair } from './auth';
import { findByKey } from './entity-model';
import { ODataError, recordNotFound, syntaxError, unknownDatabase, unknownTable } from './errors';
import { metadataXml, fileNameOf } from './metadata';
import { countRows, readCollection, readEntity } from './reads';
import {
	annotation,
	json,
	SERVICE_ROOT,
	type ODataContext,
	type ODataRequest,
	type ODataResponse,
} from './request';
import { runScript } from './scripts';
import { bulkWrite, createRecord, deleteRecord, updateRecord } from './writes';

/** The OData calls the sandbox counts and targets faults at. */
export const ODATA_ENDPOINT_NAMES = [
	'odataRead',
	'odataWrite',
	'odataBatch',
	'odataScript',
	'odataMetadata',
] as const;

export type ODataEndpointName = (typeof ODATA_ENDPOINT_NAMES)[number];

interface Route {
	database?: string;
	table?: string;
	key?: string;
	script?: string;
	special?: '$metadata' | '$batch';
	/** `/{db}/{table}/$count`: the number of rows, as text. */
	count?: boolean;
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw syntaxError(segment);
	}
}

/**
 * Splits `/{db}/{table}({key})`, `/{db}/{table}/$count`, `/{db}/Script.{name}`,
 * `/{db}/$metadata`, `/{db}/$batch`.
 */
export function routeOf(path: string): Route {
	const segments = path
		.split('/')
		.filter((segment) => segment !== '')
		.map(decodeSegment);
	if (segments.length === 0) return {};
	const [database, second, ...rest] = segments;
	if (
		rest.length === 1 &&
		rest[0] === '$count' &&
		/^[^($][^()]*$/.test(second) &&
		!second.startsWith('Script.')
	) {
		return { database, table: second, count: true };
	}
	if (rest.length > 0) throw syntaxError(rest.join('/'));
	if (second === undefined) return { database };
	if (second === '$metadata' || second === '$batch') return { database, special: second };
	if (second.startsWith('Script.')) return { database, script: second.slice('Script.'.length) };
	const keyed = /^([^(]+)\((.*)\)$/s.exec(second);
	if (keyed) return { database, table: keyed[1], key: keyed[2] };
	if (second.includes('(') || second.includes(')')) throw syntaxError(second);
	return { database, table: second };
}

/** Which counter and fault switch a request belongs to. */
export function endpointOf(method: string, path: string): ODataEndpointName {
	let route: Route;
	try {
		route = routeOf(path);
	} catch {
		return 'odataRead';
	}
	if (route.special === '$metadata') return 'odataMetadata';
	if (route.special === '$batch') return 'odataBatch';
	if (route.script !== undefined) return 'odataScript';
	return method === 'GET' || method === 'HEAD' ? 'odataRead' : 'odataWrite';
}

function databaseOf(context: ODataContext, name: string): DatabaseSchema {
	const databases = context.services.databases;
	const database = databases.get(name) ?? databases.get(name.replace(/\.fmp12$/i, ''));
	if (!database) throw unknownDatabase(name);
	return database;
}

/** Runs a `$batch` on `database` as `account`. */
export type BatchRunner = (database: DatabaseSchema, account: string) => Promise<ODataResponse>;

/**
 * Answers one OData request (from HTTP, or a part of a `$batch`, which acts as the batch's
 * account, `authenticatedAs`). Errors become `{"error":{"code","message"}}` answers.
 */
export async function handleODataRequest(
	context: ODataContext,
	request: ODataRequest,
	batch?: BatchRunner,
	authenticatedAs?: string,
): Promise<ODataResponse> {
	try {
		return await dispatch(context, request, batch, authenticatedAs);
	} catch (error) {
		if (error instanceof ODataError)
			return json(request, context.settings, error.status, error.body());
		throw error;
	}
}

async function dispatch(
	context: ODataContext,
	request: ODataRequest,
	batch: BatchRunner | undefined,
	authenticatedAs: string | undefined,
): Promise<ODataResponse> {
	const route = routeOf(request.path);
	const { services } = context;
	const method = request.method.toUpperCase();
	const credentials = credentialsOf(request.headers);

	if (route.database === undefined) {
		if (method !== 'GET') throw methodNotAllowed();
		const allowed = Array.from(services.databases.values()).filter((database) => {
			try {
				authenticate(services, credentials, database);
				return true;
			} catch {
				return false;
			}
		});
		if (allowed.length === 0) authenticate(services, credentials, firstDatabase(context));
		return json(request, context.settings, 200, {
			[annotation(request, 'context')]: `${request.origin}${SERVICE_ROOT}/$metadata`,
			value: allowed.map((database) => ({
				name: fileNameOf(database),
				kind: 'EntityContainer',
				url: database.name,
			})),
		});
	}

	const database = databaseOf(context, route.database);
	// OData's OAuth login: `POST /{db}/$metadata` with the request id and identifier.
	const oauthLogin =
		route.special === '$metadata' && method === 'POST' && usesOAuthPair(credentials);
	const account = authenticatedAs ?? authenticate(services, credentials, database, oauthLogin);
	context = { ...context, account };
	const base = `${request.origin}${SERVICE_ROOT}/${encodeURIComponent(database.name)}`;

	if (route.special === '$metadata') {
		if (method !== 'GET' && !oauthLogin) throw methodNotAllowed();
		return {
			status: 200,
			headers: { 'Content-Type': 'application/xml;charset=utf-8', 'OData-Version': '4.0' },
			body: metadataXml(database, services.productInfo.version),
		};
	}
	if (route.special === '$batch') {
		if (method !== 'POST' || !batch) throw methodNotAllowed();
		return batch(database, account);
	}
	if (route.script !== undefined) {
		if (method !== 'POST') throw methodNotAllowed();
		return runScript(context, request, database, route.script);
	}
	if (route.table === undefined) {
		if (method !== 'GET') throw methodNotAllowed();
		return json(request, context.settings, 200, {
			[annotation(request, 'context')]: `${base}/$metadata`,
			value: Array.from(database.tables.keys(), (name) => ({ name, kind: 'EntitySet', url: name })),
		});
	}

	const table = database.tables.get(route.table);
	if (!table) throw unknownTable(route.table);
	if (route.count) {
		if (method !== 'GET') throw methodNotAllowed();
		return countRows(context, request, database, table);
	}
	if (route.key === undefined) {
		if (method === 'GET') return readCollection(context, request, database, table);
		if (method === 'POST') return createRecord(context, request, database, table);
		if (method === 'PATCH' || method === 'DELETE')
			return bulkWrite(context, request, database, table);
		throw methodNotAllowed();
	}
	const record = findByKey(services.store, database.name, table, route.key);
	// A row the account may not see is, to it, not there.
	if (!recordVisibility(database, account)(table.name, record)) throw recordNotFound();
	if (method === 'GET') return readEntity(context, request, database, table, record);
	if (method === 'PATCH') return updateRecord(context, request, database, table, record);
	if (method === 'DELETE') return deleteRecord(context, database, table, record);
	throw methodNotAllowed();
}

function firstDatabase(context: ODataContext): DatabaseSchema {
	const first = context.services.databases.values().next().value;
	if (!first) throw unknownDatabase('');
	return first;
}

function methodNotAllowed(): ODataError {
	return new ODataError(405, '-1002', 'Error: method not allowed for this URL');
}
