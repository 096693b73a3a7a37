import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import type { FileMakerCredentialType } from '../../lib/filemaker/credential-kinds';
import { FILEMAKER_CREDENTIALS } from '../../lib/filemaker/credential-kinds';
import type { SessionCredentialSettings } from '../../lib/filemaker/session-credential';

/** Where a FileMaker node runs: an execution, or a dropdown being filled. */
export type FileMakerContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface FileMakerCredential {
	credentialType: FileMakerCredentialType;
	data: ICredentialDataDecryptedObject;
	settings: SessionCredentialSettings;
}

function isExecution(context: FileMakerContext): context is IExecuteFunctions {
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
	return { credentialType, data, settings: FILEMAKER_CREDENTIALS[credentialType](data) };
}

/** The execution's cancel signal, where the context has one (dropdowns do not). */
export function cancelSignal(context: FileMakerContext): AbortSignal | undefined {
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
