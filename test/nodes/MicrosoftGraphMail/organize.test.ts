import { startCaptureServer } from '../../../sandbox/shared/capture-server';
import type { GraphBed } from '../../helpers/microsoft';
import { folderById, invoices, jsonOf, startGraphBed } from '../../helpers/microsoft';

describe('Microsoft Graph Mail: mark, file, flag and delete messages', () => {
	let bed: GraphBed;
	let id: string;
	beforeEach(async () => {
		bed = await startGraphBed();
		id = bed.sandboxes.graph.mail.deliver({ subject: 'Invoice 42', to: [invoices.address] }).id;
	});
	afterEach(async () => await bed.close());

	const mail = () => bed.sandboxes.graph.mail;
	const act = (operation: string, parameters: Record<string, unknown> = {}) =>
		bed.run({ resource: 'message', operation, messageId: id, ...parameters });
	const stored = (messageId = id) =>
		mail().message(invoices.address, messageId) as Record<string, unknown> | undefined;

	it('marks as read and as unread, returning the message as it is now', async () => {
		const read = await act('markRead');
		expect(read.error).toBeUndefined();
		expect(jsonOf(read)).toEqual([expect.objectContaining({ id, isRead: true })]);
		expect(stored()?.isRead).toBe(true);
		const unread = await act('markUnread', { output: 'raw' });
		expect(jsonOf(unread)).toEqual([
			expect.objectContaining({ id, isRead: false, changeKey: expect.any(String) }),
		]);
		expect(stored()?.isRead).toBe(false);
		expect(bed.sandboxes.graph.counters.requests('patch')).toBe(2);
	});

	it('moves a message: a new ID in the destination, none left behind', async () => {
		const execution = await act('move', { destinationFolder: folderById('archive') });
		expect(execution.error).toBeUndefined();
		const [moved] = jsonOf(execution);
		expect(moved.id).not.toBe(id);
		expect(moved.subject).toBe('Invoice 42');
		expect(
			mail()
				.messages(invoices.address, 'archive')
				.map((m) => m.id),
		).toEqual([moved.id]);
		expect(mail().messages(invoices.address)).toEqual([]);
		expect(stored()).toBeUndefined();
	});

	it('copies a message into a folder picked by ID, keeping the original', async () => {
		const folder = mail().createFolder(invoices.address, 'Processed');
		const execution = await act('copy', { destinationFolder: folderById(folder) });
		expect(execution.error).toBeUndefined();
		const [copy] = jsonOf(execution);
		expect(copy.id).not.toBe(id);
		expect(copy.parentFolderId).toBe(folder);
		expect(
			mail()
				.messages(invoices.address)
				.map((m) => m.id),
		).toEqual([id]);
		expect(
			mail()
				.messages(invoices.address, folder)
				.map((m) => m.id),
		).toEqual([copy.id]);
	});

	it('replaces the categories, and clears them', async () => {
		const set = await act('setCategories', { categories: 'Invoice, Processed ,' });
		expect(jsonOf(set)[0].categories).toEqual(['Invoice', 'Processed']);
		expect(stored()?.categories).toEqual(['Invoice', 'Processed']);
		const cleared = await act('setCategories', { categories: '' });
		expect(jsonOf(cleared)[0].categories).toEqual([]);
		expect(stored()?.categories).toEqual([]);
	});

	it('flags, completes and unflags', async () => {
		for (const flagStatus of ['flagged', 'complete', 'notFlagged']) {
			const execution = await act('flag', { flagStatus });
			expect(jsonOf(execution)[0].flagStatus).toBe(flagStatus);
			expect(stored()?.flag).toEqual({ flagStatus });
		}
	});

	it('deletes a message: it leaves every folder (Graph keeps it in Recoverable Items)', async () => {
		const execution = await act('delete');
		expect(execution.error).toBeUndefined();
		expect(jsonOf(execution)).toEqual([{ deleted: true, permanently: false, messageId: id }]);
		expect(mail().messages(invoices.address)).toEqual([]);
		expect(mail().messages(invoices.address, 'deleteditems')).toEqual([]);
		expect(
			mail()
				.messages(invoices.address, 'recoverableitemsdeletions')
				.map((m) => m.subject),
		).toEqual(['Invoice 42']);
		expect(bed.sandboxes.graph.counters.requests('delete')).toBe(1);
		const again = await act('get');
		expect(again.error?.message).toMatch(/not found/);
	});

	// The Graph sandbox has no route for permanentDelete (Graph v1.0 has
	// POST /users/{id}/messages/{id}/permanentDelete): a capture server stands in for Graph and
	// shows the request the node sends.
	it('deletes permanently with POST …/permanentDelete', async () => {
		const graph = await startCaptureServer();
		try {
			await bed.editCredential({ graphEndpoint: graph.url });
			const execution = await act('delete', { permanently: true });
			expect(execution.error).toBeUndefined();
			expect(jsonOf(execution)).toEqual([{ deleted: true, permanently: true, messageId: id }]);
			expect(graph.requests.map(({ method, url }) => [method, url])).toEqual([
				[
					'POST',
					`/v1.0/users/${encodeURIComponent(invoices.address)}/messages/${encodeURIComponent(id)}/permanentDelete`,
				],
			]);
			expect(graph.requests[0].headers.authorization).toMatch(/^Bearer ey/);
		} finally {
			await graph.close();
		}
	});
});

