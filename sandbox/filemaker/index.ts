import { AuthLog } from '../shared/auth-log';
import { createClock, type SandboxClock } from '../shared/clock';
import { FaultInjector } from '../shared/faults';
import { startHttpServer } from '../shared/http-server';
import { createFileMakerApp } from './app';
import type { FileMakerCloudOptions } from './cloud-login';
import { ContainerStreams } from './containers';
import { DEMO_DATABASE, demoScripts } from './demo-scripts';
import { withEmptyTable } from './empty-table';
import { FileMakerCounters, type EndpointName } from './endpoints';
import { defaultCodeForStatus, FileMakerError, messageFor, sendError } from './envelope';
import type { FileMakerFixture } from './fixture-types';
import { loadFixture, productInfoOf } from './load-fixture';
import { DatabaseSchema } from './schema';
import { ScriptRegistry, type SandboxScript } from './scripts';
import { SessionStore } from './sessions';
import { SandboxStore } from './store';
import { SERVICE_ROOT, type ODataSettings } from './odata/request';
import { FileMakerOAuth, type FileMakerOAuthOptions, type FileMakerOAuthSettings } from './oauth';

export type { EndpointName } from './endpoints';
export { ENDPOINT_NAMES, FileMakerCounters } from './endpoints';
export type * from './fixture-types';
export { ScriptError, type SandboxScript, type ScriptContext } from './scripts';
export type { SandboxRecord } from './store';
export { SandboxStore } from './store';
export type { SandboxClock } from '../shared/clock';
export { createClock } from '../shared/clock';
export type { FileMakerCloudOptions } from './cloud-login';
export {
	DEFAULT_OAUTH_REQUEST_TTL_MS,
	OAUTH_SCOPE,
	OAUTH_SIGN_IN_FAILED,
	type AddressMismatchAnswer,
	type FileMakerOAuthOptions,
	type FileMakerOAuthProvider,
	type FileMakerOAuthSettings,
	type ReturnQueryStyle,
} from './oauth';
export { DEMO_FIXTURE_PATH } from './load-fixture';
export { EMPTY_TABLE, withEmptyTable } from './empty-table';
export * from './odata';
export type { AuthLog, PresentedCredential, PresentedQuery } from '../shared/auth-log';
export {
	startCaptureServer,
	type CaptureServer,
	type CapturedRequest,
} from '../shared/capture-server';

export interface FileMakerSandboxOptions {
	/** A fixture, or the path of a fixture JSON file; the demo fixture by default. */
	fixture?: FileMakerFixture | string;
	/** Serve https with a self-signed certificate for localhost and 127.0.0.1. */
	https?: boolean;
	/** Default 0: a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Scripts per database and script name; they replace demo scripts of the same name. */
	scripts?: Record<string, Record<string, SandboxScript>>;
	/**
	 * Add a table and layout `EmptyTable` without records to the first database (see
	 * `withEmptyTable`); the demo fixture has no empty table of its own.
	 */
	emptyTable?: boolean;
	/**
	 * A clock to share with another sandbox (the Cognito sandbox whose tokens this one checks),
	 * so that moving one moves both; a clock of its own by default.
	 */
	clock?: SandboxClock;
	/**
	 * FileMaker Cloud: logins take `Authorization: FMID <Claris ID token>` (Basic is refused)
	 * and a session ends when its token expires. Pass `{ ...cognito.idTokenTrust() }`.
	 */
	cloud?: FileMakerCloudOptions;
	/** OData rows per page before `@nextLink` (FileMaker Server: 10,000). */
	odataPageSize?: number;
	/**
	 * External identity providers for FileMaker Server's OAuth sign-in (`/fmws/oauthproviderinfo`,
	 * `/oauth/getoauthurl`, `/oauth/redirect`, logins with `X-FM-Data-OAuth-Request-Id` and
	 * `X-FM-Data-OAuth-Identifier`). Without it the server has no providers configured.
	 */
	oauth?: FileMakerOAuthOptions;
}

/** The fault switches of a FileMaker sandbox. */
export class FileMakerFaults extends FaultInjector<EndpointName> {
	constructor(
		private readonly sessions: SessionStore,
		private readonly oauthLogins?: Pick<FileMakerOAuth, 'expireODataLogins'>,
	) {
		super((res, failure) => {
			const code = failure.code ?? defaultCodeForStatus(failure.status);
			if (res.req.originalUrl.startsWith(SERVICE_ROOT)) {
				const message = failure.message ?? messageFor(code);
				res.status(failure.status).json({ error: { code, message } });
				return;
			}
			sendError(res, new FileMakerError(code, failure.status, failure.message ?? messageFor(code)));
		});
	}

