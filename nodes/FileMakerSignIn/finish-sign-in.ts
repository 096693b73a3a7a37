import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import type { SignInResult } from '../../lib/filemaker/oauth/complete-sign-in';
import { completeSignIn } from '../../lib/filemaker/oauth/complete-sign-in';
import type { OAuthCredentialSettings } from '../../lib/filemaker/oauth/oauth-credential';
import { readOAuthCredential } from '../../lib/filemaker/oauth/oauth-credential';
import { readReturnQuery } from '../../lib/filemaker/oauth/return-query';
import type { SignInApi } from '../../lib/filemaker/oauth/signed-in-session';
import { sealSession } from '../../lib/filemaker/oauth/signed-in-session';
import { OAUTH_CREDENTIAL } from './credential';
import { failurePage, signedInPage } from './pages';
import { readSignInState } from './sign-in-state';

const DEFAULT_SIGNED_IN_MESSAGE =
	'You are signed in. The workflow goes on with your FileMaker account.';

interface Outcome {
	status: number;
	/** Undefined: the workflow answers the browser (Respond to Webhook node). */
	page?: string;
	item: IDataObject;
}

/**
 * The browser is back from FileMaker Server: finish the sign-in and let the workflow go on.
 * Nothing here throws: n8n would answer the person "Workflow could not be started!" and run
 * the workflow on with an empty item. A failure becomes a page that says what happened and an
 * item with `signedIn: false`, so the workflow can react to it.
 */
export async function finishSignInWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const outcome = await outcomeOf(this);
	if (outcome.page !== undefined) {
		this.getResponseObject()
			.status(outcome.status)
			.set({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
			.send(outcome.page);
	}
	const items: INodeExecutionData[] = [{ json: outcome.item }];
	return { noWebhookResponse: outcome.page !== undefined, workflowData: [items] };
}

async function outcomeOf(context: IWebhookFunctions): Promise<Outcome> {
	let settings: OAuthCredentialSettings;
	try {
		settings = readOAuthCredential(await context.getCredentials(OAUTH_CREDENTIAL));
	} catch (error) {
		return failedOutcome({
			ok: false,
			failure: {
				reason: 'serverUnreachable',
				title: 'Sign-in did not complete',
				message: `The workflow's FileMaker credential cannot be used: ${(error as Error).message}`,
				whatToDo: 'Tell the person who runs this workflow.',
				details: {},
			},
		});
	}
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const api = context.getNodeParameter('logInTo', 'dataApi') as SignInApi;
	const result = await completeSignIn(context.helpers.httpRequest, {
		settings,
		sealedState: readSignInState(context),
		query: readReturnQuery(context.getRequestObject().originalUrl ?? ''),
		api,
		keep: options.keepSession === true,
		now: Date.now(),
	});
	if (!result.ok) return failedOutcome(result);

	const { session } = result;
	const item: IDataObject = {
		signedIn: true,
		provider: settings.provider,
		database: settings.target.database,
		api,
		signedInAt: new Date(session.signedInAt).toISOString(),
		fileMakerSession: sealSession(settings, session),
	};
	if (options.includeSessionToken === true && session.api === 'dataApi') {
		item.sessionToken = session.token;
	}
	const respondWith = context.getNodeParameter('respondWith', 'signedInPage') as string;
	const message = String(options.signedInMessage ?? '').trim() || DEFAULT_SIGNED_IN_MESSAGE;
	return {
		status: 200,
		page: respondWith === 'responseNode' ? undefined : signedInPage('Signed in', message),
		item,
	};
}

function failedOutcome(result: Extract<SignInResult, { ok: false }>): Outcome {
	const { failure } = result;
	return {
		status: failure.reason === 'serverUnreachable' ? 502 : 400,
		page: failurePage(failure.title, failure.message, failure.whatToDo),
		item: { signedIn: false, reason: failure.reason, message: failure.message, ...failure.details },
	};
}
