import { AccessTokenIssuer } from '../../sandbox/microsoft/access-tokens';
import { createClock, type SandboxClock } from '../../sandbox/shared/clock';
import {
	startGraphSandbox,
	type GraphSandbox,
	type GraphSandboxOptions,
	type MailboxSpec,
} from '../../sandbox/microsoft/graph';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const APP_ID = '5a6d2e4f-1c3b-4a8e-9f70-2b1d3c4e5f60';
export const GRAPH = 'https://graph.microsoft.com';

export const ALICE: MailboxSpec = {
	id: '3f1b6c2e-0d4a-4e8b-9c1f-7a2b5d6e8f90',
	address: 'alice@contoso.test',
	displayName: 'Alice Adams',
	kind: 'user',
};
export const BOB: MailboxSpec = {
	id: '8c2d4e6f-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
	address: 'bob@contoso.test',
	displayName: 'Bob Brown',
	kind: 'user',
};
export const SUPPORT: MailboxSpec = {
	id: 'b7e1c3a5-9d2f-4b6e-8a0c-1e3f5a7b9c2d',
	address: 'support@contoso.test',
	displayName: 'Support',
	kind: 'shared',
};

export interface GraphWorld {
	graph: GraphSandbox;
	issuer: AccessTokenIssuer;
	clock: SandboxClock;
	/** An app-only token (client credentials) with these roles. */
	appToken(roles?: string[], appid?: string): string;
	/** A delegated token for `who` with these scopes. */
	userToken(who?: MailboxSpec, scopes?: string): string;
}

export async function startWorld(options: Partial<GraphSandboxOptions> = {}): Promise<GraphWorld> {
	const clock = options.clock ?? createClock();
	const issuer = new AccessTokenIssuer(clock);
	const graph = await startGraphSandbox({
		tenantId: TENANT,
		trust: issuer.trust(),
		mailboxes: [ALICE, BOB, SUPPORT],
		clock,
		...options,
	});
	const base = { aud: GRAPH, iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT };
	return {
		graph,
		issuer,
		clock,
		appToken: (roles = ['Mail.ReadWrite', 'Mail.Send'], appid = APP_ID) =>
			issuer.issue(
				{ ...base, appid, idtyp: 'app', oid: 'f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f', roles },
				3600,
			).token,
		userToken: (
			who = ALICE,
			scopes = 'Mail.ReadWrite Mail.Send Mail.ReadWrite.Shared Mail.Send.Shared',
		) =>
			issuer.issue(
				{ ...base, appid: APP_ID, idtyp: 'user', oid: who.id, upn: who.address, scp: scopes },
				3600,
			).token,
	};
}

export interface GraphAnswer {
	status: number;
	headers: Headers;
	text: string;
	/** The parsed JSON body, or undefined when the body is empty or not JSON. */
	body: Record<string, unknown> | undefined;
}

/**
 * A plain-fetch Graph client: `path` is relative to `/v1.0` (or an absolute URL, used as
 * given, e.g. a nextLink); `token` goes into `Authorization: Bearer` unless null.
 */
export async function call(
	graph: Pick<GraphSandbox, 'url'>,
	method: string,
	path: string,
	options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<GraphAnswer> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.token) headers.Authorization = `Bearer ${options.token}`;
	let body: string | Buffer | undefined;
	if (options.body !== undefined) {
		body =
			typeof options.body === 'string' || Buffer.isBuffer(options.body)
				? options.body
				: JSON.stringify(options.body);
		headers['Content-Type'] ??= 'application/json';
	}
	const url = path.startsWith('http') ? path : `${graph.url}/v1.0${path}`;
	const response = await fetch(url, { method, headers, body });
	const text = await response.text();
	let parsed: Record<string, unknown> | undefined;
	try {
		parsed = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
	} catch {
		parsed = undefined;
	}
	return { status: response.status, headers: response.headers, text, body: parsed };
}

export type Json = Record<string, unknown>;

export function valueOf(answer: GraphAnswer): Json[] {
	return (answer.body?.value ?? []) as Json[];
}

export function errorOf(answer: GraphAnswer): { code: string; message: string; innerError: Json } {
	return (answer.body as { error: { code: string; message: string; innerError: Json } }).error;
}

/** `?$filter=…` with the expression percent-encoded (spaces as %20). */
export function q(name: string, value: string): string {
	return `${name}=${encodeURIComponent(value)}`;
}

/** Follows `@odata.nextLink` from `first` to the end; returns every page. */
export async function allPages(
	graph: Pick<GraphSandbox, 'url'>,
	token: string,
	first: string,
	headers: Record<string, string> = {},
): Promise<GraphAnswer[]> {
	const pages: GraphAnswer[] = [];
	let next: string | undefined = first;
	while (next) {
		const page: GraphAnswer = await call(graph, 'GET', next, { token, headers });
		if (page.status !== 200) throw new Error(`page ${pages.length}: ${page.status} ${page.text}`);
		pages.push(page);
		next = page.body?.['@odata.nextLink'] as string | undefined;
	}
	return pages;
}