	/**
	 * Ends every session now, as a server restart or the admin console would (OData logins
	 * made with an OAuth identifier included).
	 */
	expireAllSessions(): void {
		this.sessions.expireAll();
		this.oauthLogins?.expireODataLogins();
	}
}

export interface FileMakerSandbox {
	/** Base URL without a trailing slash, e.g. `http://127.0.0.1:43123`. */
	url: string;
	close(): Promise<void>;
	/** How many TCP connections clients have opened so far. */
	connections(): number;
	clock: SandboxClock;
	faults: FileMakerFaults;
	counters: FileMakerCounters;
	sessions: {
		/** How many Data API sessions are open now. */
		activeCount(): number;
		/** Whether `token` is an open session now (asking does not reset its idle time). */
		isOpen(token: string): boolean;
		/** When an open session ends however busy it is (Cloud: its token's expiry), in ms. */
		expiresAt(token: string): number | undefined;
	};
	/** The `Authorization` header of every Data API request, per endpoint (in memory only). */
	authLog: AuthLog<EndpointName>;
	store: SandboxStore;
	scripts: { register(database: string, name: string, script: SandboxScript): void };
	/**
	 * OData settings, changeable while it runs: `pageSize`, and `rawControlCharacters` (send
	 * control characters in JSON strings unescaped, as FileMaker sometimes does).
	 */
	odata: ODataSettings;
	/**
	 * OAuth sign-in settings, changeable while it runs: `requestTtlMs`, `returnQueryStyle`,
	 * `addressMismatch` (see `FileMakerOAuthOptions`).
	 */
	oauth: FileMakerOAuthSettings;
}

/** Starts a local FileMaker Server that speaks the FileMaker Data API. */
export async function startFileMakerSandbox(
	options: FileMakerSandboxOptions = {},
): Promise<FileMakerSandbox> {
	const loaded = loadFixture(options.fixture);
	const fixture = options.emptyTable ? withEmptyTable(loaded) : loaded;
	const clock = options.clock ?? createClock();
	const databases = new Map(
		fixture.databases.map((database) => [database.name, new DatabaseSchema(database)]),
	);
	const store = new SandboxStore(databases.values(), clock);
	for (const database of fixture.databases) {
		for (const [table, records] of Object.entries(database.records ?? {})) {
			for (const fields of records) store.insert(database.name, table, fields);
		}
	}

	const scripts = new ScriptRegistry(
		(database) => databases.get(database)?.scriptCatalog.map((script) => script.name) ?? [],
	);
	if (databases.has(DEMO_DATABASE)) {
		for (const [name, script] of Object.entries(demoScripts(clock.now)))
			scripts.register(DEMO_DATABASE, name, script);
	}
	for (const [database, byName] of Object.entries(options.scripts ?? {})) {
		for (const [name, script] of Object.entries(byName)) scripts.register(database, name, script);
	}

	const sessions = new SessionStore(clock);
	const counters = new FileMakerCounters();
	const oauth = new FileMakerOAuth(options.oauth, clock, counters);
	const faults = new FileMakerFaults(sessions, oauth);
	const authLog = new AuthLog<EndpointName>();
	const odata: ODataSettings = {
		pageSize: options.odataPageSize ?? 10_000,
		rawControlCharacters: false,
	};
	const app = createFileMakerApp({
		databases,
		productInfo: productInfoOf(fixture),
		store,
		sessions,
		scripts,
		streams: new ContainerStreams(store),
		clock,
		counters,
		faults,
		authLog,
		cloud: options.cloud,
		odata,
		oauth,
	});
	const server = await startHttpServer(app, {
		https: options.https,
		port: options.port,
		host: options.host,
	});
	oauth.serverUrl = server.url;

	return {
		url: server.url,
		close: server.close,
		connections: server.connections,
		clock,
		faults,
		counters,
		sessions: {
			activeCount: () => sessions.activeCount(),
			isOpen: (token) => sessions.isOpen(token),
			expiresAt: (token) => sessions.expiresAt(token),
		},
		authLog,
		store,
		scripts: { register: (database, name, script) => scripts.register(database, name, script) },
		odata,
		oauth: oauth.settings,
	};
}
