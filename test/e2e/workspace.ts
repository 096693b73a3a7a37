import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { CloudSandboxes } from '../../sandbox/cloud';
import { startCloudSandboxes } from '../../sandbox/cloud';
import type { FileMakerSandbox } from '../../sandbox/filemaker';
import type { MicrosoftSandboxes } from '../../sandbox/microsoft';
import { MICROSOFT_DEMO, startMicrosoftSandboxes } from '../../sandbox/microsoft';
import type { OAuthSandboxes } from '../../sandbox/oauth';
import { OAUTH_PROVIDER_NAME, startOAuthSandboxes } from '../../sandbox/oauth';
import { cloudCredentialData } from '../helpers/filemaker-cloud';
import { graphCredentialData } from '../helpers/microsoft-credential';
import { credentialData } from '../helpers/sandbox-credential';
import { installLikeN8n, packPackage } from './install-package';
import type { N8nRuntime } from './n8n-runtime';
import { ensureN8n, freePort, n8nEnvironment, runN8nOrFail } from './n8n-runtime';

const EXAMPLES = resolve(__dirname, '..', '..', 'examples');
export const CREDENTIAL = { id: 'fmSandboxCred001', name: 'FileMaker sandbox' };
export const CLOUD_CREDENTIAL = { id: 'fmCloudCred001', name: 'FileMaker Cloud sandbox' };
export const OAUTH_CREDENTIAL = { id: 'fmOAuthCred00001', name: 'FileMaker OAuth sandbox' };
export const GRAPH_CREDENTIAL = { id: 'msGraphAppCred01', name: 'Microsoft Graph sandbox' };
export const GRAPH_DELEGATED_CREDENTIAL = {
	id: 'msGraphDelegCr01',
	name: 'Microsoft Graph (Ada, delegated)',
};
export const WEBHOOK_WORKFLOWS = [
	'fmWebhookUpdate1',
	'fmWebhookLookup1',
	'fmCloudLookup001',
	'fmOAuthContacts1',
	'msGraphMyInbox01',
];

export interface Workspace {
	runtime: N8nRuntime;
	root: string;
	userFolder: string;
	packageFolder: string;
	env: NodeJS.ProcessEnv;
	/** FileMaker Server, whose OAuth sign-in trusts `oauth.identity`. */
	fm: FileMakerSandbox;
	/** The identity provider FileMaker Server offers ("Sandbox ID"), on FileMaker's clock. */
	oauth: OAuthSandboxes;
	/** The Microsoft identity platform and Graph mail, with the demo tenant's mailboxes. */
	microsoft: MicrosoftSandboxes;
	/** A FileMaker ID pool (Cognito) and a FileMaker Cloud host. */
	cloud: CloudSandboxes;
	close(): Promise<void>;
}

function log(message: string) {
	process.stderr.write(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/**
 * A fresh n8n user folder with our package installed from its tarball, the FileMaker Server and
 * FileMaker Cloud sandboxes running, and their credentials and every example workflow imported
 * with n8n's CLI.
 */
export async function prepareWorkspace(
	options: { port?: number; sandboxPort?: number; seed?: (fm: FileMakerSandbox) => void } = {},
): Promise<Workspace> {
	const runtime = ensureN8n();
	const root = mkdtempSync(join(tmpdir(), 'n8n-e2e-'));
	const userFolder = join(root, 'user');
	mkdirSync(userFolder);

	log('packing the package and installing the tarball as n8n does');
	const tarball = packPackage(root);
	const packageFolder = installLikeN8n(tarball, userFolder);

	const oauth = await startOAuthSandboxes({ fileMaker: { port: options.sandboxPort } });
	const { fm } = oauth;
	const cloud = await startCloudSandboxes();
	// Stricter than Entra: a rotated refresh token is revoked, so n8n must keep the newest.
	const microsoft = await startMicrosoftSandboxes({ revokeRotatedRefreshTokens: true });
	options.seed?.(fm);
	const env = n8nEnvironment(runtime, userFolder, {
		http: options.port ?? (await freePort()),
		broker: await freePort(),
	});
	// n8n's OAuth callback, registered with the sandbox app as an Entra admin would.
	microsoft.identity.apps.addRedirectUri(
		MICROSOFT_DEMO.clientId,
		`http://127.0.0.1:${env.N8N_PORT}/rest/oauth2-credential/callback`,
	);

	log(`importing the credential (FileMaker sandbox at ${fm.url}) and the example workflows`);
	const credentialsFile = join(root, 'credentials.json');
	writeFileSync(
		credentialsFile,
		JSON.stringify([
			{ ...CREDENTIAL, type: 'fileMakerServerApi', data: credentialData(fm) },
			{ ...CLOUD_CREDENTIAL, type: 'fileMakerCloudApi', data: cloudCredentialData(cloud) },
			{
				...GRAPH_CREDENTIAL,
				type: 'microsoftGraphAppApi',
				data: graphCredentialData(microsoft),
			},
			{
				...GRAPH_DELEGATED_CREDENTIAL,
				type: 'microsoftGraphDelegatedOAuth2Api',
				data: {
					clientId: MICROSOFT_DEMO.clientId,
					clientSecret: MICROSOFT_DEMO.clientSecret,
					tenantId: MICROSOFT_DEMO.tenantId,
					identityEndpoint: microsoft.identity.url,
					graphEndpoint: microsoft.graph.url,
				},
			},
			{
				...OAUTH_CREDENTIAL,
				type: 'fileMakerServerOAuthApi',
				data: {
					serverUrl: fm.url,
					database: 'Contacts',
					provider: OAUTH_PROVIDER_NAME,
					apiVersion: 'vLatest',
				},
			},
		]),
	);
	await runN8nOrFail(runtime, env, ['import:credentials', `--input=${credentialsFile}`]);

	const workflows = join(root, 'workflows');
	mkdirSync(workflows);
	for (const file of readdirSync(EXAMPLES).filter((name) => name.endsWith('.json'))) {
		copyFileSync(join(EXAMPLES, file), join(workflows, file));
	}
	await runN8nOrFail(runtime, env, ['import:workflow', '--separate', `--input=${workflows}`]);
	for (const id of WEBHOOK_WORKFLOWS) {
		await runN8nOrFail(runtime, env, ['publish:workflow', `--id=${id}`]);
	}
	return {
		runtime,
		root,
		userFolder,
		packageFolder,
		env,
		fm,
		oauth,
		cloud,
		microsoft,
		close: async () => {
			await oauth.close();
			await cloud.close();
			await microsoft.close();
		},
	};
}
