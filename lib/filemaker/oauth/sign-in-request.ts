import type { TransportSettings } from '../../http/request-rules';
import { FileMakerError } from '../errors';
import type { FileMakerServer, HttpRequest } from '../exchange';
import { exchangeWithServer } from '../exchange';

export interface SignInRequest {
	/** The provider's name as FileMaker Server lists it. */
	provider: string;
	/** Where FileMaker Server sends the browser back, with `identifier` added to its query. */
	returnUrl: string;
	/** FileMaker Server's `address` parameter: the host name of the return URL. */
	address: string;
	/** Our own random id; FileMaker Server hands it back with the identifier. */
	trackingId: string;
}

export interface StartedSignIn {
	/** `X-FMS-Request-ID`: one half of the login pair, kept by us, never shown to the person. */
	requestId: string;
	/** The identity provider's sign-in page the person's browser is sent to. */
	authorizationUrl: string;
}

/**
 * Starts a sign-in at FileMaker Server (`GET /oauth/getoauthurl`, step 2 of Claris' dance): the
 * answer holds the request id (header) and the identity provider's URL (body, plain text).
 * FileMaker Server refuses with 400 when `address` is not the return URL's host; some versions
 * answer 200 without a request id instead, which is caught here too.
 */
export async function startSignIn(
	http: HttpRequest,
	server: FileMakerServer,
	request: SignInRequest,
	transport: TransportSettings,
): Promise<StartedSignIn> {
	const answer = await exchangeWithServer(
		http,
		server,
		transport,
		{
			method: 'GET',
			url: `${server.serverUrl}/oauth/getoauthurl`,
			qs: {
				trackingID: request.trackingId,
				provider: request.provider,
				address: request.address,
				'X-FMS-OAuth-AuthType': 2,
			},
			headers: {
				'X-FMS-Application-Type': '9',
				'X-FMS-Application-Version': '15',
				'X-FMS-Return-URL': request.returnUrl,
			},
			json: false,
			encoding: 'text',
		},
		false,
	);
	const requestId = answer.headers['x-fms-request-id'];
	const body = typeof answer.body === 'string' ? answer.body : String(answer.body ?? '');
	if (answer.statusCode === 200 && typeof requestId === 'string' && requestId) {
		return { requestId, authorizationUrl: providerUrl(body) };
	}
	throw new FileMakerError(
		answer.statusCode === 200
			? 'FileMaker Server did not start the sign-in: its answer has no request id (X-FMS-Request-ID)'
			: `FileMaker Server refused to start the sign-in with "${request.provider}" (HTTP ${answer.statusCode})`,
		undefined,
		undefined,
		answer.statusCode,
		`FileMaker Server starts a sign-in only when the address "${request.address}" is the host of the return URL (${new URL(request.returnUrl).origin}), and the provider name matches one under Administration > External Authentication. Set the node's "Address" option to the host name people reach n8n at, or fix the provider name in the credential.`,
	);
}

/**
 * The identity provider's URL from the answer's text. FileMaker Server writes the scope with raw
 * spaces; a browser needs them encoded (`+`). Only http(s) URLs are accepted.
 */
export function providerUrl(body: string): string {
	const text = body.trim().replace(/ /g, '+');
	if (!URL.canParse(text) || !/^https?:$/.test(new URL(text).protocol)) {
		throw new FileMakerError(
			"FileMaker Server did not answer with the identity provider's sign-in address",
			undefined,
			undefined,
			200,
			"Check the identity provider's settings in the FileMaker Server Admin Console (Administration > External Authentication).",
		);
	}
	return text;
}
