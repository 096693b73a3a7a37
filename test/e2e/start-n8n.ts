/**
 * `npm run n8n`: a real n8n with this package installed from its tarball, the FileMaker
 * sandbox with seed data, the sandbox credential and the example workflows imported, and an
 * owner login, so a person can click through the editor. Ctrl-C stops everything.
 */
import { OAUTH_PEOPLE } from '../../sandbox/oauth';
import { startN8n, waitForWebhook } from './n8n-runtime';
import { OWNER, signIn } from './owner';
import { prepareWorkspace } from './workspace';

async function main() {
	const port = Number(process.env.N8N_PORT ?? 5678);
	const workspace = await prepareWorkspace({
		port,
		sandboxPort: Number(process.env.SANDBOX_PORT ?? 8719),
	});
	const n8n = await startN8n(workspace.runtime, workspace.env);
	await signIn(n8n);
	await waitForWebhook(n8n, 'contact-update', 'POST');

	console.log(`
n8n ${process.env.N8N_VERSION ?? '2.41.1'} is running with n8n-nodes-filemaker-graph installed from its tarball.

  Editor:     ${n8n.url}
  Login:      ${OWNER.email} / ${OWNER.password}
  Workflows:  the examples/ folder, imported (the two webhook workflows are active)
  Webhooks:   curl -X POST ${n8n.url}/webhook/contact-update -H 'Content-Type: application/json' \\
                -d '{"email": "alan@bletchley.example", "status": "Customer", "notes": "From curl"}'
              curl '${n8n.url}/webhook/contact?email=grace.hopper%40compiler.example'
  Sign-in:    open ${n8n.url}/webhook/my-contacts in a browser and sign in at "Sandbox ID" as
              ${OAUTH_PEOPLE.ada.email} / ${OAUTH_PEOPLE.ada.password} (17 contacts) or
              ${OAUTH_PEOPLE.grace.email} / ${OAUTH_PEOPLE.grace.password} (10 contacts)
  FileMaker:  sandbox at ${workspace.fm.url} (database Contacts, admin / sandbox-admin-password),
              counters at ${workspace.fm.url}/__sandbox/counters
  n8n data:   ${workspace.userFolder}

Ctrl-C stops n8n and the sandbox.`);

	const shutdown = async () => {
		await n8n.stop();
		await workspace.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown());
	process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
