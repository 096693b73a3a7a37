/**
 * `npm run screenshots`: refreshes the editor screenshots in docs/ from a fresh real n8n with
 * the package installed from its tarball and the FileMaker sandbox behind it.
 */
import { resolve } from 'node:path';

import { MICROSOFT_DEMO } from '../../sandbox/microsoft';
import { OAUTH_PEOPLE } from '../../sandbox/oauth';
import {
	connectOAuthCredential,
	shootCredentialDialog,
	shootNodePanel,
	shootWorkflows,
	tourEditor,
} from './editor';
import { startN8n, waitForWebhook } from './n8n-runtime';
import { signInThroughBrowser } from './sign-in-browser';
import { signIn } from './owner';
import { CLOUD_CREDENTIAL, GRAPH_DELEGATED_CREDENTIAL, prepareWorkspace } from './workspace';

async function main() {
	const workspace = await prepareWorkspace();
	const n8n = await startN8n(workspace.runtime, workspace.env);
	try {
		const tour = await tourEditor(
			n8n,
			await signIn(n8n),
			resolve(__dirname, '..', '..', 'docs'),
			6,
		);
		const dialog = resolve(__dirname, '..', '..', 'docs', 'credential-filemaker-cloud.png');
		await shootCredentialDialog(n8n, await signIn(n8n), CLOUD_CREDENTIAL.id, dialog, ['Host']);
		tour.screenshots.push(dialog);
		const docs = resolve(__dirname, '..', '..', 'docs');
		const signInNode = resolve(docs, 'editor-sign-in-node.png');
		await shootNodePanel(
			n8n,
			await signIn(n8n),
			{ workflowId: 'fmOAuthContacts1', node: 'FileMaker Sign-In' },
			signInNode,
			['Log In To'],
		);
		tour.screenshots.push(signInNode);
		await waitForWebhook(n8n, 'my-contacts', 'GET');
		const signedIn = await signInThroughBrowser(
			`${n8n.url}/webhook/my-contacts`,
			OAUTH_PEOPLE.ada,
			{
				screenshotFolder: docs,
			},
		);
		tour.screenshots.push(...signedIn.screenshots);
		const graphNode = resolve(docs, 'editor-graph-mail-node.png');
		await shootNodePanel(
			n8n,
			await signIn(n8n),
			{ workflowId: 'msGraphInboxLst1', node: 'Newest mail' },
			graphNode,
			['Mailbox'],
		);
		const { ada } = MICROSOFT_DEMO.mailboxes;
		const graphSignIn = {
			providerPage: resolve(docs, 'graph-sign-in-page.png'),
			dialog: resolve(docs, 'graph-delegated-connected.png'),
		};
		await connectOAuthCredential(
			n8n,
			await signIn(n8n),
			GRAPH_DELEGATED_CREDENTIAL.id,
			async (popup) => {
				await popup.locator('input[name="loginfmt"]').fill(ada.address);
				await popup.locator('input[name="passwd"]').fill('sandbox-ada-password');
				await popup.getByRole('button', { name: 'Sign in' }).click();
			},
			graphSignIn,
		);
		tour.screenshots.push(graphNode, graphSignIn.providerPage, graphSignIn.dialog);
		const triggerNode = resolve(docs, 'editor-mail-trigger-node.png');
		await shootNodePanel(
			n8n,
			await signIn(n8n),
			{ workflowId: 'emailToFileMaker', node: 'New invoice mail' },
			triggerNode,
			['Mailbox', 'Folder'],
		);
		tour.screenshots.push(triggerNode);
		tour.screenshots.push(
			...(await shootWorkflows(n8n, await signIn(n8n), [
				{
					id: 'fmCloudReportMl1',
					node: 'Mail the summary',
					path: resolve(docs, 'example-cloud-report-by-mail.png'),
				},
				{
					id: 'fmODataSummary01',
					node: 'Summarise',
					path: resolve(docs, 'example-odata-summary.png'),
				},
				{
					id: 'fmOAuthContacts1',
					node: 'Respond with the page',
					path: resolve(docs, 'example-oauth-my-contacts.png'),
				},
			])),
		);
		console.log(`Layout picker: ${tour.layoutPickerItems.join(', ')}`);
		console.log(`Saved:\n  ${tour.screenshots.join('\n  ')}`);
	} finally {
		await n8n.stop();
		await workspace.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
