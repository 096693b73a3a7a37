import type { SandboxClock } from '../../shared/clock';
import type { AccessTokenIssuer } from '../access-tokens';
import type { AuthorizationCodes } from './authorization-codes';
import type { Directory } from './directory';
import type { MicrosoftIdentityCounters } from './endpoints';
import type { MicrosoftIdentityFaults } from './faults';
import type { IdTokenSigner } from './id-tokens';
import type { RefreshTokens } from './refresh-tokens';

/** What the sandbox's routes share. */
export interface MicrosoftIdentityServices {
	clock: SandboxClock;
	directory: Directory;
	codes: AuthorizationCodes;
	refreshTokens: RefreshTokens;
	issuer: AccessTokenIssuer;
	idTokens: IdTokenSigner;
	counters: MicrosoftIdentityCounters;
	faults: MicrosoftIdentityFaults;
	/** `https://graph.microsoft.com`: the `aud` of access tokens. */
	graphResource: string;
	accessTokenLifetimeSeconds: number;
	refreshTokenLifetimeDays: number;
	/** The host the sandbox stands in for: `login.microsoftonline.com`. */
	authorityHost: string;
	/** The sandbox's own base URL (known once it listens). */
	url(): string;
}
