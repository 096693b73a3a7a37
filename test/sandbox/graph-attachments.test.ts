import { randomBytes } from 'node:crypto';
import { ALICE, BOB, call, errorOf, startWorld, valueOf, type GraphWorld } from './graph-client';

const KIB = 1024;
const MIB = 1024 * KIB;

describe('Graph sandbox: attachments and upload sessions', () => {
	let world: GraphWorld;
	let token: string;
	const alice = `/users/${ALICE.id}`;

	beforeAll(async () => {
		world = await startWorld();
		token = world.appToken();
	});
	afterAll(() => world.graph.close());

	const draft = async () => {
		const created = await call(world.graph, 'POST', `${alice}/messages`, {
			token,
			body: { subject: 'With files', toRecipients: [{ emailAddress: { address: BOB.address } }] },
		});
		return created.body?.id as string;
	};

	const put = (
		url: string,
		bytes: Buffer,
		start: number,
		total: number,
		headers: Record<string, string> = {},
	) =>
		fetch(url, {
			method: 'PUT',
			headers: {
				'Content-Type': 'application/octet-stream',
				'Content-Range': `bytes ${start}-${start + bytes.length - 1}/${total}`,
				...headers,
			},
			body: bytes,
		});

	it('adds, lists, gets, reads ($value) and deletes a file attachment', async () => {
		const id = await draft();
		const content = Buffer.from('%PDF-1.4 sandbox');
		const added = await call(world.graph, 'POST', `${alice}/messages/${id}/attachments`, {
			token,
			body: {
				'@odata.type': '#microsoft.graph.fileAttachment',
				name: 'note.pdf',
				contentBytes: content.toString('base64'),
			},
		});
		expect(added.status).toBe(201);
		expect(added.body).toMatchObject({
			'@odata.type': '#microsoft.graph.fileAttachment',
			name: 'note.pdf',
			contentType: 'application/pdf',
			size: content.length,
			isInline: false,
			contentBytes: content.toString('base64'),
		});
		const attachmentId = added.body?.id as string;
		const list = await call(world.graph, 'GET', `${alice}/messages/${id}/attachments`, { token });
		expect(valueOf(list)).toHaveLength(1);
		const metadataOnly = await call(
			world.graph,
			'GET',
			`${alice}/messages/${id}/attachments?$select=name,size,contentType`,
			{
				token,
			},
		);
		expect(valueOf(metadataOnly)[0].contentBytes).toBeUndefined();
		expect(valueOf(metadataOnly)[0]).toMatchObject({ name: 'note.pdf', size: content.length });
		const one = await call(
			world.graph,
			'GET',
			`${alice}/messages/${id}/attachments/${attachmentId}`,
			{ token },
		);
		expect(one.body?.contentBytes).toBe(content.toString('base64'));
		const raw = await fetch(
			`${world.graph.url}/v1.0${alice}/messages/${id}/attachments/${attachmentId}/$value`,
			{
				headers: { Authorization: `Bearer ${token}` },
			},
		);
		expect(raw.status).toBe(200);
		expect(raw.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await raw.arrayBuffer())).toEqual(content);
		const message = await call(
			world.graph,
			'GET',
			`${alice}/messages/${id}?$select=hasAttachments`,
			{ token },
		);
		expect(message.body?.hasAttachments).toBe(true);
		expect(
			(
				await call(world.graph, 'DELETE', `${alice}/messages/${id}/attachments/${attachmentId}`, {
					token,
				})
			).status,
		).toBe(204);
		expect(
			valueOf(await call(world.graph, 'GET', `${alice}/messages/${id}/attachments`, { token })),
		).toHaveLength(0);
		const missing = await call(
			world.graph,
			'GET',
			`${alice}/messages/${id}/attachments/${attachmentId}`,
			{ token },
		);
		expect(missing.status).toBe(404);
	});

	it('refuses attachments of 3 MB or more, and ones without @odata.type', async () => {
		const id = await draft();
		const tooBig = await call(world.graph, 'POST', `${alice}/messages/${id}/attachments`, {
			token,
			body: {
				'@odata.type': '#microsoft.graph.fileAttachment',
				name: 'big.bin',
				contentBytes: Buffer.alloc(3 * MIB + 1).toString('base64'),
			},
		});
		expect(tooBig.status).toBe(413);
		const untyped = await call(world.graph, 'POST', `${alice}/messages/${id}/attachments`, {
			token,
			body: { name: 'x.txt', contentBytes: 'eA==' },
		});
		expect(untyped.status).toBe(400);
	});

	it('uploads a 10 MB file in 320 KiB-multiple chunks and reads the same bytes back', async () => {
		const id = await draft();
		const file = randomBytes(10 * MIB + 12345);
		const session = await call(
			world.graph,
			'POST',
			`${alice}/messages/${id}/attachments/createUploadSession`,
			{
				token,
				body: {
					AttachmentItem: {
						attachmentType: 'file',
						name: 'video.mp4',
						size: file.length,
						contentType: 'video/mp4',
					},
				},
			},
		);
		expect(session.status).toBe(201);
		expect(session.body).toMatchObject({
			uploadUrl: expect.stringMatching(
				new RegExp(
					`^${world.graph.uploadOrigin}/upload/.*AttachmentSessions\\('.+'\\)\\?authtoken=`,
				),
			),
			expirationDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/),
			nextExpectedRanges: ['0-'],
		});
		const url = session.body?.uploadUrl as string;
		// Another origin than Graph's, as outlook.office.com is another host than graph.microsoft.com.
		expect(new URL(url).origin).not.toBe(world.graph.url);
		const chunk = 10 * 320 * KIB;
		let offset = 0;
		let last: Response | undefined;
		while (offset < file.length) {
			const piece = file.subarray(offset, Math.min(offset + chunk, file.length));
			last = await put(url, piece, offset, file.length);
			offset += piece.length;
			if (offset < file.length) {
				expect(last.status).toBe(200);
				expect(await last.json()).toMatchObject({
					ExpirationDateTime: session.body?.expirationDateTime,
					nextExpectedRanges: [String(offset)],
				});
			}
		}
		expect(last?.status).toBe(201);
		expect(await last?.text()).toBe('');
		const location = last?.headers.get('location') ?? '';
		const attachmentId = /Attachments\('([^']+)'\)/.exec(location)?.[1] ?? '';
		expect(attachmentId).not.toBe('');
		const raw = await fetch(
			`${world.graph.url}/v1.0${alice}/messages/${id}/attachments/${attachmentId}/$value`,
			{
				headers: { Authorization: `Bearer ${token}` },
			},
		);
		expect(Buffer.from(await raw.arrayBuffer()).equals(file)).toBe(true);
		const meta = await call(
			world.graph,
			'GET',
			`${alice}/messages/${id}/attachments/${attachmentId}?$select=name,size,contentType`,
			{
				token,
			},
		);
		expect(meta.body).toMatchObject({
			name: 'video.mp4',
			size: file.length,
			contentType: 'video/mp4',
		});
		expect(world.graph.counters.requests('upload')).toBeGreaterThanOrEqual(4);
		const sent = await call(world.graph, 'POST', `${alice}/messages/${id}/send`, { token });
		expect(sent.status).toBe(202);
		const bobCopy = world.graph.mail.messages(BOB.address)[0];
		expect(
			world.graph.mail
				.message(BOB.address, bobCopy.id as string)
				?.attachments[0].bytes.equals(file),
		).toBe(true);
	});

	it('refuses an Authorization header on the upload URL, bad ranges and bad chunk sizes', async () => {
		const id = await draft();
		const size = 4 * MIB;
		const session = await call(
			world.graph,
			'POST',
			`${alice}/messages/${id}/attachments/createUploadSession`,
			{
				token,
				body: { AttachmentItem: { attachmentType: 'file', name: 'data.bin', size } },
			},
		);
		const url = session.body?.uploadUrl as string;
		const withAuth = await put(url, Buffer.alloc(320 * KIB), 0, size, {
			Authorization: `Bearer ${token}`,
		});
		expect(withAuth.status).toBe(401);
		const wrongToken = await put(
			url.replace(/authtoken=.*/, 'authtoken=forged'),
			Buffer.alloc(320 * KIB),
			0,
			size,
		);
		expect(wrongToken.status).toBe(401);
		const notMultiple = await put(url, Buffer.alloc(300 * KIB), 0, size);
		expect(notMultiple.status).toBe(400);
		const wrongTotal = await put(url, Buffer.alloc(320 * KIB), 0, size + 1);
		expect(wrongTotal.status).toBe(400);
		const bigSession = await call(
			world.graph,
			'POST',
			`${alice}/messages/${id}/attachments/createUploadSession`,
			{
				token,
				body: { AttachmentItem: { attachmentType: 'file', name: 'big.bin', size: 8 * MIB } },
			},
		);
		const tooLarge = await put(
			bigSession.body?.uploadUrl as string,
			Buffer.alloc(4 * MIB + 320 * KIB),
			0,
			8 * MIB,
		);
		expect(tooLarge.status).toBe(413);
		const outOfOrder = await put(url, Buffer.alloc(320 * KIB), 320 * KIB, size);
		expect(outOfOrder.status).toBe(416);
		const first = await put(url, Buffer.alloc(640 * KIB, 1), 0, size);
		expect(first.status).toBe(200);
		const overlap = await put(url, Buffer.alloc(320 * KIB), 0, size);
		expect(overlap.status).toBe(416);
		expect(
			((await overlap.json()) as { error: { innerError: { code: string } } }).error.innerError.code,
		).toBe('fragmentOverlap');
		const cancel = await fetch(url, { method: 'DELETE' });
		expect(cancel.status).toBe(204);
		const afterCancel = await put(url, Buffer.alloc(320 * KIB), 640 * KIB, size);
		expect(afterCancel.status).toBe(404);
	});

	it('refuses upload sessions for files under 3 MB and lets the upload URL expire', async () => {
		const id = await draft();
		const small = await call(
			world.graph,
			'POST',
			`${alice}/messages/${id}/attachments/createUploadSession`,
			{
				token,
				body: { AttachmentItem: { attachmentType: 'file', name: 'small.txt', size: 1000 } },
			},
		);
		expect(small.status).toBe(400);
		expect(errorOf(small).code).toBe('ErrorAttachmentSizeShouldNotBeLessThanMinimumSize');
		const huge = await call(
			world.graph,
			'POST',
			`${alice}/messages/${id}/attachments/createUploadSession`,
			{
				token,
				body: { AttachmentItem: { attachmentType: 'file', name: 'huge.bin', size: 151 * MIB } },
			},
		);
		expect(errorOf(huge).code).toBe('ErrorMessageSizeExceeded');
		const session = await call(
			world.graph,
			'POST',
			`${alice}/messages/${id}/attachments/createUploadSession`,
			{
				token,
				body: { AttachmentItem: { attachmentType: 'file', name: 'late.bin', size: 3 * MIB } },
			},
		);
		world.clock.advance(7 * 60 * 60 * 1000);
		const late = await put(session.body?.uploadUrl as string, Buffer.alloc(320 * KIB), 0, 3 * MIB);
		expect(late.status).toBe(401);
	});
});
