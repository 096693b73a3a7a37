import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { FileMakerCredentialType } from '../../../lib/filemaker/credential-kinds';
import type { SessionCredentialSettings } from '../../../lib/filemaker/session-credential';
import { keepAliveAllowed } from '../../../lib/http/network-environment';
import type { FileMakerContext } from '../../shared/credential-context';
import { oncePerContext, readFileMakerCredential } from '../../shared/credential-context';
import { InputError } from '../../shared/node-error';

export type ODataContext = FileMakerContext;

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
	/** Whether it acts in a person's sign-in (FileMaker Sign-In node), which cannot be renewed. */
	signedIn: boolean;
}

export const getODataConnection = oncePerContext(async (context): Promise<ODataConnection> => {
	const credential = await readFileMakerCredential(context);
	if (credential.signedIn && credential.signedIn.api !== 'odata') {
		throw new InputError(
			'This sign-in was made for the Data API, not OData',
			'Set "Log In To" of the FileMaker Sign-In node to OData, or use the FileMaker Data API node.',
		);
	}
	const { serverUrl, database } = credential.settings.target;
	return {
		...credential,
		signedIn: credential.signedIn !== undefined,
		serviceUrl: `${serverUrl}/fmi/odata/v4/${encodeURIComponent(database)}`,
		keepAlive: keepAliveAllowed(),
	};
});
