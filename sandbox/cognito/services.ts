import type { SandboxClock } from '../shared/clock';
import type { AuthSessions } from './auth-sessions';
import type { CognitoCounters } from './endpoints';
import { CognitoError, missingParameter } from './errors';
import type { TokenIssuer } from './tokens';
import type { UserDirectory } from './users';

/** Everything the operations of one pool share. */
export interface CognitoServices {
	region: string;
	userPoolId: string;
	/** The part of the pool id after "_", which SRP hashes into every password. */
	poolName: string;
	clientId: string;
	clock: SandboxClock;
	users: UserDirectory;
	tokens: TokenIssuer;
	sessions: AuthSessions;
	counters: CognitoCounters;
}

export type RequestBody = Record<string, unknown>;

/** The app client a call names: a validation error without one, ResourceNotFound for another. */
export function requireClient(services: CognitoServices, body: RequestBody): string {
	const clientId = body.ClientId;
	if (typeof clientId !== 'string' || clientId === '') {
		throw new CognitoError(
			'InvalidParameterException',
			"1 validation error detected: Value null at 'clientId' failed to satisfy constraint: " +
				'Member must not be null',
		);
	}
	if (clientId !== services.clientId) {
		throw new CognitoError(
			'ResourceNotFoundException',
			`User pool client ${clientId} does not exist.`,
		);
	}
	return clientId;
}

/** A string-to-string map parameter (AuthParameters, ChallengeResponses); {} when absent. */
export function mapParameter(body: RequestBody, name: string): Record<string, unknown> {
	const value = body[name];
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
}

export function requireString(map: Record<string, unknown>, name: string): string {
	const value = map[name];
	if (typeof value !== 'string' || value === '') throw missingParameter(name);
	return value;
}
