import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import type { FileMakerCredentialType } from '../../lib/filemaker/credential-kinds';
import { FILEMAKER_CREDENTIALS, SIGNED_IN_CREDENTIAL } from '../../lib/filemaker/credential-kinds';
import { readOAuthCredential } from '../../lib/filemaker/oauth/oauth-credential';
import { signedInSettings } from '../../lib/filemaker/oauth/signed-in-credential';
import type { SignedInSession } from '../../lib/filemaker/oauth/signed-in-session';
import { openSignedInSession } from '../../lib/filemaker/oauth/signed-in-session';
import type { SessionCredentialSettings } from '../../lib/filemaker/session-credential';
import { InputError } from './node-error';

/** Where a FileMaker node runs: an execution, or a dropdown being filled. */
export type FileMakerContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface FileMakerCredential {
	credentialType: FileMakerCredentialType;
	data: ICredentialDataDecryptedObject;
	settings: SessionCredentialSettings;
	/** With the OAuth credential: the person's session from the FileMaker Sign-In node. */
	signedIn?: SignedInSession;
}

export function isExecution(context: FileMakerContext): context is IExecuteFunctions {
	return 'getInputData' in context;
}

/** The credential the node's Authentication parameter names, read with its authentication kind. */
export async function readFileMakerCredential(
	context: FileMakerContext,
): Promise<FileMakerCredential> {
	const credentialType = (
		isExecution(context)
			? context.getNodeParameter('authentication', 0, 'fileMakerServerApi')
			: context.getNodeParameter('authentication', 'fileMakerServerApi')
	) as FileMakerCredentialType;
	const data = await context.getCredentials(credentialType);
	if (credentialType !== SIGNED_IN_CREDENTIAL) {
		return { credentialType, data, settings: FILEMAKER_CREDENTIALS[credentialType](data) };
	}
	const oauth = readOAuthCredential(data);
	const signedIn = openSignedInSession(oauth, signedInSessionOf(context));
	return { credentialType, data, settings: signedInSettings(oauth, signedIn), signedIn };
}

/**
 * The sealed session the items carry. A node run acts as one person: every item must carry
 * the same sign-in (a dropdown has no items, so it has none).
 */
function signedInSessionOf(context: FileMakerContext): unknown {
	if (!isExecution(context)) {
		throw new InputError(
			'Lists cannot be loaded with a signed-in session: there is no person signed in while you edit the workflow',
			'Type the name in (By Name / By ID), or choose a FileMaker Server account credential while you build the workflow.',
		);
	}
	const items = context.getInputData();
	const first = context.getNodeParameter('signedInSession', 0, '') as unknown;
	for (let index = 1; index < items.length; index++) {
		if (context.getNodeParameter('signedInSession', index, '') !== first) {
			throw new InputError(
				`Item ${index} carries another sign-in than item 0; one run of this node acts as one signed-in person`,
				'Run the node once per sign-in, e.g. with a Loop Over Items node.',
			);
		}
	}
	return first;
}

/** The execution's cancel signal, where the context has one (dropdowns do not). */
export function cancelSignal(context: FileMakerContext | IPollFunctions): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/** `read` once per execution (or dropdown load): later calls in the same context share it. */
export function oncePerContext<T>(
	read: (context: FileMakerContext) => Promise<T>,
): (context: FileMakerContext) => Promise<T> {
	const results = new WeakMap<FileMakerContext, Promise<T>>();
	return async (context) => {
		let result = results.get(context);
		if (!result) {
			result = read(context);
			results.set(context, result);
		}
		return await result;
	};
}
