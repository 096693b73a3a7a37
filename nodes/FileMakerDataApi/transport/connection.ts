import type { ICredentialsDecrypted } from 'n8n-workflow';

import { keepAliveAllowed } from '../../../lib/http/network-environment';
import type { TransportSettings } from '../../../lib/http/request-rules';
import type { FileMakerCredentialType } from '../../../lib/filemaker/credential-kinds';
import type { SessionCredentialSettings } from '../../../lib/filemaker/session-credential';
import {
	RENEW_GRANT_BEFORE_MS,
	retireSupersededSession,
	scopeOf,
} from '../../../lib/filemaker/session-credential';
import type { FileMakerTarget } from '../../../lib/filemaker/target';
import { databaseUrl } from '../../../lib/filemaker/target';
import type { FileMakerContext } from '../../shared/credential-context';
import { oncePerContext, readFileMakerCredential } from '../../shared/credential-context';
import { dataApiSessionOf, logOutWhenExecutionEnds } from './signed-in';

export type { FileMakerContext };
export type { FileMakerCredentialType };

/** Where and how to reach one FileMaker database, read from the node's credential. */
export interface FileMakerConnection {
	credentialType: FileMakerCredentialType;
	target: FileMakerTarget;
	/** `https://host/fmi/data/vLatest/databases/<database>` */
	databaseUrl: string;
	transport: TransportSettings;
	/** Target, authentication kind and transport, as read from the credential. */
	settings: SessionCredentialSettings;
	/** Whether Data API requests may go over this package's kept-alive connections. */
	keepAlive: boolean;
	/** With the OAuth credential: the person's Data API session from the FileMaker Sign-In node. */
	signedIn?: { token: string };
	/**
	 * The credential as read once for this execution, handed to every request so n8n does not
	 * read and decrypt it again per page. n8n writes a renewed session token into it.
	 */
	credential: ICredentialsDecrypted;
}

/** Reads the credential once per execution (or dropdown load) and remembers it for the rest. */
export const getConnection = oncePerContext(async (context): Promise<FileMakerConnection> => {
	const { credentialType, data, settings, signedIn } = await readFileMakerCredential(context);
	const { id, name } = context.getNode().credentials?.[credentialType] ?? {};
	const connection: FileMakerConnection = {
		credential: { id: id ?? '', name: name ?? '', type: credentialType, data },
		credentialType,
		target: settings.target,
		databaseUrl: databaseUrl(settings.target),
		transport: settings.transport,
		settings,
		keepAlive: keepAliveAllowed(),
	};
	if (signedIn) {
		const { token, keep } = dataApiSessionOf(signedIn);
		connection.signedIn = { token };
		if (!keep) logOutWhenExecutionEnds(context, token, settings);
		return connection;
	}
	// A token opened with other settings (the credential was edited) is logged out on its own
	// server and dropped, so n8n's lifecycle logs in with the current settings before any request.
	if (
		await retireSupersededSession(
			context.helpers.httpRequest,
			data,
			scopeOf(settings),
			settings.transport,
		)
	) {
		data.sessionToken = '';
	}
	// A session that ends with its grant (FileMaker Cloud: the idToken's hour) is renewed before
	// the execution starts rather than failing in the middle of it.
	const grantEnds = settings.grantExpiresAt;
	if (grantEnds !== undefined && grantEnds - Date.now() < RENEW_GRANT_BEFORE_MS) {
		data.sessionToken = '';
	}
	return connection;
});
