import type { SignedInSession } from '../../../lib/filemaker/oauth/signed-in-session';
import { closeSession } from '../../../lib/filemaker/session';
import type { SessionCredentialSettings } from '../../../lib/filemaker/session-credential';
import type { FileMakerContext } from '../../shared/credential-context';
import { isExecution } from '../../shared/credential-context';
import { InputError } from '../../shared/node-error';

/** The Data API session of a sign-in; a sign-in made for OData has none. */
export function dataApiSessionOf(
	session: SignedInSession,
): Extract<SignedInSession, { api: 'dataApi' }> {
	if (session.api !== 'dataApi') {
		throw new InputError(
			'This sign-in was made for OData, not the Data API',
			'Set "Log In To" of the FileMaker Sign-In node to Data API, or use the FileMaker OData node.',
		);
	}
	return session;
}

/** Sessions with a logout registered for the end of their execution: `<execution>|<token>`. */
const pendingLogouts = new Set<string>();

/**
 * Logs the person's session out when the execution ends (success, failure or cancel, not a
 * pause to wait), once however many FileMaker nodes used it. Without n8n's hook (older n8n),
 * FileMaker Server ends the session after 15 minutes without use.
 */
export function logOutWhenExecutionEnds(
	context: FileMakerContext,
	token: string,
	settings: SessionCredentialSettings,
): void {
	if (!isExecution(context) || !context.onExecutionFinish) return;
	const key = `${context.getExecutionId()}|${token}`;
	if (pendingLogouts.has(key)) return;
	pendingLogouts.add(key);
	const http = context.helpers.httpRequest;
	context.onExecutionFinish(async () => {
		// n8n may run the handler more than once; only the first logs out.
		if (!pendingLogouts.delete(key)) return;
		await closeSession(http, settings.target, token, settings.transport);
	});
}
