/** One request's `Authorization` header, as the sandbox received it. */
export interface PresentedCredential<Endpoint extends string> {
	/** Position in the log since the last reset, from 0; `mark()` returns the next one. */
	seq: number;
	endpoint: Endpoint;
	method: string;
	/** Path and query string. */
	path: string;
	/** `Bearer`, `Basic`, … as sent; undefined when the request had no `Authorization`. */
	scheme?: string;
	/** What followed the scheme (the session token for Bearer, base64 for Basic). */
	token?: string;
	/** When it arrived, on the sandbox clock (ms since the epoch). */
	at: number;
}

export interface PresentedQuery<Endpoint extends string> {
	endpoint?: Endpoint;
	/** Compared case-insensitively. */
	scheme?: string;
	token?: string;
	/** Only entries with `seq >= since` (a value `mark()` returned). */
	since?: number;
}

/**
 * Which credentials were presented on which endpoint, so tests can assert, for example,
 * that an old session token was never sent again after a credential changed. Kept in
 * memory only and never printed: the values are secrets.
 */
export class AuthLog<Endpoint extends string> {
	private entries: Array<PresentedCredential<Endpoint>> = [];

	record(
		endpoint: Endpoint,
		request: { method: string; path: string; authorization?: string },
		at: number,
	): void {
		const match = /^\s*(\S+)(?:\s+(.*?))?\s*$/.exec(request.authorization ?? '');
		this.entries.push({
			seq: this.entries.length,
			endpoint,
			method: request.method,
			path: request.path,
			scheme: match?.[1],
			token: match?.[2] || undefined,
			at,
		});
	}

	/** The entries matching `query`, oldest first. */
	presented(query: PresentedQuery<Endpoint> = {}): Array<PresentedCredential<Endpoint>> {
		const scheme = query.scheme?.toLowerCase();
		return this.entries.filter(
			(entry) =>
				(query.since === undefined || entry.seq >= query.since) &&
				(query.endpoint === undefined || entry.endpoint === query.endpoint) &&
				(scheme === undefined || entry.scheme?.toLowerCase() === scheme) &&
				(query.token === undefined || entry.token === query.token),
		);
	}

	/** Whether `token` was sent in an `Authorization` header (on `endpoint`, since `since`). */
	wasPresented(token: string, query: Omit<PresentedQuery<Endpoint>, 'token'> = {}): boolean {
		return this.presented({ ...query, token }).length > 0;
	}

	/** The distinct Bearer tokens presented (on one endpoint, or on any), in first-seen order. */
	bearerTokens(endpoint?: Endpoint): string[] {
		const tokens = this.presented({ endpoint, scheme: 'Bearer' }).map((entry) => entry.token);
		return [...new Set(tokens.filter((token): token is string => token !== undefined))];
	}

	/** The `seq` the next entry will get: pass it as `since` to look only at what follows. */
	mark(): number {
		return this.entries.length;
	}

	reset(): void {
		this.entries = [];
	}
}
