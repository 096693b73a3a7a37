import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../shared/clock';
import type { FieldValue } from './fixture-types';

/** FileMaker Server ends a Data API session 15 minutes after its last call. */
export const SESSION_IDLE_MS = 15 * 60 * 1000;

export interface Session {
	token: string;
	/** The database name as the client typed it at login; the token works only with it. */
	database: string;
	account: string;
	lastUsedAt: number;
	/**
	 * When the session ends however busy it is (FileMaker Cloud: its Claris ID token's
	 * expiry); only the idle time ends it when undefined.
	 */
	expiresAt?: number;
	/** Global field values set in this session, keyed `Table::Field`. */
	globals: Map<string, FieldValue>;
}

export class SessionStore {
	private readonly sessions = new Map<string, Session>();

	constructor(
		private readonly clock: SandboxClock,
		private readonly idleMs = SESSION_IDLE_MS,
	) {}

	open(database: string, account: string, expiresAt?: number): Session {
		// Real tokens are 52 hex characters.
		const token = randomBytes(26).toString('hex');
		const session: Session = {
			token,
			database,
			account,
			lastUsedAt: this.clock.now(),
			expiresAt,
			globals: new Map(),
		};
		this.sessions.set(token, session);
		return session;
	}

	/** The live session for `token` in `database`, its idle time reset; undefined otherwise. */
	use(token: string, database?: string): Session | undefined {
		const session = this.live(token);
		if (!session || (database !== undefined && session.database !== database)) return undefined;
		session.lastUsedAt = this.clock.now();
		return session;
	}

	close(token: string, database: string): boolean {
		const session = this.live(token);
		if (!session || session.database !== database) return false;
		this.sessions.delete(token);
		return true;
	}

	expireAll(): void {
		this.sessions.clear();
	}

	/** Whether `token` opens a live session now; unlike `use`, this does not reset its idle time. */
	isOpen(token: string): boolean {
		return this.live(token) !== undefined;
	}

	/** When the open session `token` ends regardless of use; undefined for none or no limit. */
	expiresAt(token: string): number | undefined {
		return this.live(token)?.expiresAt;
	}

	/** How many sessions are open now (expired ones are dropped first). */
	activeCount(): number {
		for (const token of this.sessions.keys()) this.live(token);
		return this.sessions.size;
	}

	private live(token: string): Session | undefined {
		const session = this.sessions.get(token);
		const now = this.clock.now();
		if (
			session &&
			(now - session.lastUsedAt >= this.idleMs ||
				(session.expiresAt !== undefined && now >= session.expiresAt))
		) {
			this.sessions.delete(token);
			return undefined;
		}
		return session;
	}
}
