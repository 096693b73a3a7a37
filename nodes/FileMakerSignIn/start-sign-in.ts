import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';

import { returnUrlFor } from '../../lib/filemaker/oauth/return-query';
import { startSignIn } from '../../lib/filemaker/oauth/sign-in-request';
import { newTrackingId, sealState } from '../../lib/filemaker/oauth/signed-in-session';
import { toNodeError } from '../shared/node-error';
import { readSignInCredential } from './credential';
import { SIGN_IN_PATH } from './description';
import { redirectPage } from './pages';
import { saveSignInState } from './sign-in-state';

/**
 * The first half of a sign-in (Claris' steps 1–4): check the provider, ask FileMaker Server for
 * the identity provider's URL with this execution's resume URL as the way back, keep the request
 * id sealed in the execution (not in memory: in queue mode the second half runs in another
 * process), put the execution to wait, and send the browser on.
 */
export async function startSignInExecution(
	this: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	try {
		const { settings, provider } = await readSignInCredential(this);
		const resumeUrl = String(this.evaluateExpression('{{ $execution.resumeUrl }}', 0));
		const returnUrl = returnUrlFor(resumeUrl, SIGN_IN_PATH);
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const address = String(options.address ?? '').trim() || new URL(returnUrl).hostname;
		const trackingId = newTrackingId();
		const started = await startSignIn(
			this.helpers.httpRequest,
			settings.target,
			{ provider: provider.name, returnUrl, address, trackingId },
			settings.transport,
		);
		saveSignInState(
			this,
			sealState(settings, { requestId: started.requestId, trackingId, startedAt: Date.now() }),
		);

		const limited = this.getNodeParameter('limitWaitTime', 0, true) as boolean;
		const minutes = this.getNodeParameter('waitMinutes', 0, 10) as number;
		await this.putExecutionToWait(
			limited ? new Date(Date.now() + minutes * 60_000) : WAIT_INDEFINITELY,
		);
		await this.sendResponse({
			statusCode: 200,
			headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
			body: redirectPage(provider.name, started.authorizationUrl),
		});
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
	return [items];
}
