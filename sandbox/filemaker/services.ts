import type { Request } from 'express';
import type { AuthLog } from '../shared/auth-log';
import type { FileMakerCloudOptions } from './cloud-login';
import type { SandboxClock } from '../shared/clock';
import type { FaultInjector } from '../shared/faults';
import type { ContainerStreams } from './containers';
import type { EndpointName, FileMakerCounters } from './endpoints';
import { FileMakerError } from './envelope';
import type { FixtureProductInfo } from './fixture-types';
import type { PathParams } from './routes/route-kit';
import type { DatabaseSchema, LayoutSchema } from './schema';
import type { ScriptRegistry } from './scripts';
import type { Session, SessionStore } from './sessions';
import { recordVisibility } from './record-access';
import type { SandboxRecord, SandboxStore } from './store';
import type { ODataSettings } from './odata/request';
import type { FileMakerOAuth } from './oauth';

/** Everything the route handlers of one sandbox share. */
export interface FileMakerServices {
	databases: Map<string, DatabaseSchema>;
	productInfo: FixtureProductInfo;
	store: SandboxStore;
	sessions: SessionStore;
	scripts: ScriptRegistry;
	streams: ContainerStreams;
	clock: SandboxClock;
	counters: FileMakerCounters;
	faults: FaultInjector<EndpointName>;
	authLog: AuthLog<EndpointName>;
	/** Set for FileMaker Cloud: logins with Claris ID tokens only. */
	cloud?: FileMakerCloudOptions;
	/** OData page size and quirks, changeable while the sandbox runs. */
	odata: ODataSettings;
	/** OAuth sign-in with external identity providers (none configured by default). */
	oauth: FileMakerOAuth;
}

/** A hosted file, or FileMaker's answer for one that is not open (802). */
export function databaseNamed(services: FileMakerServices, name: string): DatabaseSchema {
	const database = services.databases.get(name);
	if (!database) throw new FileMakerError('802');
	return database;
}

/**
 * The session of the request's bearer token. A missing, unknown or expired token, or one
 * opened for another database, gets 952 in an HTTP 401, which is what clients re-login on.
 */
export function sessionOf(req: Request, services: FileMakerServices, database?: string): Session {
	const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
	const session = token === undefined ? undefined : services.sessions.use(token, database);
	if (!session) throw new FileMakerError('952');
	return session;
}

/**
 * What a call under `/databases/{db}/layouts/{layout}` works on, checked in FileMaker
 * Server's order: the session first (952), then the layout (105).
 */
export function layoutCall(
	req: Request<PathParams>,
	services: FileMakerServices,
): { session: Session; database: DatabaseSchema; layout: LayoutSchema } {
	const session = sessionOf(req, services, req.params.database);
	const database = databaseNamed(services, req.params.database);
	return { session, database, layout: layoutNamed(database, req.params.layout) };
}

export function layoutNamed(database: DatabaseSchema, name: string): LayoutSchema {
	const layout = database.layouts.get(name);
	if (!layout) throw new FileMakerError('105');
	return layout;
}

export function recordIdFrom(raw: string): number {
	const recordId = Number(raw);
	if (!Number.isInteger(recordId) || recordId < 1) throw new FileMakerError('101');
	return recordId;
}

/**
 * The record `recordId` of `table` as the session's account sees it: FileMaker's 101 "Record
 * is missing" when there is none, or when its privilege set hides it.
 */
export function recordInView(
	services: FileMakerServices,
	session: Session,
	database: DatabaseSchema,
	table: string,
	recordId: number,
): SandboxRecord {
	const record = services.store.record(database.name, table, recordId);
	if (!record || !recordVisibility(database, session.account)(table, record)) {
		throw new FileMakerError('101');
	}
	return record;
}

/** Scheme and host as the client addressed the server. */
export function baseUrlOf(req: Request): string {
	return `${req.protocol}://${req.get('host')}`;
}
