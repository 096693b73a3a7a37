import {
	OPERATOR_ADDRESS,
	PROCESSED_FOLDER_ID,
	seedInvoiceMail,
} from '../../sandbox/microsoft/demo-mail';
import { MICROSOFT_DEMO } from '../../sandbox/microsoft';
import { NODES, countsOf } from '../../examples/email-demo/poll-report';
import type { Workbench } from '../../examples/email-demo/workbench';
import { openWorkbench } from '../../examples/email-demo/workbench';
import { DATABASE } from '../helpers/filemaker';

const INVOICES = MICROSOFT_DEMO.mailboxes.invoices.address;

describe("examples/email-to-filemaker.json in n8n's engine", () => {
	let bench: Workbench;
	beforeEach(async () => (bench = await openWorkbench()));
	afterEach(async () => await bench.close());

	it('files every mail once (late ones too), the first PDF in the container, moves only what FileMaker took', async () => {
		const { fm, microsoft, engine, workflow } = bench;
		const graph = microsoft.graph;
		const seeded = seedInvoiceMail(graph, {
			count: 12,
			late: 3,
			lateByMs: 90_000,
			withRefused: true,
		});
		const refused = seeded[seeded.length - 1];
		const poller = await engine.activatePoller(workflow);
		const outcomes = [poller.activation];
		for (let minute = 0; minute < 3; minute++) {
			microsoft.clock.advance(60_000);
			outcomes.push(await poller.poll());
		}
		expect(outcomes.map((outcome) => outcome.error ?? outcome.execution?.error)).toEqual(
			outcomes.map(() => undefined),
		);
		expect(outcomes.map((outcome) => countsOf(outcome).mails)).toEqual([13, 0, 3, 0]);

		const records = fm.store.records(DATABASE, 'Messages');
		const mails = seeded.filter((mail) => mail !== refused);
		expect(records.map((record) => record.fields.subject).sort()).toEqual(
			mails.map((mail) => mail.subject).sort(),
		);
		const withFile = records.filter((record) => String(record.fields.attachment ?? '') !== '');
		expect(withFile).toHaveLength(mails.filter((mail) => mail.attachments > 0).length);
		const first = records.find((record) => record.fields.subject === mails[0].subject);
		expect(first?.fields).toMatchObject({
			sender: 'accounts@fabrikam.example',
			senderName: 'Fabrikam Tools',
			attachmentCount: 0,
			messageId: expect.stringMatching(/^<.+>$/),
			receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
		});
		expect(String(first?.fields.body)).toContain('INV-2026-0001');

		const processed = graph.mail.messages(INVOICES, PROCESSED_FOLDER_ID);
		expect(processed.map((mail) => mail.subject).sort()).toEqual(
			mails.map((mail) => mail.subject).sort(),
		);
		expect(graph.mail.messages(INVOICES).map((mail) => mail.subject)).toEqual([refused.subject]);
		const reports = graph.mail.messages(OPERATOR_ADDRESS);
		expect(reports).toHaveLength(1);
		expect(String((reports[0].body as { content?: string }).content)).toContain('511');
		expect(outcomes[0].execution?.output(NODES.report)).toHaveLength(1);

		// Once more, as after a re-import: the same records updated, none created.
		for (const mail of processed) graph.mail.move(INVOICES, String(mail.id), 'inbox');
		const again = await engine.activatePoller(workflow);
		expect(countsOf(again.activation)).toMatchObject({ mails: 16, created: 0, updated: 15 });
		expect(fm.store.records(DATABASE, 'Messages')).toHaveLength(15);
		expect(fm.counters.logins).toBe(1);
		expect(microsoft.identity.counters.tokenRequests).toBe(1);
	});
});
