import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxClock } from '../shared/clock';
import { decodeJwtClaims } from '../shared/jwt';
import { postForm } from '../shared/post-form';
import { oauthAccountFor } from './accounts';
import type { FileMakerCounters } from './endpoints';
import type { DatabaseSchema } from './schema';
import { SESSION_IDLE_MS } from './sessions';

/** An external identity provider configured in FileMaker Server's Admin Console. */
export interface FileMakerOAuthProvider {
	/** What `provider=` names and `oauthproviderinfo` lists as `Name`. */
	name: string;
	/** The provider's authorization endpoint. */
	authorizeUrl: string;
	/** The provider's token endpoint, where FileMaker Server redeems the code. */
	tokenUrl: string;
	clientId: string;
	/** Never shown to clients. */
	clientSecret: string;
	/** `ProviderID` in `oauthproviderinfo` (a string); the position in the list, from "1", by default. */
	providerId?: string;
}

/**
 * How FileMaker Server adds `trackingID`, `identifier` and `error` to the return URL:
 * `append` joins with `&` when the URL already has a query (else `?`); `question-mark` always
 * joins with `?`, as a careless server would (a client must survive both).
 */
export type ReturnQueryStyle = 'append' | 'question-mark';

/**
 * What getoauthurl answers when `address` is not the return URL's host: HTTP 400, or HTTP 200
 * with the body `{}` and no `X-FMS-Request-ID` (reported of FileMaker Server 26.0.1).
 */
export type AddressMismatchAnswer = '400' | 'empty-200';

export interface FileMakerOAuthOptions {
	providers: FileMakerOAuthProvider[];
	/** How long a sign-in request (getoauthurl to login) lasts; default 5 minutes. */
	requestTtlMs?: number;
	/** Default `append`. */
	returnQueryStyle?: ReturnQueryStyle;
	/** Default `400`. */
	addressMismatch?: AddressMismatchAnswer;
}

/** The OAuth behaviour of a running sandbox, changeable while it runs (`fm.oauth`). */
export interface FileMakerOAuthSettings {
	requestTtlMs: number;
	returnQueryStyle: ReturnQueryStyle;
	addressMismatch: AddressMismatchAnswer;
}

export const DEFAULT_OAUTH_REQUEST_TTL_MS = 5 * 60 * 1000;

/** The scope FileMaker Server asks for, written with raw spaces in the URL it hands out. */
export const OAUTH_SCOPE = 'openid email profile';

/** The `error` FileMaker Server puts on the return URL when a sign-in failed (not confirmed). */
export const OAUTH_SIGN_IN_FAILED = '1';

interface SignInRequest {
	requestId: string;
	trackingId: string;
	provider: FileMakerOAuthProvider;
	returnUrl: string;
	createdAt: number;
	state: string;
}

interface IssuedIdentifier {
	requestId: string;
	email: string;
	used: boolean;
}

interface ODataLogin {
	account: string;
	lastUsedAt: number;
}

/** The query of `GET /oauth/getoauthurl` and the headers FileMaker Server requires with it. */
export interface GetOAuthUrlInput {
	trackingId?: string;
	provider?: string;
	address?: string;
	authType?: string;
	applicationType?: string;
	applicationVersion?: string;
	returnUrl?: string;
}

export type GetOAuthUrlAnswer =
	| { kind: 'url'; requestId: string; body: string }
	| { kind: 'empty' }
	| { kind: 'refused'; reason: string };

/** Where `/oauth/redirect` sends the browser, or why it cannot (no return URL known). */
export type RedirectAnswer = { location: string } | { unknownRequest: string };

/**
 * FileMaker Server's side of the OAuth sign-in: the providers it offers, the sign-in requests
 * getoauthurl opens, the code redemption at `/oauth/redirect`, and the single-use identifiers
 * that log in to the Data API or OData (each identifier once, across both).
 */
export class FileMakerOAuth {
	readonly settings: FileMakerOAuthSettings;
	readonly providers: FileMakerOAuthProvider[];
	/** This server's own base URL (its `/oauth/redirect` is the providers' redirect URI). */
	serverUrl = '';
	private readonly requests = new Map<string, SignInRequest>();
	private readonly byState = new Map<string, SignInRequest>();
	private readonly identifiers = new Map<string, IssuedIdentifier>();
	private readonly odataLogins = new Map<string, ODataLogin>();

