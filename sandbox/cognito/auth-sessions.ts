import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../shared/clock';
import type { PoolUser } from './users';

/** A PASSWORD_VERIFIER challenge waiting for its answer, found by its SECRET_BLOCK. */
export interface SrpChallenge {
	clientId: string;
	/** USER_ID_FOR_SRP as sent; for an unknown name, the stand-in id. */
	userId: string;
	/** Undefined for an unknown name: the answer fails like a wrong password. */
	user?: PoolUser;
	A: bigint;
	B: bigint;
	b: bigint;
	verifier: bigint;
}

export type MfaChallengeName = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA';

/** An MFA challenge waiting for its code, found by its `Session`. */
export interface MfaChallenge {
	clientId: string;
	user: PoolUser;
	challengeName: MfaChallengeName;
	/** The code texted for SMS_MFA. */
	smsCode?: string;
}

interface Pending<T> {
	value: T;
	issuedAt: number;
}

/**
 * Sign-ins between their steps. Cognito's `Session` lasts 3 minutes by default (the app
 * client's AuthSessionValidity, 3 to 15 minutes); the sandbox gives a SECRET_BLOCK the same
 * time. Expired entries answer 'expired' until they are taken.
 */
export class AuthSessions {
	private readonly srp = new Map<string, Pending<SrpChallenge>>();
	private readonly mfa = new Map<string, Pending<MfaChallenge>>();

	constructor(
		private readonly clock: SandboxClock,
		private readonly validityMs: number,
	) {}

	/** Stores the challenge and returns its SECRET_BLOCK (opaque base64, as Cognito's). */
	openSrp(challenge: SrpChallenge): string {
		const secretBlock = randomBytes(768).toString('base64');
		this.srp.set(secretBlock, { value: challenge, issuedAt: this.clock.now() });
		return secretBlock;
	}

	/** The challenge for `secretBlock`, removed: each one can be answered once. */
	takeSrp(secretBlock: string): SrpChallenge | 'expired' | undefined {
		const pending = this.srp.get(secretBlock);
		this.srp.delete(secretBlock);
		return this.checked(pending);
	}

	/** Stores the challenge and returns its `Session`. */
	openMfa(challenge: MfaChallenge): string {
		const session = randomBytes(640).toString('base64url');
		this.mfa.set(session, { value: challenge, issuedAt: this.clock.now() });
		return session;
	}

	/** The challenge for `session`; it stays until `closeMfa` (a wrong code may be retried). */
	mfaFor(session: string): MfaChallenge | 'expired' | undefined {
		const result = this.checked(this.mfa.get(session));
		if (result === 'expired') this.mfa.delete(session);
		return result;
	}

	closeMfa(session: string): void {
		this.mfa.delete(session);
	}

	private checked<T>(pending: Pending<T> | undefined): T | 'expired' | undefined {
		if (!pending) return undefined;
		return this.clock.now() - pending.issuedAt >= this.validityMs ? 'expired' : pending.value;
	}
}
