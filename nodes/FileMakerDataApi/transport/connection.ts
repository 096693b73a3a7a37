import type { ICredentialsDecrypted, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import {
	dataApiBaseUrl,
	readFileMakerServerSettings,
} from '../../../credentials/common/filemaker-server-settings';

export type FileMakerContext = IExecuteFunctions | ILoadOptionsFunctions;

/** Which credential type authenticates the node; more kinds (FileMaker Cloud, OAuth) join here. */
export type FileMakerCredentialType = 'fileMakerServerApi';

/** Where and how to reach one FileMaker database, read from the node's credential. */
export interface FileMakerConnection {
	credentialType: FileMakerCredentialType;
	serverUrl: string;
	/** `https://host/fmi/data/vLatest/databases/<database>` */
	databaseUrl: string;
	allowSelfSigned: boolean;
	/**
	 * The credential as read once for this execution, handed to every request so n8n does not
	 * read and decrypt it again per page. n8n writes a renewed session token into it.
	 */
	credential: ICredentialsDecrypted;
}

const connections = new WeakMap<FileMakerContext, Promise<FileMakerConnection>>();

/** Reads the credential once per execution (or dropdown load) and remembers it for the rest. */
export async function getConnection(context: FileMakerContext): Promise<FileMakerConnection> {
	let connection = connections.get(context);
	if (!connection) {
		connection = readConnection(context);
		connections.set(context, connection);
	}
	return await connection;
}

async function readConnection(context: FileMakerContext): Promise<FileMakerConnection> {
	const credentialType = nodeParameter(context, 'authentication', 'fileMakerServerApi');
	const data = await context.getCredentials(credentialType);
	const settings = readFileMakerServerSettings(data);
	const { id, name } = context.getNode().credentials?.[credentialType] ?? {};
	return {
		credential: { id: id ?? '', name: name ?? '', type: credentialType, data },
		credentialType,
		serverUrl: settings.serverUrl,
		databaseUrl: `${dataApiBaseUrl(settings)}/databases/${encodeURIComponent(settings.database)}`,
		allowSelfSigned: settings.allowSelfSigned,
	};
}

/** A node-level parameter, read the same way from an execution and from a dropdown load. */
function nodeParameter<T extends string>(context: FileMakerContext, name: string, fallback: T): T {
	const value = isExecution(context)
		? context.getNodeParameter(name, 0, fallback)
		: context.getNodeParameter(name, fallback);
	return value as T;
}

function isExecution(context: FileMakerContext): context is IExecuteFunctions {
	return 'getInputData' in context;
}
