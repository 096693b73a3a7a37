import { createHash } from 'node:crypto';

/**
 * How long a token obtained by one caller may be handed to others that still hold an older
 * one: long enough for executions that read the credential just before the new token was
 * saved, short enough that a credential test a little later makes a login of its own.
 */
const REUSE_WINDOW_MS = 10_000;

interface Entry {
	token?: string;
	obtainedAt: number;
	pending?: Promise<string>;
}

/**
 * Keeps concurrent executions from stampeding a login endpoint. n8n calls a credential's
 * preAuthentication from every execution that finds the token empty or rejected; callers for
 * the same account that arrive while a login runs wait for it, and callers that arrive just
 * after it (still holding the old or empty token they read before it was saved) get the new
 * token, once `stillValid` confirms it, instead of logging in again. n8n retries a rejected
 * request only once, so a token is never handed out unchecked. Tokens live in the
 * credential; this is only a cache.
 */
export class SessionCoalescer {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly now: () => number = Date.now) {}

	async obtain(
		key: string,
		heldToken: string,
		login: () => Promise<string>,
		stillValid: (token: string) => Promise<boolean>,
	): Promise<string> {
		const entry = this.entries.get(key);
		if (entry?.pending) return await entry.pending;
		if (
			entry?.token !== undefined &&
			entry.token !== heldToken &&
			this.now() - entry.obtainedAt < REUSE_WINDOW_MS &&
			(await stillValid(entry.token))
		) {
			return entry.token;
		}
		// Another caller may have started a login while this one was checking.
		const started = this.entries.get(key)?.pending;
		if (started) return await started;

		const pending = login().then(
			(token) => {
				this.entries.set(key, { token, obtainedAt: this.now() });
				return token;
			},
			(error: unknown) => {
				this.entries.delete(key);
				throw error;
			},
		);
		this.entries.set(key, { obtainedAt: this.now(), pending });
		return await pending;
	}
}

/** A key that changes whenever anything that decides the login changes; secrets are hashed. */
export function coalescingKey(...parts: string[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
