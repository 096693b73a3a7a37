import {
	ALICE,
	BOB,
	SUPPORT,
	call,
	errorOf,
	startWorld,
	valueOf,
	type GraphWorld,
} from './graph-client';

describe('Graph sandbox: single messages, drafts and replies', () => {
	let world: GraphWorld;
	let token: string;
	const alice = `/users/${ALICE.id}`;

	beforeAll(async () => {
		world = await startWorld();
		token = world.appToken();
	});
	afterAll(() => world.graph.close());

	const seed = (subject: string, extra = {}) =>
		world.graph.mail.deliver({
			subject,
			from: BOB.address,
			to: [ALICE.address],
			body: `About ${subject}`,
			...extra,
		}).id;

	it('gets a message by id (raw or percent-encoded), with $select and $expand=attachments', async () => {
		const id = seed('Get me', { attachments: [{ name: 'a.txt', content: 'hello' }] });
		const raw = await call(world.graph, 'GET', `${alice}/messages/${id}`, { token });
		expect(raw.status).toBe(200);
		expect(raw.body).toMatchObject({ id, subject: 'Get me', hasAttachments: true });
		expect(raw.body?.attachments).toBeUndefined();
		const encoded = await call(
			world.graph,
			'GET',
			`${alice}/messages/${encodeURIComponent(id)}?$select=subject`,
			{ token },
		);
		expect(Object.keys(encoded.body ?? {})).toEqual([
			'@odata.context',
			'@odata.etag',
			'id',
			'subject',
		]);
		const keyed = await call(world.graph, 'GET', `${alice}/messages('${id}')`, { token });
		expect(keyed.body?.id).toBe(id);
		const expanded = await call(
			world.graph,
			'GET',
			`${alice}/messages/${id}?$expand=attachments($select=name,size)`,
			{ token },
		);
		expect(expanded.body?.attachments).toEqual([
			{
				'@odata.type': '#microsoft.graph.fileAttachment',
				'@odata.mediaContentType': 'text/plain',
				name: 'a.txt',
				size: 5,
				id: expect.any(String),
			},
		]);
		const inFolder = await call(world.graph, 'GET', `${alice}/mailFolders/inbox/messages/${id}`, {
			token,
		});
		expect(inFolder.status).toBe(200);
		const wrongFolder = await call(
			world.graph,
			'GET',
			`${alice}/mailFolders/drafts/messages/${id}`,
			{ token },
		);
		expect(wrongFolder.status).toBe(404);
		const mangled = await call(world.graph, 'GET', `${alice}/messages/${id.replace(/-/g, '+')}`, {
			token,
		});
		expect(mangled.status).toBe(404);
		const malformed = await call(world.graph, 'GET', `${alice}/messages/short`, { token });
		expect(errorOf(malformed).code).toBe('ErrorInvalidIdMalformed');
	});

	it('patches isRead, categories, flag and importance, with a new changeKey', async () => {
		const id = seed('Patch me');
		const before = await call(world.graph, 'GET', `${alice}/messages/${id}`, { token });
		const patched = await call(world.graph, 'PATCH', `${alice}/messages/${id}`, {
			token,
			body: {
				isRead: true,
				categories: ['Processed'],
				flag: { flagStatus: 'flagged' },
				importance: 'High',
			},
		});
		expect(patched.status).toBe(200);
		expect(patched.body).toMatchObject({
			isRead: true,
			categories: ['Processed'],
			flag: { flagStatus: 'flagged' },
			importance: 'high',
		});
		expect(patched.body?.changeKey).not.toBe(before.body?.changeKey);
		const sentSubject = await call(world.graph, 'PATCH', `${alice}/messages/${id}`, {
			token,
			body: { subject: 'New' },
		});
		expect(sentSubject.status).toBe(400);
		expect(errorOf(sentSubject).code).toBe('ErrorInvalidPropertyUpdateSentMessage');
		const unknown = await call(world.graph, 'PATCH', `${alice}/messages/${id}`, {
			token,
			body: { colour: 'red' },
		});
		expect(errorOf(unknown).message).toMatch(
			/^The property 'colour' does not exist on type 'microsoft.graph.message'/,
		);
		const badEnum = await call(world.graph, 'PATCH', `${alice}/messages/${id}`, {
			token,
			body: { importance: 'urgent' },
		});
		expect(badEnum.status).toBe(400);
		const notJson = await call(world.graph, 'PATCH', `${alice}/messages/${id}`, {
			token,
			body: '{not json',
		});
		expect(errorOf(notJson).code).toBe('RequestBodyRead');
	});

	it('moves a message (201, a new id; the old id is gone) and copies it', async () => {
		const id = seed('Move me');
		const moved = await call(world.graph, 'POST', `${alice}/messages/${id}/move`, {
			token,
			body: { destinationId: 'archive' },
		});
		expect(moved.status).toBe(201);
		const newId = moved.body?.id as string;
		expect(newId).not.toBe(id);
		expect(moved.body).toMatchObject({
			subject: 'Move me',
			'@odata.type': '#microsoft.graph.message',
		});
		const archive = await call(world.graph, 'GET', `${alice}/mailFolders/archive`, { token });
		expect(moved.body?.parentFolderId).toBe(archive.body?.id);
		expect((await call(world.graph, 'GET', `${alice}/messages/${id}`, { token })).status).toBe(404);
		expect((await call(world.graph, 'GET', `${alice}/messages/${newId}`, { token })).status).toBe(
			200,
		);
		const copied = await call(world.graph, 'POST', `${alice}/messages/${newId}/copy`, {
			token,
			body: { destinationId: 'inbox' },
		});
		expect(copied.status).toBe(201);
		expect(copied.body?.id).not.toBe(newId);
		expect((await call(world.graph, 'GET', `${alice}/messages/${newId}`, { token })).status).toBe(
			200,
		);
		const folder = await call(world.graph, 'POST', `${alice}/mailFolders`, {
			token,
			body: { displayName: 'Done' },
		});
		const byId = await call(
			world.graph,
			'POST',
			`${alice}/messages/${newId}/microsoft.graph.move`,
			{
				token,
				body: { destinationId: folder.body?.id },
			},
		);
		expect(byId.status).toBe(201);
		const nowhere = await call(
			world.graph,
			'POST',
			`${alice}/messages/${byId.body?.id as string}/move`,
			{
				token,
				body: { destinationId: 'AQMkADnowhere-_AAAA==' },
			},
		);
		expect(nowhere.status).toBe(404);
	});

	it('deletes (204) into Recoverable Items, not Deleted Items', async () => {
		const id = seed('Delete me');
		const deleted = await call(world.graph, 'DELETE', `${alice}/messages/${id}`, { token });
		expect(deleted.status).toBe(204);
		expect(deleted.text).toBe('');
		expect((await call(world.graph, 'GET', `${alice}/messages/${id}`, { token })).status).toBe(404);
		const deletedItems = await call(
			world.graph,
			'GET',
			`${alice}/mailFolders/deleteditems/messages`,
			{ token },
		);
		expect(valueOf(deletedItems).map((m) => m.subject)).not.toContain('Delete me');
		const recoverable = await call(
			world.graph,
			'GET',
			`${alice}/mailFolders/recoverableitemsdeletions/messages`,
			{ token },
		);
		expect(valueOf(recoverable).map((m) => m.subject)).toContain('Delete me');
		const all = await call(world.graph, 'GET', `${alice}/messages?$top=1000&$select=subject`, {
			token,
		});
		expect(valueOf(all).map((m) => m.subject)).not.toContain('Delete me');
	});

	it('creates a draft (201), edits it, and sends it (202) from Drafts to Sent Items', async () => {
		const created = await call(world.graph, 'POST', `${alice}/messages`, {
			token,
			body: {
				subject: 'Draft',
				body: { contentType: 'HTML', content: '<p>Hi</p>' },
				toRecipients: [{ emailAddress: { address: BOB.address, name: 'Bob' } }],
			},
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			isDraft: true,
			subject: 'Draft',
			body: { contentType: 'html' },
		});
		const drafts = await call(world.graph, 'GET', `${alice}/mailFolders/drafts`, { token });
		expect(created.body?.parentFolderId).toBe(drafts.body?.id);
		const id = created.body?.id as string;
		const edited = await call(world.graph, 'PATCH', `${alice}/messages/${id}`, {
			token,
			body: { subject: 'Final draft' },
		});
		expect(edited.body?.subject).toBe('Final draft');
		const sent = await call(world.graph, 'POST', `${alice}/messages/${id}/send`, { token });
		expect(sent.status).toBe(202);
		expect(sent.text).toBe('');
		expect((await call(world.graph, 'GET', `${alice}/messages/${id}`, { token })).status).toBe(404);
		expect(world.graph.mail.sent(ALICE.address).map((m) => m.subject)).toContain('Final draft');
		expect(world.graph.mail.messages(BOB.address).map((m) => m.subject)).toContain('Final draft');
		const again = await call(world.graph, 'POST', `${alice}/messages/${id}/send`, { token });
		expect(again.status).toBe(404);
		const empty = await call(world.graph, 'POST', `${alice}/messages`, {
			token,
			body: { subject: 'nobody' },
		});
		const noRecipients = await call(
			world.graph,
			'POST',
			`${alice}/messages/${empty.body?.id as string}/send`,
			{ token },
		);
		expect(noRecipients.status).toBe(400);
		expect(errorOf(noRecipients).code).toBe('ErrorInvalidRecipients');
	});

	it('replies, replies to all and forwards (202), and creates reply drafts (201)', async () => {
		const id = world.graph.mail.deliver(
			{
				subject: 'Question',
				from: BOB.address,
				to: [ALICE.address, SUPPORT.address],
				cc: ['carol@contoso.test'],
				body: 'Can you help?',
			},
			{ mailbox: ALICE.address },
		).id;
		const before = world.graph.counters.event('messagesSent');
		const reply = await call(world.graph, 'POST', `${alice}/messages/${id}/reply`, {
			token,
			body: { comment: 'Sure.' },
		});
		expect(reply.status).toBe(202);
		const bobInbox = world.graph.mail.messages(BOB.address);
		expect(bobInbox[0]).toMatchObject({
			subject: 'RE: Question',
			toRecipients: [{ emailAddress: { address: BOB.address } }],
		});
		expect((bobInbox[0].body as { content: string }).content).toContain('Sure.');
		const replyAll = await call(world.graph, 'POST', `${alice}/messages/${id}/replyAll`, {
			token,
			body: { comment: 'All of you' },
		});
		expect(replyAll.status).toBe(202);
		const submission = world.graph.mail.submissions().at(-1);
		expect(submission?.toRecipients.map((r) => r.emailAddress.address)).toEqual([
			BOB.address,
			SUPPORT.address,
		]);
		expect(submission?.ccRecipients.map((r) => r.emailAddress.address)).toEqual([
			'carol@contoso.test',
		]);
		const forward = await call(world.graph, 'POST', `${alice}/messages/${id}/forward`, {
			token,
			body: {
				comment: 'FYI',
				toRecipients: [{ emailAddress: { address: 'dave@elsewhere.test' } }],
			},
		});
		expect(forward.status).toBe(202);
		expect(world.graph.mail.submissions().at(-1)).toMatchObject({
			subject: 'FW: Question',
			deliveredTo: [],
		});
		expect(world.graph.counters.event('messagesSent')).toBe(before + 3);
		const noTarget = await call(world.graph, 'POST', `${alice}/messages/${id}/forward`, {
			token,
			body: { comment: 'x' },
		});
		expect(errorOf(noTarget).code).toBe('ErrorInvalidRecipients');

		const draft = await call(world.graph, 'POST', `${alice}/messages/${id}/createReply`, { token });
		expect(draft.status).toBe(201);
		expect(draft.body).toMatchObject({ isDraft: true, subject: 'RE: Question' });
		const forwardDraft = await call(world.graph, 'POST', `${alice}/messages/${id}/createForward`, {
			token,
			body: {},
		});
		expect(forwardDraft.body).toMatchObject({
			isDraft: true,
			subject: 'FW: Question',
			toRecipients: [],
		});
		const replyAllDraft = await call(
			world.graph,
			'POST',
			`${alice}/messages/${id}/createReplyAll`,
			{ token },
		);
		expect((replyAllDraft.body?.toRecipients as unknown[]).length).toBe(2);
	});
});
