/**
 * `npm run demo`: runs examples/demo-upsert-and-script.json twice inside n8n's own execution
 * engine against the local FileMaker sandbox, and prints what happened.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import '../test/engine/environment';

import type { WorkflowData } from '../test/engine/engine';
import { Engine } from '../test/engine/engine';
import { DATABASE, credentialData } from '../test/helpers/filemaker';
import { startFileMakerSandbox } from '../sandbox/filemaker';

const WORKFLOW = join(__dirname, 'demo-upsert-and-script.json');
const CREDENTIAL_ID = 'fmSandboxCred001';

async function main() {
	const fm = await startFileMakerSandbox();
	const engine = new Engine();
	await engine.addCredential(CREDENTIAL_ID, 'fileMakerServerApi', credentialData(fm));
	const workflow = JSON.parse(readFileSync(WORKFLOW, 'utf8')) as WorkflowData;
	console.log(`FileMaker sandbox: ${fm.url}, database "${DATABASE}"`);
	console.log(`Workflow: ${workflow.name}\n`);

	try {
		for (const run of [1, 2]) {
			const execution = await engine.runWorkflow(workflow);
			if (execution.error) throw execution.error;
			const [upserted] = execution.output('Upsert contact');
			const [script] = execution.output('Log the webhook');
			console.log(
				`Run ${run}: "Upsert contact" ${String(upserted.json.action)} record ${String(upserted.json.recordId)} (modId ${String(upserted.json.modId)}); ` +
					`"Log the webhook" ran script "${String(script.json.script)}" → scriptResult "${String(script.json.scriptResult)}", scriptError ${String(script.json.scriptError)}`,
			);
		}

		const contacts = fm.store
			.records(DATABASE, 'Contacts')
			.filter((record) => record.fields.email === 'ada.byron@example.com');
		const log = fm.store.records(DATABASE, 'Log').filter((row) => row.fields.source === 'webhook');
		console.log(`\nFileMaker now holds ${contacts.length} record for ada.byron@example.com:`);
		console.log(`  ${JSON.stringify(contacts[0]?.fields)}`);
		console.log(
			`The Log table received ${log.length} entries, the last: ${String(log.at(-1)?.fields.message)}`,
		);
		console.log(
			`Data API logins: ${fm.counters.logins} for 2 executions and ${fm.counters.requests()} requests ` +
				'(the session token lives in the credential, as n8n stores it).',
		);
	} finally {
		await fm.close();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
