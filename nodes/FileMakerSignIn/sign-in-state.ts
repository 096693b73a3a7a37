import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { InputError } from '../shared/node-error';

/**
 * The execution's custom data key for a sign-in node's sealed state. The execution's data is
 * what n8n keeps between the two halves of a wait, in whichever process resumes it.
 */
function stateKey(context: IExecuteFunctions | IWebhookFunctions): string {
	return `fmSignIn_${context.getNode().id.replace(/[^\p{L}\p{N}_]/gu, '')}`.slice(0, 50);
}

export function saveSignInState(context: IExecuteFunctions, sealed: string): void {
	context.customData.set(stateKey(context), sealed);
	if (context.customData.get(stateKey(context)) !== sealed) {
		throw new InputError(
			'The sign-in could not be kept in the execution: it already holds 10 custom data values',
			'n8n keeps at most 10 custom data values per execution. Set fewer with "Execution Data" nodes or Code before this node.',
		);
	}
}

export function readSignInState(context: IWebhookFunctions): string | undefined {
	return context.customData.get(stateKey(context));
}
