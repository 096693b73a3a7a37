import { verifyAccessToken, type GraphAccessClaims } from '../access-tokens';
import {
	GraphError,
	MESSAGES,
	accessDenied,
	badRequest,
	invalidUser,
	unauthorized,
} from './errors';
import type { GraphContext } from './context';
import type { Mailbox } from './model';

export interface Caller {
	claims: GraphAccessClaims;
	app: boolean;
	/** Roles (app) or scopes (delegated), lower case. */
	permissions: Set<string>;
}

/** Which mailbox a path names: `/me/…` or `/users/{id | userPrincipalName}/…`. */
export type MailboxTarget = { me: true } | { me: false; user: string };

export type Access = 'read' | 'write' | 'send';

/**
 * The Bearer token of a request, checked as Graph does: signature, audience (the resource),
 * expiry and tenant. Messages of the 401 answers are Graph's (seen in issue threads).
 */
export function authenticate(context: GraphContext, authorization: string | undefined): Caller {
	const match = /^\s*Bearer\s+(\S*)\s*$/i.exec(authorization ?? '');
	const token = match?.[1] ?? '';
	if (!match || token === '') throw unauthorized(MESSAGES.tokenEmpty);
	if (!token.includes('.')) throw unauthorized(MESSAGES.tokenNotWellFormed);
	const verdict = verifyAccessToken(
		token,
		context.trust,
		context.settings.resource,
		context.clock.now(),
	);
	if (verdict === 'expired') throw unauthorized(MESSAGES.tokenExpired);
	if (verdict === 'wrong audience') throw unauthorized(MESSAGES.tokenAudience);
	if (typeof verdict === 'string') throw unauthorized(MESSAGES.tokenInvalid);
	// Chosen: a token of another tenant fails validation like a bad signature.
	if (verdict.tid !== context.settings.tenantId) throw unauthorized(MESSAGES.tokenInvalid);
	const app = verdict.idtyp === 'app';
	const permissions = app
		? (verdict.roles ?? [])
		: (verdict.scp ?? '').split(' ').filter((scope) => scope !== '');
	return { claims: verdict, app, permissions: new Set(permissions.map((p) => p.toLowerCase())) };
}

/** Permissions that allow an access, least privileged first (Graph permissions reference). */
const APP_PERMISSIONS: Record<Access, string[]> = {
	read: ['mail.read', 'mail.readwrite'],
	write: ['mail.readwrite'],
	send: ['mail.send'],
};
const OWN_PERMISSIONS: Record<Access, string[]> = {
	read: ['mail.read', 'mail.readwrite'],
	write: ['mail.readwrite'],
	send: ['mail.send'],
};
const SHARED_PERMISSIONS: Record<Access, string[]> = {
	read: ['mail.read.shared', 'mail.readwrite.shared'],
	write: ['mail.readwrite.shared'],
	send: ['mail.send.shared'],
};

/**
 * The mailbox a caller may reach for `access`, or Graph's answer: `/me` with an app token is
 * 400 BadRequest; a missing permission 403 ErrorAccessDenied; an unknown user 404
 * ErrorInvalidUser; a mailbox outside the app's application access policy 403
 * ErrorAccessDenied "Access to OData is disabled.". Delegated callers reach their own mailbox
 * (`oid` or `upn`) with the Mail.* scopes and shared mailboxes with the Mail.*.Shared scopes
 * (chosen: no per-mailbox FullAccess grants; other users' mailboxes are denied).
 */
export function mailboxFor(
	context: GraphContext,
	caller: Caller,
	target: MailboxTarget,
	access: Access,
): Mailbox {
	if (target.me && caller.app) throw badRequest(MESSAGES.meWithAppToken);
	if (caller.app) {
		requirePermission(caller, APP_PERMISSIONS[access]);
		const mailbox = target.me ? undefined : context.store.find(target.user);
		if (!mailbox) throw invalidUser(target.me ? 'me' : target.user);
		const policy = context.settings.accessPolicy?.[caller.claims.appid];
		if (policy && !policy.some((entry) => sameMailbox(mailbox, entry))) {
			throw accessDenied(MESSAGES.accessPolicy);
		}
		return mailbox;
	}
	const own = ownMailbox(context, caller);
	if (target.me) {
		requirePermission(caller, OWN_PERMISSIONS[access]);
		if (!own) throw mailboxNotEnabled();
		return own;
	}
	const mailbox = context.store.find(target.user);
	if (!mailbox) throw invalidUser(target.user);
	if (own && mailbox === own) {
		requirePermission(caller, OWN_PERMISSIONS[access]);
		return mailbox;
	}
	if (mailbox.kind !== 'shared') throw accessDenied();
	requirePermission(caller, SHARED_PERMISSIONS[access]);
	return mailbox;
}

function ownMailbox(context: GraphContext, caller: Caller): Mailbox | undefined {
	return (
		context.store.find(caller.claims.oid) ??
		(caller.claims.upn ? context.store.find(caller.claims.upn) : undefined)
	);
}

function requirePermission(caller: Caller, any: string[]): void {
	if (!any.some((permission) => caller.permissions.has(permission))) throw accessDenied();
}

function sameMailbox(mailbox: Mailbox, entry: string): boolean {
	const key = entry.toLowerCase();
	return mailbox.address.toLowerCase() === key || mailbox.id.toLowerCase() === key;
}

/** Chosen from memory of Graph answers for a user without an Exchange Online mailbox. */
function mailboxNotEnabled(): GraphError {
	return new GraphError(
		404,
		'MailboxNotEnabledForRESTAPI',
		'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
	);
}
