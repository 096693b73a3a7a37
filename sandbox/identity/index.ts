import { createClock, type SandboxClock } from '../shared/clock';
import { startHttpServer } from '../shared/http-server';
import type { JsonWebKeySet } from '../shared/jwt';
import { createIdentityApp } from './app';
import {
	AuthorizationCodes,
	IdentityDirectory,
	IdTokenSigner,
	type IdentityClient,
	type IdentityPerson,
} from './directory';
import { IdentityCounters } from './endpoints';
import { IdentityFaults } from './faults';

export { IDENTITY_ENDPOINT_NAMES, IdentityCounters, type IdentityEndpointName } from './endpoints';
export { IdentityFaults, type AuthorizationErrorCode, type DenyNextOptions } from './faults';
export {
	CODE_LIFETIME_MS,
	TOKEN_LIFETIME_SECONDS,
	type IdentityClient,
	type IdentityPerson,
	type TokenResponse,
} from './directory';
export { PAGE_TITLE as IDENTITY_PAGE_TITLE } from './pages';
export type { SandboxClock } from '../shared/clock';

export interface IdentitySandboxOptions {
	/** Pass the FileMaker sandbox's clock (or one of your own) to move both at once. */
	clock?: SandboxClock;
	people?: IdentityPerson[];
	clients?: IdentityClient[];
	https?: boolean;
	/** Default 0: a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
}

export interface IdentitySandbox {
	/** Base URL without a trailing slash; also the `iss` of its ID tokens. */
	url: string;
	authorizeUrl: string;
	tokenUrl: string;
	jwksUrl: string;
	close(): Promise<void>;
	connections(): number;
	clock: SandboxClock;
	counters: IdentityCounters;
	faults: IdentityFaults;
	people: {
		add(person: IdentityPerson): void;
		get(email: string): IdentityPerson | undefined;
	};
	clients: {
		add(client: IdentityClient): void;
		get(clientId: string): IdentityClient | undefined;
		/** Registers one more redirect URI (a server that started after this one). */
		addRedirectUri(clientId: string, uri: string): void;
	};
	jwks(): JsonWebKeySet;
}

/**
 * Starts a small OpenID Connect provider ("Sandbox ID"): a sign-in page at `/authorize`, the
 * authorization code grant at `/token` with RS256 ID tokens, its JWKS and discovery document.
 */
export async function startIdentitySandbox(
	options: IdentitySandboxOptions = {},
): Promise<IdentitySandbox> {
	const clock = options.clock ?? createClock();
	const directory = new IdentityDirectory();
	for (const person of options.people ?? []) directory.addPerson(person);
	for (const client of options.clients ?? []) directory.addClient(client);
	const signer = new IdTokenSigner(clock);
	const counters = new IdentityCounters();
	const faults = new IdentityFaults();
	let url = '';
	const app = createIdentityApp({
		clock,
		directory,
		codes: new AuthorizationCodes(clock),
		signer,
		counters,
		faults,
		issuer: () => url,
	});
	const server = await startHttpServer(app, {
		https: options.https,
		port: options.port,
		host: options.host,
	});
	url = server.url;

	return {
		url,
		authorizeUrl: `${url}/authorize`,
		tokenUrl: `${url}/token`,
		jwksUrl: `${url}/.well-known/jwks.json`,
		close: server.close,
		connections: server.connections,
		clock,
		counters,
		faults,
		people: {
			add: (person) => directory.addPerson(person),
			get: (email) => {
				const person = directory.person(email);
				return person && { ...person };
			},
		},
		clients: {
			add: (client) => directory.addClient(client),
			get: (clientId) => {
				const client = directory.client(clientId);
				return client && { ...client, redirectUris: [...client.redirectUris] };
			},
			addRedirectUri: (clientId, uri) => directory.addRedirectUri(clientId, uri),
		},
		jwks: () => signer.jwks(),
	};
}
