import type { AccessTokenTrust } from '../access-tokens';
import { AuthLog } from '../../shared/auth-log';
import { createClock, type SandboxClock } from '../../shared/clock';
import { startHttpServer } from '../../shared/http-server';
import { createGraphApp } from './app';
import { MIB, type GraphContext, type GraphSettings } from './context';
import { DeltaStates } from './delta-states';
import { GraphCounters, type GraphEndpointName } from './endpoints';
import { GraphFaults } from './faults';
import { GraphMail } from './mail-api';
import type { MailboxSpec } from './model';
import { MailStore } from './store';
import { UploadSessions } from './upload-sessions';

export { GRAPH_ENDPOINT_NAMES, GraphCounters, type GraphEndpointName } from './endpoints';
export { GraphFaults, type ThrottleNextOptions, type ThrottleOptions } from './faults';
export {
	GraphMail,
	type Address,
	type DeliverOptions,
	type DeliveredMessage,
	type Instant,
	type SeedMessage,
} from './mail-api';
export type { GraphSettings, Submission } from './context';
export type { MailboxKind, MailboxSpec } from './model';
export { JSON_CONTENT_TYPE } from './http';
export { WWW_AUTHENTICATE } from './errors';

export interface GraphSandboxOptions extends Partial<Omit<GraphSettings, 'tenantId'>> {
	/** The tenant whose tokens are accepted (`tid`). */
	tenantId: string;
	/** The keys that verify access tokens (`AccessTokenIssuer.trust()` or the identity sandbox's). */
	trust: AccessTokenTrust;
	mailboxes?: MailboxSpec[];
	/** Pass the identity sandbox's clock to move both at once. */
	clock?: SandboxClock;
	/**
	 * Serve upload URLs from a second origin (another port), as Outlook's upload host differs
	 * from Graph's: a client that sends credentials to its own origin only then sends none
	 * there. Default true; false puts them on the Graph origin.
	 */
	separateUploadOrigin?: boolean;
	https?: boolean;
	port?: number;
	host?: string;
}

export interface GraphSandbox {
	/** Base URL without a trailing slash; Graph's root is `${url}/v1.0`. */
	url: string;
	/** The origin of upload URLs (another port unless `separateUploadOrigin: false`). */
	uploadOrigin: string;
	close(): Promise<void>;
	connections(): number;
	clock: SandboxClock;
	counters: GraphCounters;
	faults: GraphFaults;
	authLog: AuthLog<GraphEndpointName>;
	/** Seed and inspect mailboxes. */
	mail: GraphMail;
	/** The settings in force (mutable: a test may change a limit while the sandbox runs). */
	settings: GraphSettings;
}

const DEFAULTS: Omit<GraphSettings, 'tenantId'> = {
	resource: 'https://graph.microsoft.com',
	pageSizeDefault: 10,
	maxTop: 1000,
	maxRequestBytes: 4 * MIB,
	maxInlineAttachmentBytes: 3 * MIB,
	minUploadBytes: 3 * MIB,
	maxMessageBytes: 150 * MIB,
	uploadChunkMultiple: 320 * 1024,
	maxUploadChunkBytes: 4 * MIB,
	uploadSessionLifetimeMs: 6 * 60 * 60 * 1000,
	deliveryDelayMs: 0,
};

/**
 * Starts a local Microsoft Graph v1.0 mail service: mailboxes with folders and messages,
 * sendMail and drafts, attachments with upload sessions, delta, throttling switches. See
 * sandbox/microsoft/graph/README.md for what is verified against Graph and what is chosen.
 */
export async function startGraphSandbox(options: GraphSandboxOptions): Promise<GraphSandbox> {
	const {
		trust,
		mailboxes = [],
		clock = createClock(),
		separateUploadOrigin = true,
		https,
		port,
		host,
		...rest
	} = options;
	const settings: GraphSettings = {
		...DEFAULTS,
		...stripUndefined(rest),
		tenantId: options.tenantId,
	};
	const store = new MailStore(clock);
	for (const mailbox of mailboxes) store.addMailbox(mailbox);
	const context: GraphContext = {
		settings,
		trust,
		clock,
		store,
		counters: new GraphCounters(),
		deltas: new DeltaStates(),
		uploads: new UploadSessions(),
		submissions: [],
	};
	const faults = new GraphFaults(
		() => clock.now(),
		() => context.deltas.expire(),
	);
	const authLog = new AuthLog<GraphEndpointName>();
	const app = createGraphApp(context, faults, authLog);
	const server = await startHttpServer(app, { https, port, host });
	const uploads = separateUploadOrigin ? await startHttpServer(app, { https, host }) : undefined;
	context.uploadOrigin = uploads?.url;
	return {
		url: server.url,
		uploadOrigin: uploads?.url ?? server.url,
		close: async () => {
			await Promise.all([server.close(), uploads?.close()]);
		},
		connections: () => server.connections() + (uploads?.connections() ?? 0),
		clock,
		counters: context.counters,
		faults,
		authLog,
		mail: new GraphMail(context),
		settings,
	};
}

function stripUndefined<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
