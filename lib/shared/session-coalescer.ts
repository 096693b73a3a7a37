import { createHash } from 'node:crypto';

/**
 * How long a session obtained by one caller may be handed to others that still hold an older
 * one: long enough for executions that read the credential just before the new token was
 * saved, short enough that a credential test a little later makes a login of its own.
 */
const REUSE_WINDOW_MS = 10_000;

/** What a credential keeps of a session: at least its token, possibly more (an idToken, ...). */
export interface SessionRecord {
	token: string;
}

interface Entry<Session extends SessionRecord> {
	session?: Session;
	obtainedAt: number;
	pending?: Promise<Session>;
}

/**
 * Keeps concurrent executions from stampeding a login endpoint. n8n calls a credential's
 * preAuthentication from every execution that finds the token empty or rejected; callers for
 * the same settings that arrive while a login runs wait for it, and callers that arrive just
 * after it (still holding the old or empty token they read before it was saved) get the new
 * session, once `stillValid` confirms it, instead of logging in again. n8n retries a rejected
 * request only once, so a session is never handed out unchecked. Sessions live in the
 * credential; this is only a cache.
 */
export class SessionCoalescer<Session extends SessionRecord = SessionRecord> {
	private readonly entries = new Map<string, Entry<Session>>();

	constructor(private readonly now: () => number = Date.now) {}

	async obtain(
		key: string,
		heldToken: string,
		login: () => Promise<Session>,
		stillValid: (session: Session) => Promise<boolean>,
	): Promise<Session> {
		const entry = this.entries.get(key);
		if (entry?.pending) return await entry.pending;
		if (
			entry?.session !== undefined &&
			entry.session.token !== heldToken &&
			this.now() - entry.obtainedAt < REUSE_WINDOW_MS &&
			(await stillValid(entry.session))
		) {
			return entry.session;
		}
		// Another caller may have started a login while this one was checking.
		const started = this.entries.get(key)?.pending;
		if (started) return await started;

		const pending = login().then(
			(session) => {
				this.entries.set(key, { session, obtainedAt: this.now() });
				return session;
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
export function coalescingKey(...parts: Array<string | boolean>): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
