import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { FileMakerTarget } from './target';
import { DATA_API_VERSIONS } from './target';

/**
 * A session token belongs to the settings that opened it. The credential keeps, next to the
 * token, the target it was opened on and a hash of target and identity (never a password):
 * after the builder edits server, database, API version, certificate setting or account, the
 * hash no longer matches, the old token is not sent anywhere, and a new login happens. The
 * target is kept so the old session can be logged out on its own server.
 */
export interface SessionScope extends FileMakerTarget {
	binding: string;
}

export function sessionBinding(target: FileMakerTarget, identity: string): string {
	const parts = [
		target.serverUrl,
		target.database,
		target.apiVersion,
		target.allowSelfSigned,
		identity,
	];
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function sessionScope(target: FileMakerTarget, identity: string): SessionScope {
	return { ...target, binding: sessionBinding(target, identity) };
}

/** The scope stored in the credential's hidden `sessionOpenedWith` field, if readable. */
export function storedScope(credentials: ICredentialDataDecryptedObject): SessionScope | undefined {
	const raw = credentials.sessionOpenedWith;
	if (typeof raw !== 'string' || raw === '') return undefined;
	try {
		const scope = JSON.parse(raw) as Partial<SessionScope>;
		const valid =
			typeof scope.binding === 'string' &&
			typeof scope.serverUrl === 'string' &&
			typeof scope.database === 'string' &&
			DATA_API_VERSIONS.includes(scope.apiVersion as FileMakerTarget['apiVersion']);
		return valid ? (scope as SessionScope) : undefined;
	} catch {
		return undefined;
	}
}

/** The stored session token if it was opened with `binding`, else an empty string. */
export function boundToken(credentials: ICredentialDataDecryptedObject, binding: string): string {
	const token = String(credentials.sessionToken ?? '');
	return token && storedScope(credentials)?.binding === binding ? token : '';
}
