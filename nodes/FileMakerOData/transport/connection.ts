import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import type { FileMakerCredentialType } from '../../../lib/filemaker/credential-kinds';
import { FILEMAKER_CREDENTIALS } from '../../../lib/filemaker/credential-kinds';
import type { SessionCredentialSettings } from '../../../lib/filemaker/session-credential';
import { keepAliveAllowed } from '../../../lib/http/network-environment';

export type ODataContext = IExecuteFunctions | ILoadOptionsFunctions;

/** How the node reaches one database's OData service, read once per execution. */
export interface ODataConnection {
	credentialType: FileMakerCredentialType;
	settings: SessionCredentialSettings;
	data: ICredentialDataDecryptedObject;
	/** `https://host/fmi/odata/v4/<database>` */
	serviceUrl: string;
	keepAlive: boolean;
	/**
	 * The headers that authenticate every OData request (OData has no session): `Basic` for an
	 * account, `FMID <idToken>` for FileMaker ID. Obtained once, renewed after a 401.
	 */
	authorization?: Promise<Record<string, string>>;
}

const connections = new WeakMap<ODataContext, Promise<ODataConnection>>();

function isExecution(context: ODataContext): context is IExecuteFunctions {
	return 'getInputData' in context;
}

async function readConnection(context: ODataContext): Promise<ODataConnection> {
	const credentialType = (
		isExecution(context)
			? context.getNodeParameter('authentication', 0, 'fileMakerServerApi')
			: context.getNodeParameter('authentication', 'fileMakerServerApi')
	) as FileMakerCredentialType;
	const data = await context.getCredentials(credentialType);
	const settings = FILEMAKER_CREDENTIALS[credentialType](data);
	const { serverUrl, database } = settings.target;
	return {
		credentialType,
		settings,
		data,
		serviceUrl: `${serverUrl}/fmi/odata/v4/${encodeURIComponent(database)}`,
		keepAlive: keepAliveAllowed(),
	};
}

export async function getODataConnection(context: ODataContext): Promise<ODataConnection> {
	let connection = connections.get(context);
	if (!connection) {
		connection = readConnection(context);
		connections.set(context, connection);
	}
	return await connection;
}
