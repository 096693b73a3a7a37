import { randomUUID } from 'node:crypto';

import type { IExecuteResponsePromiseData, INode, INodeParameters, INodeType } from 'n8n-workflow';

import type { OAuthSandboxes, OAuthSandboxesOptions } from '../../sandbox/oauth';
import { OAUTH_PROVIDER_NAME, startOAuthSandboxes } from '../../sandbox/oauth';
import type { Execution, WorkflowData } from '../engine/engine';
import { Engine } from '../engine/engine';
import {
	FILEMAKER_DATA_API,
	FILEMAKER_ODATA,
	FILEMAKER_SIGN_IN,
	MANUAL_TRIGGER,
} from '../engine/node-types';
import type { WaitingWebhooksServer } from '../engine/waiting-webhooks';
import { follow, openSignInPage, submitSignIn } from '../sandbox/oauth-dance';
import { DATABASE } from './sandbox-credential';

export const OAUTH_CREDENTIAL = { id: 'fm-oauth', name: 'FileMaker OAuth sandbox' };
export const SIGN_IN = 'FileMaker Sign-In';

export interface SignInBed {
	sandboxes: OAuthSandboxes;
	engine: Engine;
	server: WaitingWebhooksServer;
	close(): Promise<void>;
}

/** The OAuth sandboxes, an engine with a FileMaker Server OAuth credential, and n8n's resume URLs. */
export async function startSignInBed(
	options: OAuthSandboxesOptions & {
		credential?: Record<string, string | number | boolean>;
		nodeTypes?: Record<string, INodeType>;
	} = {},
): Promise<SignInBed> {
	const sandboxes = await startOAuthSandboxes(options);
	const engine = new Engine(options.nodeTypes);
	await engine.addCredential(OAUTH_CREDENTIAL.id, 'fileMakerServerOAuthApi', {
		serverUrl: sandboxes.fm.url,
		database: DATABASE,
		provider: OAUTH_PROVIDER_NAME,
		apiVersion: 'vLatest',
		allowSelfSigned: false,
		...options.credential,
	});
	const server = await engine.startWaitingWebhooks();
	return {
		sandboxes,
		engine,
		server,
		close: async () => {
			await server.close();
			await sandboxes.close();
		},
	};
}

export interface StepNode {
	name: string;
	type: string;
	parameters: INodeParameters;
	/** With the OAuth credential (the FileMaker nodes); other nodes take none. */
	oauth?: boolean;
}

/** Start → FileMaker Sign-In → the steps, one after another. */
export function signInWorkflow(
	signIn: INodeParameters = {},
	steps: StepNode[] = [],
	input = [{ json: { from: 'webhook' } }],
): WorkflowData {
	const credentials = { fileMakerServerOAuthApi: OAUTH_CREDENTIAL };
	const nodes: INode[] = [
		{
			id: randomUUID(),
			name: 'Start',
			type: MANUAL_TRIGGER,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: randomUUID(),
			name: SIGN_IN,
			type: FILEMAKER_SIGN_IN,
			typeVersion: 1,
			position: [200, 0],
			parameters: signIn,
			credentials,
		},
		...steps.map((step, index) => ({
			id: randomUUID(),
			name: step.name,
			type: step.type,
			typeVersion: 1,
			position: [400 + 200 * index, 0] as [number, number],
			parameters: step.parameters,
			credentials: step.oauth === false ? undefined : credentials,
		})),
	];
	const connections: WorkflowData['connections'] = {};
	for (let index = 1; index < nodes.length; index++) {
		connections[nodes[index - 1].name] = {
			main: [[{ node: nodes[index].name, type: 'main', index: 0 }]],
		};
	}
	return { nodes, connections, pinData: { Start: input } };
}

/** A Data API node acting as the signed-in person: every contact they may read. */
export function myContacts(parameters: INodeParameters = {}): StepNode {
	return {
		name: 'My contacts',
		type: FILEMAKER_DATA_API,
		parameters: {
			authentication: 'fileMakerServerOAuthApi',
			resource: 'record',
			operation: 'getMany',
			layout: { __rl: true, mode: 'name', value: 'Contacts' },
			returnAll: true,
			...parameters,
		},
	};
}

/** An OData node acting as the signed-in person: every Contacts row they may read. */
export function myContactRows(): StepNode {
	return {
		name: 'My contact rows',
		type: FILEMAKER_ODATA,
		parameters: {
			authentication: 'fileMakerServerOAuthApi',
			resource: 'row',
			operation: 'getMany',
			table: { __rl: true, mode: 'name', value: 'Contacts' },
			returnAll: true,
		},
	};
}

/** The identity provider's address in the page the sign-in node sent the browser. */
export function providerUrlFrom(response: IExecuteResponsePromiseData): string {
	const body = String(response.body ?? '');
	const href = /id="continue" href="([^"]+)"/.exec(body)?.[1];
	if (!href) throw new Error(`No "continue" link in the sign-in page: ${body.slice(0, 200)}`);
	return href
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'");
}

export interface BrowserVisit {
	/** Where FileMaker Server sent the browser: the return URL with its parameters. */
	returnUrl: string;
	/** n8n's answer there. */
	status: number;
	text: string;
	contentType: string | null;
}

/**
 * The person's browser: from the page the sign-in node answered with, to the identity
 * provider's form (signed in as `person`, or cancelled), through FileMaker Server, back to
 * the execution's resume URL. `beforeReturn` runs before the last step (tamper, wait…).
 */
export async function signInAsPerson(
	execution: Execution,
	person: { email: string; password: string } | 'cancel',
	beforeReturn: (returnUrl: string) => Promise<string> | string = (url) => url,
): Promise<BrowserVisit> {
	const providerUrl = providerUrlFrom(execution.responses[0]);
	const page = await openSignInPage(providerUrl);
	if (page.status !== 200) throw new Error(`The provider's page answered ${page.status}`);
	const submitted = await submitSignIn(providerUrl, page.text, person);
	if (!submitted.location) throw new Error(`The provider answered ${submitted.status}`);
	const back = await follow(submitted.location);
	if (!back.location) throw new Error(`FileMaker Server's redirect answered ${back.status}`);
	const returnUrl = await beforeReturn(back.location);
	const response = await fetch(returnUrl, {
		redirect: 'manual',
		signal: AbortSignal.timeout(10_000),
	});
	return {
		returnUrl,
		status: response.status,
		text: await response.text(),
		contentType: response.headers.get('content-type'),
	};
}
