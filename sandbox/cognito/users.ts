import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { makeVerifier, type SrpVerifier } from './srp';

/** A second factor: an authenticator app (TOTP) or text messages. */
export type MfaSetting = { type: 'totp'; secret: string } | { type: 'sms'; phoneNumber: string };

export type UserStatus = 'CONFIRMED' | 'RESET_REQUIRED';

export interface CognitoUserSpec {
	/** What the user signs in with, like a Claris ID (an alias of the username). */
	email: string;
	password: string;
	/**
	 * The user's username in the pool. Pools that sign in by email give every user a UUID
	 * username, which Cognito returns as USER_ID_FOR_SRP; a UUID by default.
	 */
	username?: string;
	/** Default: the username when it is a UUID, a new UUID otherwise. */
	sub?: string;
	mfa?: MfaSetting;
	/** `RESET_REQUIRED` refuses sign-in with PasswordResetRequiredException. */
	status?: UserStatus;
	/** A disabled user cannot sign in or refresh (default true). */
	enabled?: boolean;
}

/** A text message the sandbox "sent". */
export interface SentSms {
	phoneNumber: string;
	code: string;
	/** Sandbox clock, ms since the epoch. */
	at: number;
}

export interface PoolUser extends SrpVerifier {
	username: string;
	sub: string;
	email: string;
	mfa?: MfaSetting;
	status: UserStatus;
	enabled: boolean;
	sms: SentSms[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The users of one pool, found by username or email alias, case-insensitively. */
export class UserDirectory {
	private readonly users: PoolUser[] = [];
	/** Derives the stable fake salt and verifier an unknown name gets. */
	private readonly secret = randomBytes(32);

	constructor(private readonly poolName: string) {}

	add(spec: CognitoUserSpec): PoolUser {
		const username = spec.username ?? randomUUID();
		if (this.find(spec.email) || this.find(username)) {
			throw new RangeError(`a user ${spec.email} (${username}) is already in the pool`);
		}
		const user: PoolUser = {
			username,
			sub: spec.sub ?? (UUID.test(username) ? username : randomUUID()),
			email: spec.email,
			mfa: spec.mfa,
			status: spec.status ?? 'CONFIRMED',
			enabled: spec.enabled ?? true,
			sms: [],
			...makeVerifier(this.poolName, username, spec.password),
		};
		this.users.push(user);
		return user;
	}

	find(name: string): PoolUser | undefined {
		const wanted = name.toLowerCase();
		return this.users.find(
			(user) => user.username.toLowerCase() === wanted || user.email.toLowerCase() === wanted,
		);
	}

	/** Finds `name` or throws, for the sandbox's own API (tests naming a user that is not there). */
	get(name: string): PoolUser {
		const user = this.find(name);
		if (!user) throw new RangeError(`no user ${name} in the pool`);
		return user;
	}

	setPassword(name: string, password: string): void {
		const user = this.get(name);
		Object.assign(user, makeVerifier(this.poolName, user.username, password));
		user.status = 'CONFIRMED';
	}

	all(): readonly PoolUser[] {
		return this.users;
	}

	/**
	 * What an unknown name gets instead of an error ("prevent user existence errors"): a user
	 * id, salt and verifier that stay the same for that name, so that asking twice does not
	 * tell it apart from a real user. No password matches the verifier.
	 */
	standIn(name: string): { userId: string } & SrpVerifier {
		const derive = (purpose: string) =>
			createHmac('sha256', this.secret).update(`${purpose}:${name.toLowerCase()}`).digest('hex');
		const id = derive('id');
		const userId = [
			id.slice(0, 8),
			id.slice(8, 12),
			`4${id.slice(13, 16)}`,
			`a${id.slice(17, 20)}`,
			id.slice(20, 32),
		].join('-');
		return {
			userId,
			...makeVerifier(this.poolName, userId, derive('password'), derive('salt').slice(0, 32)),
		};
	}
}
