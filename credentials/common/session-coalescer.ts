import { createHash } from 'node:crypto';

/** How long a token obtained by one caller is handed to others that still hold an older one. */
const REUSE_WINDOW_MS = 60_000;

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
 * token instead of logging in again. Tokens live in the credential; this is only a cache.
 */
export class SessionCoalescer {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly now: () => number = Date.now) {}

	async obtain(key: string, heldToken: string, login: () => Promise<string>): Promise<string> {
		const entry = this.entries.get(key);
		if (entry?.pending) return await entry.pending;
		if (
			entry?.token !== undefined &&
			entry.token !== heldToken &&
			this.now() - entry.obtainedAt < REUSE_WINDOW_MS
		) {
			return entry.token;
		}

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
