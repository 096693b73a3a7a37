import { closeSession, openSession } from '../../../lib/filemaker/session';
import type { FileMakerContext } from './connection';
import { getConnection } from './connection';

/** The session token of the operation running in a session of its own, per execution context. */
const ownSessions = new WeakMap<FileMakerContext, string>();

/**
 * Runs `work` in a Data API session of its own: a login with the credential's account, the
 * work, and a logout, whatever happens. Global fields belong to a session, so values set inside
 * are seen by this work only, never by other executions sharing the credential's session. The
 * token is never stored: if FileMaker ends the session meanwhile, the work fails instead of
 * logging in again (the globals would be gone).
 */
export async function inOwnSession<T>(
	context: FileMakerContext,
	work: () => Promise<T>,
): Promise<T> {
	const connection = await getConnection(context);
	// A person's signed-in session is theirs alone already, and cannot be opened twice.
	if (connection.signedIn) return await work();
	const { target, transport } = connection.settings;
	const http = context.helpers.httpRequest;
	const { authorization } = await connection.settings.authorize(http);
	const token = await openSession(http, target, authorization, transport);
	ownSessions.set(context, token);
	try {
		return await work();
	} finally {
		ownSessions.delete(context);
		await closeSession(http, target, token, transport);
	}
}

/** The token of the session of its own that `context` is running in, if any. */
export function ownSessionOf(context: FileMakerContext): string | undefined {
	return ownSessions.get(context);
}