	constructor(
		options: FileMakerOAuthOptions | undefined,
		private readonly clock: SandboxClock,
		private readonly counters: FileMakerCounters,
	) {
		this.providers = (options?.providers ?? []).map((provider) => ({ ...provider }));
		this.settings = {
			requestTtlMs: options?.requestTtlMs ?? DEFAULT_OAUTH_REQUEST_TTL_MS,
			returnQueryStyle: options?.returnQueryStyle ?? 'append',
			addressMismatch: options?.addressMismatch ?? '400',
		};
	}

	/** `GET /fmws/oauthproviderinfo`: `{"data":{"Provider":[…]}}`, or `{}` without providers. */
	providerInfo(): Record<string, unknown> {
		if (this.providers.length === 0) return {};
		return {
			data: {
				Provider: this.providers.map((provider, index) => ({
					Name: provider.name,
					ProviderID: provider.providerId ?? String(index + 1),
					AuthCodeEndpoint: provider.authorizeUrl,
					ClientID: provider.clientId,
				})),
			},
		};
	}

	/** `GET /oauth/getoauthurl`: opens a sign-in request and hands out the provider's URL. */
	startSignIn(input: GetOAuthUrlInput): GetOAuthUrlAnswer {
		if (input.applicationType?.trim() !== '9')
			return { kind: 'refused', reason: 'X-FMS-Application-Type must be 9' };
		if (input.applicationVersion?.trim() !== '15')
			return { kind: 'refused', reason: 'X-FMS-Application-Version must be 15' };
		const returnUrl = parseReturnUrl(input.returnUrl);
		if (!returnUrl || input.returnUrl === undefined)
			return { kind: 'refused', reason: 'X-FMS-Return-URL must be an http(s) URL' };
		if (!input.trackingId) return { kind: 'refused', reason: 'trackingID is missing' };
		if (input.authType !== '2')
			return { kind: 'refused', reason: 'X-FMS-OAuth-AuthType must be 2' };
		if (!input.address) return { kind: 'refused', reason: 'address is missing' };
		const provider = this.providers.find((candidate) => candidate.name === input.provider);
		if (!provider) return { kind: 'refused', reason: 'unknown provider' };
		if (!sameHost(input.address, returnUrl)) {
			if (this.settings.addressMismatch === 'empty-200') return { kind: 'empty' };
			return { kind: 'refused', reason: 'address does not match the host of X-FMS-Return-URL' };
		}

		const request: SignInRequest = {
			requestId: randomUUID().toUpperCase(),
			trackingId: input.trackingId,
			provider,
			returnUrl: input.returnUrl,
			createdAt: this.clock.now(),
			state: randomBytes(16).toString('hex'),
		};
		this.requests.set(request.requestId, request);
		this.byState.set(request.state, request);
		const redirectUri = `${this.serverUrl}/oauth/redirect`;
		const separator = provider.authorizeUrl.includes('?') ? '&' : '?';
		// FileMaker Server writes the scope with raw spaces; clients encode them before use.
		const body =
			`${provider.authorizeUrl}${separator}response_type=code` +
			`&client_id=${encodeURIComponent(provider.clientId)}` +
			`&redirect_uri=${encodeURIComponent(redirectUri)}` +
			`&scope=${OAUTH_SCOPE}&state=${request.state}`;
		return { kind: 'url', requestId: request.requestId, body };
	}

	/**
	 * `GET /oauth/redirect?code&state` (the provider sends the browser here): redeems the code
	 * at the provider, takes the email from the ID token and sends the browser to the return URL
	 * with `trackingID`, a new single-use `identifier` and `error=0`; on any failure with
	 * `trackingID` and a non-zero `error` only.
	 */
	async finishSignIn(query: {
		code?: string;
		state?: string;
		error?: string;
	}): Promise<RedirectAnswer> {
		const request = query.state === undefined ? undefined : this.byState.get(query.state);
		if (!request) {
			return { unknownRequest: 'This sign-in request is unknown or has already been used.' };
		}
		this.byState.delete(request.state);
		const failed = () => ({
			location: this.returnLocation(request, [
				['trackingID', request.trackingId],
				['error', OAUTH_SIGN_IN_FAILED],
			]),
		});
		if (this.expired(request) || query.error !== undefined || !query.code) return failed();

		const email = await this.redeem(request, query.code);
		if (email === undefined) return failed();
		const identifier = randomBytes(32).toString('hex');
		this.identifiers.set(identifier, { requestId: request.requestId, email, used: false });
		this.counters.countEvent('oauthIdentifiers');
		return {
			location: this.returnLocation(request, [
				['trackingID', request.trackingId],
				['identifier', identifier],
				['error', '0'],
			]),
		};
	}

