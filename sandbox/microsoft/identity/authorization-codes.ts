import { createHash, randomBytes } from 'node:crypto';
import type { SandboxClock } from '../../shared/clock';
import type { GrantedScopes } from './scopes';

/** "Authorization codes are short lived. Typically, they expire after about 10 minutes." */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

export type ChallengeMethod = 'S256' | 'plain';

/** What a sign-in granted, bound to the code that carries it. */
export interface CodeGrant {
	clientId: string;
	/** The tenant of the app and the user. */
	tenantId: string;
	userId: string;
	redirectUri: string;
	scopes: GrantedScopes;
	codeChallenge?: string;
	codeChallengeMethod?: ChallengeMethod;
	nonce?: string;
	/** When the person signed in (ms, sandbox clock). */
	authTime: number;
	/** The sign-in session (`sid`, `session_state`). */
	sessionId: string;
}

interface IssuedCode {
	grant: CodeGrant;
	expiresAt: number;
	redeemed: boolean;
}

export type CodeLookup =
	| { kind: 'valid'; grant: CodeGrant }
	| { kind: 'unknown' }
	| { kind: 'expired' }
	| { kind: 'redeemed' };

/** Authorization codes: random, redeemable once, for `CODE_LIFETIME_MS`. */
export class AuthorizationCodes {
	private readonly codes = new Map<string, IssuedCode>();

	constructor(private readonly clock: SandboxClock) {}

	issue(grant: CodeGrant): string {
		const code = `1.A${randomBytes(48).toString('base64url')}`;
		this.codes.set(code, {
			grant,
			expiresAt: this.clock.now() + CODE_LIFETIME_MS,
			redeemed: false,
		});
		return code;
	}

	/** The code's grant, without spending it. */
	look(code: string): CodeLookup {
		const issued = this.codes.get(code);
		if (!issued) return { kind: 'unknown' };
		if (issued.redeemed) return { kind: 'redeemed' };
		if (this.clock.now() >= issued.expiresAt) return { kind: 'expired' };
		return { kind: 'valid', grant: issued.grant };
	}

	/** Spends the code: from now on it answers `redeemed`. */
	redeem(code: string): void {
		const issued = this.codes.get(code);
		if (issued) issued.redeemed = true;
	}
}

/** RFC 7636 §4.6: whether `verifier` proves the `challenge` of the authorization request. */
export function verifiesChallenge(
	verifier: string,
	challenge: string,
	method: ChallengeMethod,
): boolean {
	const computed =
		method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
	return computed === challenge;
}
