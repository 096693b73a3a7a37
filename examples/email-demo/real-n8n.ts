import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import {
	OPERATOR_ADDRESS,
	PROCESSED_FOLDER_ID,
	seedInvoiceMail,
} from '../../sandbox/microsoft/demo-mail';
import { MICROSOFT_DEMO } from '../../sandbox/microsoft';
import { listExecutions } from '../../test/e2e/executions';
import {
	PollWatch,
	activateWorkflow,
	deactivateWorkflow,
	eventually,
	savedWorkflow,
} from '../../test/e2e/mail-trigger';
import { startN8n } from '../../test/e2e/n8n-runtime';
import { signIn } from '../../test/e2e/owner';
import { prepareWorkspace } from '../../test/e2e/workspace';
import { DATABASE } from '../../test/helpers/filemaker';

const INVOICES = MICROSOFT_DEMO.mailboxes.invoices.address;
const WORKFLOW_ID = 'emailToFileMaker';

/**
 * `npm run demo -- --n8n`: the same sync in a real n8n 2.41.1 under `n8n start`, with the
 * package installed from its tarball (as the e2e run does): the example is published, n8n polls
 * every minute on its own clock, and the late mails come with a later poll. About 3 minutes.
 */
export async function runInRealN8n(): Promise<void> {
	console.log('Building the package (n8n installs it from its tarball)…');
	execFileSync('npm', ['run', 'build'], { cwd: join(__dirname, '..', '..'), stdio: 'ignore' });
	console.log(
		'Starting a real n8n 2.41.1 on Node 24 with the package from its tarball (the first time, n8n is installed into ~/.cache: about 5 minutes)…',
	);
	const workspace = await prepareWorkspace();
	const n8n = await startN8n(workspace.runtime, workspace.env);
	const { graph } = workspace.microsoft;
	const { fm } = workspace;
	const started = Date.now();
	const at = () => `+${Math.round((Date.now() - started) / 1000)} s`;
	let active = false;
	const cookie = await signIn(n8n);
	try {
		const seeded = seedInvoiceMail(graph, {
			count: 30,
			late: 6,
			lateByMs: 70_000,
			withRefused: true,
		});
		const wanted = seeded.length - 1;
		const inbox = graph.mail.folders(INVOICES).find((folder) => folder.wellKnownName === 'inbox');
		const watch = new PollWatch(graph, String(inbox?.id));
		console.log(
			`n8n ${n8n.url}; mailbox ${INVOICES}: 31 mails in the Inbox, 6 more arriving late (in 70 s, stamped 3 minutes ago).`,
		);
		await activateWorkflow(n8n, cookie, await savedWorkflow(n8n, cookie, WORKFLOW_ID));
		active = true;
		console.log(`  ${at()} published; n8n polls every minute`);
		const processed = () => graph.mail.messages(INVOICES, PROCESSED_FOLDER_ID).length;
		let shown = -1;
		let polls = 0;
		await eventually(
			() => {
				watch.sample();
				const done = processed();
				if (done !== shown || watch.polls.length !== polls) {
					shown = done;
					polls = watch.polls.length;
					const label = polls === 0 ? 'activation poll' : `poll ${polls + 1}`;
					console.log(
						`  ${at()} ${label}: ${fm.store.records(DATABASE, 'Messages').length} records in FileMaker, ${done} mails in Processed`,
					);
				}
				return done === wanted;
			},
			240_000,
			`all ${wanted} mails filed`,
		);
		watch.stop();
		await deactivateWorkflow(n8n, cookie, WORKFLOW_ID);
		active = false;
		const executions = await listExecutions(n8n, cookie, WORKFLOW_ID, 10);
		const reports = graph.mail
			.messages(OPERATOR_ADDRESS)
			.filter((mail) => String(mail.subject).startsWith('FileMaker did not take'));
		console.log('\nResult');
		console.log(
			`  Executions: ${executions.length} (${executions.map((execution) => execution.status).join(', ')})`,
		);
		console.log(
			`  FileMaker records: ${fm.store.records(DATABASE, 'Messages').length}, one per mail`,
		);
		console.log(
			`  Moved to "Processed": ${processed()}; left in the Inbox: ${graph.mail.messages(INVOICES).length} (reported: ${reports.length})`,
		);
		console.log(
			`  Logins and tokens: ${fm.counters.logins} FileMaker Data API login, ${workspace.microsoft.identity.counters.tokenRequests} Microsoft token request`,
		);
	} finally {
		if (active) await deactivateWorkflow(n8n, cookie, WORKFLOW_ID).catch(() => undefined);
		await n8n.stop();
		await workspace.close();
	}
}
