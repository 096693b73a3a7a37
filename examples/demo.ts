/**
 * `npm run demo`: the email-to-FileMaker sync (examples/email-to-filemaker.json) inside n8n's own
 * execution engine, against the local FileMaker and Microsoft sandboxes: a shared invoices
 * mailbox with a few dozen mails (some with PDFs, some delivered late) flows into FileMaker's
 * Messages layout. One progress line per poll, then what happened; then the same mails once more,
 * to show that nothing is duplicated. `npm run demo -- --n8n` runs it in a real n8n instead.
 */
import '../test/engine/environment';

import {
	seedInvoiceMail,
	PROCESSED_FOLDER_ID,
	OPERATOR_ADDRESS,
} from '../sandbox/microsoft/demo-mail';
import { MICROSOFT_DEMO } from '../sandbox/microsoft';
import { DATABASE } from '../test/helpers/filemaker';
import type { PollCounts } from './email-demo/poll-report';
import { NO_COUNTS, add, countsOf, pollLine } from './email-demo/poll-report';
import type { Workbench } from './email-demo/workbench';
import { openWorkbench } from './email-demo/workbench';
import { runInRealN8n } from './email-demo/real-n8n';

const INVOICES = MICROSOFT_DEMO.mailboxes.invoices.address;
const MINUTE = 60_000;

async function main() {
	if (process.argv.includes('--n8n')) {
		await runInRealN8n();
		return;
	}
	const bench = await openWorkbench();
	try {
		await runInEngine(bench);
	} finally {
		await bench.close();
	}
}

async function runInEngine({ fm, microsoft, engine, workflow }: Workbench) {
	const graph = microsoft.graph;
	const clock = () => new Date(microsoft.clock.now()).toISOString().slice(11, 16);
	const seeded = seedInvoiceMail(graph, {
		count: 30,
		late: 6,
		lateByMs: 150_000,
		withRefused: true,
	});
	const withFiles = seeded.filter((mail) => mail.attachments > 0).length;
	console.log(`Workflow: ${workflow.name}`);
	console.log(
		`Mailbox ${INVOICES}: ${seeded.filter((mail) => !mail.late).length} mails in the Inbox (${withFiles} with PDFs, one with a subject too long for FileMaker); ` +
			`${seeded.filter((mail) => mail.late).length} more received at ${clock()} minus 3 minutes, which Exchange shows only 2½ minutes from now.`,
	);
	console.log(`FileMaker: ${fm.url}, database "${DATABASE}", layout "Messages".`);
	console.log(
		"n8n polls every minute; here each poll is a minute later on the sandboxes' clock.\n",
	);

	let total: PollCounts = NO_COUNTS;
	const poller = await engine.activatePoller(workflow);
	const first = countsOf(poller.activation);
	total = add(total, first);
	console.log(pollLine(`  ${clock()} activation`, first, poller.activation.error));
	for (let minute = 1; minute <= 4; minute++) {
		microsoft.clock.advance(MINUTE);
		if (minute === 2) seedInvoiceMail(graph, { count: 5, firstNumber: 101 });
		const outcome = await poller.poll();
		const counts = countsOf(outcome);
		total = add(total, counts);
		console.log(pollLine(`  ${clock()} poll`, counts, outcome.error ?? outcome.execution?.error));
	}

	const records = fm.store.records(DATABASE, 'Messages');
	const processed = graph.mail.messages(INVOICES, PROCESSED_FOLDER_ID);
	const left = graph.mail.messages(INVOICES);
	const reports = graph.mail
		.messages(OPERATOR_ADDRESS)
		.filter((mail) => String(mail.subject).startsWith('FileMaker did not take'));
	console.log('\nResult');
	console.log(
		`  Mails processed:        ${total.mails} (the ${seeded.filter((mail) => mail.late).length} late ones included)`,
	);
	console.log(
		`  FileMaker records:      ${total.created} created, ${total.updated} updated; the Messages table holds ${records.length}`,
	);
	console.log(
		`  Attachments stored:     ${total.attachments} (first PDF of each mail, in the container field "attachment")`,
	);
	console.log(
		`  Moved to "Processed":   ${processed.length}; left in the Inbox: ${left.length} (refused by FileMaker, reported to ${OPERATOR_ADDRESS}: ${reports.length} mail)`,
	);
	console.log(
		`  Logins and tokens:      ${fm.counters.logins} FileMaker Data API login, ${microsoft.identity.counters.tokenRequests} Microsoft token request, for ${poller.history.length} polls`,
	);

	// The same mails again: back in the Inbox, and the workflow imported afresh (no trigger state).
	for (const mail of processed) graph.mail.move(INVOICES, String(mail.id), 'inbox');
	const again = await engine.activatePoller(workflow);
	const replay = countsOf(again.activation);
	const after = fm.store.records(DATABASE, 'Messages');
	console.log(
		`\nRun again over the same ${replay.mails} mails (moved back, workflow re-imported): ${replay.created} records created, ${replay.updated} updated; ` +
			`the Messages table still holds ${after.length}, one per mail (Create or Update keyed on the Message-ID).`,
	);
	if (after.length !== records.length || replay.created !== 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
