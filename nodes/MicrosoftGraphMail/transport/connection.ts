import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import type { AppCredentialSettings } from '../../../lib/microsoft/app-credential';
import { readAppCredential } from '../../../lib/microsoft/app-credential';
import { RENEW_TOKEN_BEFORE_MS } from '../../../lib/microsoft/app-token-flight';
import { boundAccessToken, graphOrigin } from '../../../lib/microsoft/token-binding';

export type GraphContext = IExecuteFunctions | ILoadOptionsFunctions;

export const APP_CREDENTIAL = 'microsoftGraphAppApi';

/** Where and how the node reaches Graph, read from its credential once per execution. */
export interface GraphConnection {
	credentialType: typeof APP_CREDENTIAL;
	settings: AppCredentialSettings;
	/** `https://graph.microsoft.com/v1.0` (or the national cloud's, or its stand-in). */
	graphBase: string;
	graphOrigin: string;
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

async function readConnection(context: GraphContext): Promise<GraphConnection> {
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
		settings,
		graphOrigin: origin,
		graphBase: `${origin}/v1.0`,
		credential: { id: id ?? '', name: name ?? '', type: APP_CREDENTIAL, data },
	};
}
