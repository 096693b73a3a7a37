import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { keepAliveRequest } from '../../../lib/http/keep-alive-client';
import { plainSend } from '../../../lib/http/plain-send';
import { sendWithRules } from '../../../lib/http/request-rules';
import { serverName } from '../../../lib/filemaker/target';
import { FileMakerError } from '../../../lib/filemaker/errors';
import { signedInSessionEnded } from '../../../lib/filemaker/oauth/signed-in-credential';
import type { RuledRequest } from '../../../lib/http/request-rules';
import { cancelSignal } from '../../shared/credential-context';
import type { FileMakerConnection, FileMakerContext } from './connection';
import { ownSessionOf } from './own-session';

/**
 * Sends one Data API request under the transport rules and returns FileMaker's answer.
 *
 * With a session token in hand it goes over a kept-alive connection (n8n's helper opens a new
 * TCP and TLS connection per request, two to three round trips to a remote server each time).
 * Everything about the session stays with n8n: a missing token, or a 401 from FileMaker (code
 * 952, the session ended), sends the request through `httpRequestWithAuthentication`, where n8n
 * runs the credential's preAuthentication, persists the new token, and retries once; the new
 * token lands in `connection.credential` for the requests after it. That costs one request
 * more than n8n alone on the rare expiry, and saves a connection setup on every other request.
 * Multipart uploads, and every request when n8n is set to use a proxy or SSRF checks, always go
 * through n8n's helper.
 */
export async function exchangeWithDataApi(
	context: FileMakerContext,
	connection: FileMakerConnection,
	options: IHttpRequestOptions,
	idempotent: boolean,
): Promise<IN8nHttpFullResponse> {
	const request = { idempotent, serverName: serverName(connection.target) };
	const ownToken = ownSessionOf(context);
	if (ownToken !== undefined) {
		return await exchangeInOwnSession(context, connection, { ...request, options }, ownToken);
	}
	if (connection.signedIn) {
		return await exchangeInOwnSession(
			context,
			connection,
			{ ...request, options },
			connection.signedIn.token,
		);
	}
	const data = connection.credential.data ?? {};
	const token = String(data.sessionToken ?? '');
	if (connection.keepAlive && token && !(options.body instanceof FormData)) {
		const answer = await sendWithRules(
			async (ruled) =>
				await keepAliveRequest(
					{ ...ruled, headers: { ...ruled.headers, Authorization: `Bearer ${token}` } },
					cancelSignal(context),
				),
			{ ...request, options },
			connection.transport,
		);
		// 401: the session ended. n8n's helper below sends the same token, gets the same 401, runs
		// preAuthentication with it (so the single flight knows which token was rejected), and retries.
		if (answer.statusCode !== 401) return answer;
	}
	return await sendWithRules(
		async (ruled) =>
			(await context.helpers.httpRequestWithAuthentication.call(
				context,
				connection.credentialType,
				ruled,
				{ credentialsDecrypted: connection.credential },
			)) as IN8nHttpFullResponse,
		{
			...request,
			options: { ...options, ignoreHttpStatusErrors: { ignore: true, except: [401] } },
		},
		connection.transport,
	);
}

/**
 * A request in a session that cannot be renewed: one of its own (see `inOwnSession`), or a
 * person's signed-in session. The token goes only to the server of the credential, kept alive
 * where allowed; a 401 ends the work, since a new login would lose the global fields set in the
 * session, or needs the person.
 */
async function exchangeInOwnSession(
	context: FileMakerContext,
	connection: FileMakerConnection,
	request: RuledRequest,
	token: string,
): Promise<IN8nHttpFullResponse> {
	const send = plainSend(connection.keepAlive, context.helpers.httpRequest, cancelSignal(context));
	const answer = await sendWithRules(
		async (ruled) =>
			await send({ ...ruled, headers: { ...ruled.headers, Authorization: `Bearer ${token}` } }),
		request,
		connection.transport,
	);
	if (answer.statusCode === 401 && connection.signedIn?.token === token)
		throw signedInSessionEnded();
	if (answer.statusCode === 401) {
		throw new FileMakerError(
			'FileMaker ended the session of this operation before it finished (FileMaker error 952)',
			'952',
			'Invalid FileMaker Data API token',
			401,
			'The global fields set for this operation were lost with the session. Run the item again.',
		);
	}
	return answer;
}
