import type { TransportSettings } from '../../http/request-rules';
import { FileMakerError } from '../errors';
import type { FileMakerServer, HttpRequest } from '../exchange';
import { exchangeWithServer } from '../exchange';

/** An identity provider configured on FileMaker Server (Admin Console → External Authentication). */
export interface OAuthProvider {
	name: string;
}

export const PROVIDER_INFO_PATH = '/fmws/oauthproviderinfo';

/**
 * The providers in FileMaker Server's answer, `{"data":{"Provider":[{"Name": …}, …]}}`. Only
 * names are read; anything else in an entry (endpoints, client ids) is left alone.
 */
export function providersOf(body: unknown): OAuthProvider[] | undefined {
	const data = (body as { data?: { Provider?: unknown } } | undefined)?.data;
	const list = data?.Provider;
	if (!Array.isArray(list)) return undefined;
	return list
		.map((entry) => (entry as { Name?: unknown } | undefined)?.Name)
		.filter((name): name is string => typeof name === 'string' && name !== '')
		.map((name) => ({ name }));
}

/** The identity providers a FileMaker Server offers (`GET /fmws/oauthproviderinfo`, no login). */
export async function listOAuthProviders(
	http: HttpRequest,
	server: FileMakerServer,
	transport: TransportSettings,
): Promise<OAuthProvider[]> {
	const answer = await exchangeWithServer(
		http,
		server,
		transport,
		{ method: 'GET', url: `${server.serverUrl}${PROVIDER_INFO_PATH}` },
		true,
	);
	return providerList(answer.statusCode, answer.body, server.serverUrl);
}

/** The providers in an answer of `/fmws/oauthproviderinfo`, or an error that says what to check. */
export function providerList(status: number, body: unknown, serverUrl: string): OAuthProvider[] {
	const providers = status === 200 ? providersOf(body) : undefined;
	if (!providers) {
		throw new FileMakerError(
			`${serverUrl} did not list identity providers (HTTP ${status} from ${PROVIDER_INFO_PATH})`,
			undefined,
			undefined,
			status,
			'Check the server URL, and that FileMaker Server 19 or later has an OAuth identity provider set up under Administration > External Authentication in its Admin Console.',
		);
	}
	return providers;
}

/** The provider named `name` (matched exactly, as FileMaker Server does), or an error listing them. */
export function pickProvider(providers: OAuthProvider[], name: string): OAuthProvider {
	const provider = providers.find((candidate) => candidate.name === name);
	if (provider) return provider;
	const known = providers.map((candidate) => `"${candidate.name}"`).join(', ');
	throw new FileMakerError(
		`FileMaker Server has no identity provider named "${name}"`,
		undefined,
		undefined,
		undefined,
		known
			? `Enter one of the names the server offers: ${known} (case matters).`
			: 'The server offers no identity provider. Set one up in the Admin Console under Administration > External Authentication.',
	);
}
