import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../../shared/clock';
import type { GrantedScopes } from './scopes';

/** What a refresh token stands for: a user's sign-in to one app. */
export interface RefreshGrant {
	clientId: string;
	tenantId: string;
	userId: string;
	scopes: GrantedScopes;
	sessionId: string;
	authTime: number;
	/** Issued to a public client (password changes revoke those, not confidential clients' ones). */
	publicClient: boolean;
}

interface IssuedRefreshToken {
	grant: RefreshGrant;
	issuedAt: number;
	expiresAt: number;
	revokedAt?: number;
}

export type RefreshLookup =
	| { kind: 'valid'; grant: RefreshGrant; issuedAt: number }
	| { kind: 'unknown' }
	| { kind: 'expired'; issuedAt: number }
	| { kind: 'revoked'; issuedAt: number; revokedAt: number };

/**
 * Refresh tokens: opaque, bound to user, app and scopes, alive for `lifetimeMs` after they were
 * issued. Each use gives a new one; the old one stays valid ("The Microsoft identity platform
 * doesn't revoke old refresh tokens when used to fetch new access tokens") unless
 * `revokeRotated` is set, which makes the sandbox stricter than Entra.
 */
export class RefreshTokens {
	private readonly tokens = new Map<string, IssuedRefreshToken>();

	constructor(
		private readonly clock: SandboxClock,
		readonly lifetimeMs: number,
		private readonly revokeRotated: boolean,
	) {}

	issue(grant: RefreshGrant): string {
		const token = `1.A${randomBytes(96).toString('base64url')}`;
		const now = this.clock.now();
		this.tokens.set(token, { grant, issuedAt: now, expiresAt: now + this.lifetimeMs });
		return token;
	}

	look(token: string): RefreshLookup {
		const issued = this.tokens.get(token);
		if (!issued) return { kind: 'unknown' };
		if (issued.revokedAt !== undefined) {
			return { kind: 'revoked', issuedAt: issued.issuedAt, revokedAt: issued.revokedAt };
		}
		if (this.clock.now() >= issued.expiresAt) return { kind: 'expired', issuedAt: issued.issuedAt };
		return { kind: 'valid', grant: issued.grant, issuedAt: issued.issuedAt };
	}

	/** A new token for the same grant; the old one is revoked only with `revokeRotated`. */
	rotate(old: string, grant: RefreshGrant): string {
		if (this.revokeRotated) this.revoke(old);
		return this.issue(grant);
	}

	revoke(token: string): boolean {
		const issued = this.tokens.get(token);
		if (!issued || issued.revokedAt !== undefined) return false;
		issued.revokedAt = this.clock.now();
		return true;
	}

	/** Revokes the user's live tokens (all, or those `which` picks); how many. */
	revokeUser(userId: string, which: (grant: RefreshGrant) => boolean = () => true): number {
		let count = 0;
		for (const [token, issued] of this.tokens) {
			if (issued.grant.userId === userId && which(issued.grant) && this.revoke(token)) count++;
		}
		return count;
	}

	isActive(token: string): boolean {
		return this.look(token).kind === 'valid';
	}

	/** Sandbox clock, ms since the epoch. */
	expiresAt(token: string): number | undefined {
		return this.tokens.get(token)?.expiresAt;
	}
}
