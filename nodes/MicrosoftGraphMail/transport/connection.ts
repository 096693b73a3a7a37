import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { keepAliveAllowed } from '../../../lib/http/network-environment';
import type { TransportSettings } from '../../../lib/http/request-rules';
import { readTransportSettings } from '../../../lib/http/transport-settings';
import type { AppCredentialSettings } from '../../../lib/microsoft/app-credential';
import { readAppCredential } from '../../../lib/microsoft/app-credential';
import type { NationalCloud } from '../../../lib/microsoft/clouds';
import { NATIONAL_CLOUDS, isNationalCloud } from '../../../lib/microsoft/clouds';
import { RENEW_TOKEN_BEFORE_MS } from '../../../lib/microsoft/app-token-flight';
import { boundAccessToken, graphOrigin } from '../../../lib/microsoft/token-binding';

/** Every context that reaches Graph: node runs, dropdowns, and the mail trigger's polls. */
export type GraphContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const APP_CREDENTIAL = 'microsoftGraphAppApi';
export const DELEGATED_CREDENTIAL = 'microsoftGraphDelegatedOAuth2Api';
export type GraphCredentialType = typeof APP_CREDENTIAL | typeof DELEGATED_CREDENTIAL;

/** Where and how the node reaches Graph, read from its credential once per execution. */
export interface GraphConnection {
	credentialType: GraphCredentialType;
	/** The app credential's settings; none with the delegated credential (n8n's OAuth2). */
	app?: AppCredentialSettings;
	transport: TransportSettings;
	/** `https://graph.microsoft.com/v1.0` (or the national cloud's, or its stand-in). */
	graphBase: string;
	graphOrigin: string;
	/** Whether requests may go over this package's kept-alive connections (see data-api-exchange). */
	keepAlive: boolean;
	/**
	 * The credential as read for this execution, handed to every request so n8n does not read
	 * it again per page; n8n writes a renewed token into it.
	 */
	credential: ICredentialsDecrypted;
}

const connections = new WeakMap<GraphContext, Promise<GraphConnection>>();

export async function getGraphConnection(context: GraphContext): Promise<GraphConnection> {
	let connection = connections.get(context);
	if (!connection) {
		connection = readConnection(context);
		connections.set(context, connection);
	}
	return await connection;
}

export function credentialTypeOf(context: GraphContext): GraphCredentialType {
	const value =
		'getInputData' in context
			? context.getNodeParameter('authentication', 0, APP_CREDENTIAL)
			: context.getNodeParameter('authentication', APP_CREDENTIAL);
	return value === DELEGATED_CREDENTIAL ? DELEGATED_CREDENTIAL : APP_CREDENTIAL;
}

async function readConnection(context: GraphContext): Promise<GraphConnection> {
	if (credentialTypeOf(context) === DELEGATED_CREDENTIAL) return await readDelegated(context);
	const data: ICredentialDataDecryptedObject = await context.getCredentials(APP_CREDENTIAL);
	const settings = readAppCredential(data);
	// A token that ends within five minutes (or was obtained with other settings) is dropped
	// before the first request, so n8n's preAuthentication gets a new one: no request meets
	// an expired token, and an edited credential's old token is never sent.
	const bound = boundAccessToken(data, settings);
	if (!bound || bound.expiresAt - Date.now() < RENEW_TOKEN_BEFORE_MS) data.accessToken = '';
	const { id, name } = context.getNode().credentials?.[APP_CREDENTIAL] ?? {};
	const origin = graphOrigin(settings);
	return {
		credentialType: APP_CREDENTIAL,
		app: settings,
		transport: settings.transport,
		graphOrigin: origin,
		keepAlive: keepAliveAllowed(),
		graphBase: `${origin}/v1.0`,
		credential: { id: id ?? '', name: name ?? '', type: APP_CREDENTIAL, data },
	};
}

/**
 * The delegated credential: n8n's OAuth2 adds the person's token and refreshes it (keeping the
 * newest refresh token) after a 401; requests go to the national cloud's Graph host.
 */
async function readDelegated(context: GraphContext): Promise<GraphConnection> {
	const data: ICredentialDataDecryptedObject = await context.getCredentials(DELEGATED_CREDENTIAL);
	const cloudName = String(data.nationalCloud ?? 'global');
	const cloud: NationalCloud = isNationalCloud(cloudName) ? cloudName : 'global';
	const endpoint = String(data.graphEndpoint ?? '').trim();
	const origin =
		endpoint && URL.canParse(endpoint)
			? new URL(endpoint).origin
			: NATIONAL_CLOUDS[cloud].graphHost;
	const { id, name } = context.getNode().credentials?.[DELEGATED_CREDENTIAL] ?? {};
	return {
		credentialType: DELEGATED_CREDENTIAL,
		transport: readTransportSettings(data),
		graphOrigin: origin,
		keepAlive: false,
		graphBase: `${origin}/v1.0`,
		credential: { id: id ?? '', name: name ?? '', type: DELEGATED_CREDENTIAL, data },
	};
}
