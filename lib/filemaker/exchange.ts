import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { TransportError } from '../http/errors';
import type { HttpRequest, TransportSettings } from '../http/request-rules';
import { sendWithRules, viaHttpRequest } from '../http/request-rules';
import { connectionError } from './connection-error';
import type { FileMakerTarget } from './target';
import { serverName } from './target';

export type { HttpRequest };

/** The part of a target every request to a FileMaker Server needs. */
export type FileMakerServer = Pick<FileMakerTarget, 'serverUrl' | 'allowSelfSigned'>;

/**
 * One request to a FileMaker Server through n8n's helper, under the transport rules (timeout,
 * no redirects, Retry-After), with the certificate setting of the credential. A failure to
 * reach the server becomes an error that says what to check. JSON unless `json: false`.
 */
export async function exchangeWithServer(
	http: HttpRequest,
	server: FileMakerServer,
	transport: TransportSettings,
	options: IHttpRequestOptions,
	idempotent: boolean,
): Promise<IN8nHttpFullResponse> {
	try {
		return await sendWithRules(
			viaHttpRequest(http),
			{
				options: { json: true, ...options, skipSslCertificateValidation: server.allowSelfSigned },
				idempotent,
				serverName: serverName(server),
			},
			transport,
		);
	} catch (error) {
		throw asServerFailure(error, server.serverUrl);
	}
}

/** A failed request as the error to show: the transport rules' own, or what to check to connect. */
export function asServerFailure(error: unknown, serverUrl: string): Error {
	return error instanceof TransportError ? error : connectionError(error, serverUrl);
}