describe('Microsoft Graph Mail: folders', () => {
	let bed: GraphBed;
	beforeEach(async () => (bed = await startGraphBed()));
	afterEach(async () => await bed.close());

	it('lists the top folders, or the whole tree with paths', async () => {
		const mail = bed.sandboxes.graph.mail;
		const suppliers = mail.createFolder(invoices.address, 'Suppliers', 'inbox');
		mail.createFolder(invoices.address, '2026', suppliers);
		mail.createFolder(invoices.address, '2026', 'archive');
		mail.deliver({ subject: 'x', to: [invoices.address] });

		const top = await bed.run({
			resource: 'folder',
			operation: 'getMany',
			includeChildFolders: false,
		});
		expect(top.error).toBeUndefined();
		expect(jsonOf(top).map((folder) => folder.path)).toEqual([
			'Archive',
			'Conversation History',
			'Deleted Items',
			'Drafts',
			'Inbox',
			'Junk Email',
			'Outbox',
			'Sent Items',
		]);
		expect(jsonOf(top).find((folder) => folder.path === 'Inbox')).toEqual({
			id: expect.any(String),
			displayName: 'Inbox',
			parentFolderId: expect.any(String),
			childFolderCount: 1,
			unreadItemCount: 1,
			totalItemCount: 1,
			path: 'Inbox',
		});

		const tree = await bed.run({
			resource: 'folder',
			operation: 'getMany',
			includeChildFolders: true,
		});
		const paths = jsonOf(tree).map((folder) => folder.path);
		expect(paths).toEqual(
			expect.arrayContaining(['Inbox/Suppliers', 'Inbox/Suppliers/2026', 'Archive/2026']),
		);
		expect(paths).toHaveLength(11);
		const nested = jsonOf(tree).find((folder) => folder.path === 'Inbox/Suppliers/2026');
		expect(nested?.parentFolderId).toBe(suppliers);
	});

	it('creates a folder at the top and inside a parent', async () => {
		const top = await bed.run({
			resource: 'folder',
			operation: 'create',
			folderName: ' Processed ',
		});
		expect(top.error).toBeUndefined();
		const [processed] = jsonOf(top);
		expect(processed).toMatchObject({
			id: expect.any(String),
			displayName: 'Processed',
			childFolderCount: 0,
		});
		const child = await bed.run({
			resource: 'folder',
			operation: 'create',
			folderName: '2026',
			parentFolderId: String(processed.id),
		});
		expect(jsonOf(child)[0]).toMatchObject({ displayName: '2026', parentFolderId: processed.id });
		const inInbox = await bed.run({
			resource: 'folder',
			operation: 'create',
			folderName: 'Suppliers',
			parentFolderId: 'inbox',
		});
		expect(inInbox.error).toBeUndefined();
		const folders = bed.sandboxes.graph.mail.folders(invoices.address);
		const inbox = folders.find((folder) => folder.wellKnownName === 'inbox');
		expect(folders.find((folder) => folder.displayName === 'Suppliers')?.parentFolderId).toBe(
			inbox?.id,
		);

		const duplicate = await bed.run({
			resource: 'folder',
			operation: 'create',
			folderName: 'Processed',
		});
		expect(duplicate.error?.message).toMatch(/A folder with the specified name already exists/);
		expect(duplicate.error?.description).toBe('A folder with this name already exists here.');
	});
});
