import type { PollOutcome } from '../../engine/poller';
import type { GraphBed } from '../../helpers/microsoft';
import { bytesOf, folderById, invoices, startGraphBed } from '../../helpers/microsoft';
import { InvoiceMail, TRIGGER_NAME, mailTriggerWorkflow } from '../../helpers/mail-trigger';
import { repeated } from '../../helpers/repeated';

const idsOf = (outcome: PollOutcome) => (outcome.items ?? []).map((item) => String(item.json.id));

describe('Microsoft Graph Mail Trigger', () => {
	let bed: GraphBed;
	let mail: InvoiceMail;
	beforeEach(async () => {
		bed = await startGraphBed();
		mail = new InvoiceMail(bed);
	});
	afterEach(async () => await bed.close());

	const graph = () => bed.sandboxes.graph;
	const inbox = () => graph().mail.messages(invoices.address);

	it('starts from the folder as it is, then emits each new mail once; an idle poll costs 1 request', async () => {
		const before = [mail.deliver(), mail.deliver()];
		const poller = await bed.engine.activatePoller(mailTriggerWorkflow());
		expect(poller.activation.items).toBeNull();
		const fresh = mail.deliver({ subject: 'Invoice 77' });
		const first = await poller.poll();
		expect(idsOf(first)).toEqual([fresh]);
		expect(first.items?.[0].json).toMatchObject({
			subject: 'Invoice 77',
			from: 'billing@supplier.test',
			to: [invoices.address],
			isRead: false,
			internetMessageId: expect.any(String),
			receivedDateTime: expect.stringMatching(/Z$/),
		});
		const requests = graph().counters.requests();
		const idle = await poller.poll();
		expect(idle.items).toBeNull();
		expect(graph().counters.requests() - requests).toBe(1);
		// Marking a mail read (in Outlook) is a change, not a new mail.
		graph().mail.update(invoices.address, before[0], { isRead: true });
		graph().mail.update(invoices.address, fresh, { isRead: true });
		expect((await poller.poll()).items).toBeNull();
		expect(before).toHaveLength(2);
	});

	it('emits the newest mails already there on the first poll when asked to', async () => {
		const older = [mail.deliver({ receivedAt: Date.now() - 60_000 })];
		const newest = [mail.deliver(), mail.deliver({ subject: 'Order 5' }), mail.deliver()];
		const poller = await bed.engine.activatePoller(
			mailTriggerWorkflow({ filters: { subjectContains: 'invoice' }, options: { emitNewest: 2 } }),
		);
		expect([...idsOf(poller.activation)].sort()).toEqual([newest[0], newest[2]].sort());
		expect((await poller.poll()).items).toBeNull();
		expect(older).toHaveLength(1);
	});

	it('"Fetch Test Event" shows the newest matching mail and leaves the trigger state alone', async () => {
		mail.deliver({ subject: 'Invoice 1' });
		const wanted = mail.deliver({ subject: 'Invoice 2' });
		mail.deliver({ subject: 'Newsletter' });
		const workflow = mailTriggerWorkflow({ filters: { subjectContains: 'Invoice' } });
		const test = await bed.engine.fetchTestEvent(workflow);
		expect(test?.[0].map((item) => item.json.id)).toEqual([wanted]);
		const poller = await bed.engine.activatePoller(workflow);
		expect(poller.activation.items).toBeNull();
		expect(inbox().every((message) => message.isRead === false)).toBe(true);
	});

	it('passes over mails that do not match, for good, and never touches them', async () => {
		const poller = await bed.engine.activatePoller(
			mailTriggerWorkflow({
				filters: { subjectContains: 'invoice', unreadOnly: true },
				options: { markAsRead: true },
			}),
		);
		const wanted = mail.deliver({ subject: 'Invoice 9' });
		const other = mail.deliver({ subject: 'Lunch on Friday' });
		const alreadyRead = mail.deliver({ subject: 'Invoice 10' });
		graph().mail.update(invoices.address, alreadyRead, { isRead: true });
		expect(idsOf(await poller.poll())).toEqual([wanted]);
		graph().mail.update(invoices.address, alreadyRead, { isRead: false });
		expect((await poller.poll()).items).toBeNull();
		const byId = new Map(inbox().map((message) => [message.id, message]));
		expect(byId.get(wanted)?.isRead).toBe(true);
		expect(byId.get(other)?.isRead).toBe(false);
		expect(byId.get(alreadyRead)?.isRead).toBe(false);
	});

	it('marks read and moves only the mails it emitted, and gives their new IDs', async () => {
		const processed = graph().mail.createFolder(invoices.address, 'Processed');
		const old = mail.deliver({ subject: 'Invoice 0' });
		const poller = await bed.engine.activatePoller(
			mailTriggerWorkflow({
				filters: { subjectContains: 'invoice' },
				options: { markAsRead: true, moveTo: folderById(processed) },
			}),
		);
		const wanted = [mail.deliver(), mail.deliver()];
		const other = mail.deliver({ subject: 'Out of office' });
		const outcome = await poller.poll();
		expect(outcome.items).toHaveLength(2);
		const moved = graph().mail.messages(invoices.address, processed);
		expect(moved.map((message) => message.id).sort()).toEqual(
			(outcome.items ?? []).map((item) => String(item.json.id)).sort(),
		);
		expect(moved.every((message) => message.isRead === true)).toBe(true);
		expect(outcome.items?.every((item) => item.json.parentFolderId === processed)).toBe(true);
		expect(
			inbox()
				.map((message) => message.id)
				.sort(),
		).toEqual([old, other].sort());
		expect(inbox().every((message) => message.isRead === false)).toBe(true);
		expect(wanted.some((id) => moved.some((message) => message.id === id))).toBe(false);
		expect((await poller.poll()).items).toBeNull();
	});

	it('does not emit again a mail moved out of the folder and back', async () => {
		const poller = await bed.engine.activatePoller(mailTriggerWorkflow());
		const id = mail.deliver();
		expect(idsOf(await poller.poll())).toEqual([id]);
		const move = async (messageId: string, folder: string) => {
			const run = await bed.run({
				resource: 'message',
				operation: 'move',
				messageId,
				destinationFolder: folderById(folder),
			});
			expect(run.error).toBeUndefined();
			return String(run.output()[0].json.id);
		};
		const archived = await move(id, 'archive');
		expect((await poller.poll()).items).toBeNull();
		const back = await move(archived, 'inbox');
		expect(back).not.toBe(id);
		expect((await poller.poll()).items).toBeNull();
	});

	it('gives attachments as binary data', async () => {
		const poller = await bed.engine.activatePoller(
			mailTriggerWorkflow({ options: { downloadAttachments: true } }),
		);
		graph().mail.deliver(
			{
				subject: 'Invoice with PDF',
				to: [invoices.address],
				attachments: [
					{
						name: 'invoice-42.pdf',
						content: Buffer.from('%PDF-1.7 42'),
						contentType: 'application/pdf',
					},
				],
			},
			{ mailbox: invoices.address },
		);
		const [item] = (await poller.poll()).items ?? [];
		expect(item.binary?.attachment_0).toMatchObject({
			fileName: 'invoice-42.pdf',
			mimeType: 'application/pdf',
		});
		expect((await bytesOf(item.binary?.attachment_0)).toString()).toBe('%PDF-1.7 42');
	});

	it('a poll that fails part-way emits nothing, and the next one emits every mail once', async () => {
		const poller = await bed.engine.activatePoller(
			mailTriggerWorkflow({ options: { downloadAttachments: true } }),
		);
		const ids: string[] = [];
		for (let index = 0; index < 250; index++) {
			ids.push(
				graph().mail.deliver(
					{
						subject: `Invoice ${index}`,
						to: [invoices.address],
						attachments:
							index % 50 === 0 ? [{ name: `${index}.txt`, content: `${index}` }] : undefined,
					},
					{ mailbox: invoices.address },
				).id,
			);
		}
		graph().faults.failNext({ count: 1, status: 500, endpoint: 'attachments' });
		const failed = await poller.poll();
		expect(failed.error?.message).toMatch(/500|Microsoft Graph/);
		expect(failed.items).toBeNull();
		graph().faults.dropNext({ count: 1, endpoint: 'delta' });
		const outcomes = [await poller.poll(), await poller.poll()];
		const emitted = outcomes.flatMap(idsOf);
		expect(repeated(emitted)).toEqual([]);
		expect(emitted.sort()).toEqual([...ids].sort());
	});

	it('reads a backlog in parts of "Max Messages per Poll" at page ends', async () => {
		const poller = await bed.engine.activatePoller(
			mailTriggerWorkflow({ options: { maxPerPoll: 150 } }),
		);
		for (let index = 0; index < 420; index++) mail.deliver();
		const sizes: number[] = [];
		for (let poll = 0; poll < 4; poll++) sizes.push((await poller.poll()).items?.length ?? 0);
		expect(sizes).toEqual([200, 200, 20, 0]);
	});

	it('two polls at once (a slow poll overrun by the next tick) emit each mail once', async () => {
		const poller = await bed.engine.activatePoller(mailTriggerWorkflow());
		for (let index = 0; index < 30; index++) mail.deliver();
		graph().faults.setLatency(20, 'delta');
		const outcomes = await Promise.all([poller.poll(), poller.poll()]);
		expect(outcomes.map((outcome) => outcome.items?.length ?? 0).sort()).toEqual([0, 30]);
	});

	it('after a restart that lost the state of polls that emitted nothing, nothing is lost or repeated', async () => {
		const poller = await bed.engine.activatePoller(
			mailTriggerWorkflow({ filters: { subjectContains: 'invoice' } }),
		);
		const first = mail.deliver();
		expect(idsOf(await poller.poll())).toEqual([first]);
		mail.deliver({ subject: 'Newsletter' });
		expect((await poller.poll()).items).toBeNull();
		await poller.restart();
		const second = mail.deliver();
		const emitted = [...idsOf(poller.activation), ...idsOf(await poller.poll())];
		expect(emitted).toEqual([second]);
	});

	it('starts afresh when the folder is changed', async () => {
		const workflow = mailTriggerWorkflow();
		const poller = await bed.engine.activatePoller(workflow);
		mail.deliver();
		const archived = mail.deliver({ folder: 'archive' });
		expect((await poller.poll()).items).toHaveLength(1);
		const node = workflow.nodes.find((candidate) => candidate.name === TRIGGER_NAME);
		if (node) node.parameters.folder = folderById('archive');
		const moved = await bed.engine.activatePoller(workflow, {
			staticData: poller.savedStaticData(),
		});
		expect(moved.activation.items).toBeNull();
		const next = mail.deliver({ folder: 'archive' });
		expect(idsOf(await moved.poll())).toEqual([next]);
		expect(archived).not.toBe(next);
	});
});