	/**
	 * Spends an identifier for a login to `database` (Data API or OData): the account it opens,
	 * or undefined when the pair is unknown, the identifier used, the request expired, or the
	 * person is no OAuth account of the file. An identifier is spent by any attempt that names
	 * it with its request id.
	 */
	spend(database: DatabaseSchema, requestId: string, identifier: string): string | undefined {
		const issued = this.identifiers.get(identifier);
		if (!issued || issued.requestId !== requestId || issued.used) return undefined;
		issued.used = true;
		const request = this.requests.get(requestId);
		if (!request || this.expired(request)) return undefined;
		return oauthAccountFor(database, issued.email);
	}

	/**
	 * OData's OAuth login (`POST /{db}/$metadata` with the pair): spends the identifier and
	 * lets the pair act as the account on later requests to `database`. A pair logged in
	 * already just goes on. Counted as `odataOAuthLogins`, or `failedLogins`.
	 */
	odataLogin(database: DatabaseSchema, requestId: string, identifier: string): string | undefined {
		const existing = this.odataAccount(database, requestId, identifier);
		if (existing !== undefined) return existing;
		const account = this.spend(database, requestId, identifier);
		if (account === undefined) {
			this.counters.countEvent('failedLogins');
			return undefined;
		}
		this.counters.countEvent('odataOAuthLogins');
		this.odataLogins.set(pairKey(database, requestId, identifier), {
			account,
			lastUsedAt: this.clock.now(),
		});
		return account;
	}

	/** The account a logged-in pair acts as in `database`, until 15 minutes without a request. */
	odataAccount(
		database: DatabaseSchema,
		requestId: string,
		identifier: string,
	): string | undefined {
		const key = pairKey(database, requestId, identifier);
		const login = this.odataLogins.get(key);
		if (!login) return undefined;
		const now = this.clock.now();
		if (now - login.lastUsedAt >= SESSION_IDLE_MS) {
			this.odataLogins.delete(key);
			return undefined;
		}
		login.lastUsedAt = now;
		return login.account;
	}

	/** Ends every OData OAuth login (with `expire-sessions`). */
	expireODataLogins(): void {
		this.odataLogins.clear();
	}

	private expired(request: SignInRequest): boolean {
		return this.clock.now() - request.createdAt >= this.settings.requestTtlMs;
	}

	private async redeem(request: SignInRequest, code: string): Promise<string | undefined> {
		const { provider } = request;
		try {
			const answer = await postForm(provider.tokenUrl, {
				grant_type: 'authorization_code',
				code,
				redirect_uri: `${this.serverUrl}/oauth/redirect`,
				client_id: provider.clientId,
				client_secret: provider.clientSecret,
			});
			if (answer.status !== 200) return undefined;
			const tokens = JSON.parse(answer.body) as { id_token?: unknown };
			if (typeof tokens.id_token !== 'string') return undefined;
			const claims = decodeJwtClaims(tokens.id_token);
			const audience = Array.isArray(claims?.aud) ? claims.aud : [claims?.aud];
			const expiresAt = typeof claims?.exp === 'number' ? claims.exp * 1000 : 0;
			if (!audience.includes(provider.clientId) || expiresAt <= this.clock.now()) return undefined;
			return typeof claims?.email === 'string' && claims.email !== '' ? claims.email : undefined;
		} catch {
			return undefined;
		}
	}

	private returnLocation(request: SignInRequest, params: Array<[string, string]>): string {
		const query = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
		const separator =
			this.settings.returnQueryStyle === 'append' && request.returnUrl.includes('?') ? '&' : '?';
		return `${request.returnUrl}${separator}${query}`;
	}
}

function pairKey(database: DatabaseSchema, requestId: string, identifier: string): string {
	return `${database.name}\n${requestId}\n${identifier}`;
}

function parseReturnUrl(text: string | undefined): URL | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
	} catch {
		return undefined;
	}
}

/** `address` names the return URL's host (with or without its port), case-insensitively. */
function sameHost(address: string, returnUrl: URL): boolean {
	const bare = (host: string) => host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
	const wanted = address.trim().toLowerCase();
	return bare(wanted) === bare(returnUrl.hostname) || wanted === returnUrl.host.toLowerCase();
}
