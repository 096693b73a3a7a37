import { ALICE, BOB, SUPPORT, call, errorOf, startWorld, type GraphWorld } from './graph-client';

const MIB = 1024 * 1024;

describe('Graph sandbox: sendMail', () => {
	let world: GraphWorld;
	let token: string;

	beforeAll(async () => {
		world = await startWorld();
		token = world.appToken();
	});
	afterAll(() => world.graph.close());
	beforeEach(() => world.graph.counters.reset());

	const to = (...addresses: string[]) =>
		addresses.map((address) => ({ emailAddress: { address } }));

	it('answers 202 with no body, delivers to every sandbox recipient and saves to Sent Items', async () => {
		const answer = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
			token,
			body: {
				message: {
					subject: 'Quarterly report',
					body: { contentType: 'Text', content: 'See attached.' },
					toRecipients: to(BOB.address),
					ccRecipients: to(SUPPORT.address, 'outside@partner.test'),
					bccRecipients: to('BOB@contoso.test'),
					attachments: [
						{
							'@odata.type': '#microsoft.graph.fileAttachment',
							name: 'report.csv',
							contentType: 'text/csv',
							contentBytes: Buffer.from('a,b\n1,2\n').toString('base64'),
						},
					],
				},
			},
		});
		expect(answer.status).toBe(202);
		expect(answer.text).toBe('');
		const bob = world.graph.mail.messages(BOB.address);
		expect(bob).toHaveLength(1);
		expect(bob[0]).toMatchObject({
			subject: 'Quarterly report',
			isRead: false,
			isDraft: false,
			hasAttachments: true,
			from: { emailAddress: { address: ALICE.address, name: ALICE.displayName } },
			bccRecipients: [],
		});
		expect(world.graph.mail.messages(SUPPORT.address)).toHaveLength(1);
		const sent = world.graph.mail.sent(ALICE.address);
		expect(sent[0]).toMatchObject({
			subject: 'Quarterly report',
			isRead: true,
			bccRecipients: to('BOB@contoso.test'),
		});
		expect(sent[0].internetMessageId).toBe(bob[0].internetMessageId);
		expect(world.graph.mail.submissions().at(-1)?.deliveredTo).toEqual([
			BOB.address,
			SUPPORT.address,
		]);
		expect(world.graph.counters.event('messagesSent')).toBe(1);
		expect(world.graph.counters.event('deliveries')).toBe(2);
		const bobMessage = world.graph.mail.message(BOB.address, bob[0].id as string);
		expect(bobMessage?.attachments[0].bytes.toString()).toBe('a,b\n1,2\n');
	});

	it('does not save to Sent Items when saveToSentItems is false', async () => {
		const before = world.graph.mail.sent(BOB.address).length;
		const answer = await call(world.graph, 'POST', `/users/${BOB.address}/sendMail`, {
			token,
			body: {
				message: { subject: 'No copy', toRecipients: to(ALICE.address) },
				saveToSentItems: false,
			},
		});
		expect(answer.status).toBe(202);
		expect(world.graph.mail.sent(BOB.address)).toHaveLength(before);
		expect(world.graph.mail.messages(ALICE.address)[0].subject).toBe('No copy');
	});

	it('sends from a shared mailbox with a delegated token and Mail.Send.Shared', async () => {
		const answer = await call(world.graph, 'POST', `/users/${SUPPORT.address}/sendMail`, {
			token: world.userToken(ALICE),
			body: { message: { subject: 'From support', toRecipients: to(BOB.address) } },
		});
		expect(answer.status).toBe(202);
		expect(world.graph.mail.messages(BOB.address)[0].from).toEqual({
			emailAddress: { name: SUPPORT.displayName, address: SUPPORT.address },
		});
		const me = await call(world.graph, 'POST', '/me/sendMail', {
			token: world.userToken(ALICE),
			body: { message: { subject: 'From me', toRecipients: to(BOB.address) } },
		});
		expect(me.status).toBe(202);
	});

	it('refuses messages without recipients, bad addresses and bodies that are not JSON', async () => {
		const none = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
			token,
			body: { message: { subject: 'Nobody' } },
		});
		expect(none.status).toBe(400);
		expect(errorOf(none)).toMatchObject({
			code: 'ErrorInvalidRecipients',
			message:
				"At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
		});
		const bad = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
			token,
			body: { message: { toRecipients: to('bad') } },
		});
		expect(errorOf(bad).message).toBe(
			"At least one recipient isn't valid., Recipient 'bad' isn't resolved. All recipients must be resolved before a message can be submitted.",
		);
		const broken = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
			token,
			body: '{"message":',
		});
		expect(broken.status).toBe(400);
		expect(errorOf(broken).code).toBe('RequestBodyRead');
		const noMessage = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
			token,
			body: {},
		});
		expect(noMessage.status).toBe(400);
		const sendAs = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
			token,
			body: {
				message: {
					from: { emailAddress: { address: BOB.address } },
					toRecipients: to(BOB.address),
				},
			},
		});
		expect(sendAs.status).toBe(403);
		expect(errorOf(sendAs).code).toBe('ErrorSendAsDenied');
	});

	it('refuses request bodies over 4 MB (413) and inline attachments of 3 MB or more', async () => {
		const attachment = (bytes: number) => ({
			'@odata.type': '#microsoft.graph.fileAttachment',
			name: 'big.bin',
			contentBytes: Buffer.alloc(bytes, 7).toString('base64'),
		});
		const big = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
			token,
			body: {
				message: {
					subject: 'Big',
					toRecipients: to(BOB.address),
					attachments: [attachment(3.2 * MIB)],
				},
			},
		});
		expect(big.status).toBe(413);
		expect(errorOf(big)).toMatchObject({ message: 'The maximum request length supported is 4MB.' });
		world.graph.settings.maxRequestBytes = 8 * MIB;
		try {
			const overInline = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
				token,
				body: {
					message: {
						subject: 'Two',
						toRecipients: to(BOB.address),
						attachments: [attachment(2 * MIB), attachment(1.5 * MIB)],
					},
				},
			});
			expect(overInline.status).toBe(413);
		} finally {
			world.graph.settings.maxRequestBytes = 4 * MIB;
		}
		const fits = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
			token,
			body: {
				message: {
					subject: 'Fits',
					toRecipients: to(BOB.address),
					attachments: [attachment(2.5 * MIB)],
				},
			},
		});
		expect(fits.status).toBe(202);
	});

	it('delays delivery to recipients by deliveryDelayMs on the sandbox clock', async () => {
		world.graph.settings.deliveryDelayMs = 5000;
		try {
			const answer = await call(world.graph, 'POST', `/users/${ALICE.id}/sendMail`, {
				token,
				body: { message: { subject: 'Slow mail', toRecipients: to(BOB.address) } },
			});
			expect(answer.status).toBe(202);
			const inbox = `/users/${BOB.id}/mailFolders/inbox/messages?$select=subject`;
			const before = await call(world.graph, 'GET', inbox, { token });
			expect(
				(before.body?.value as Array<{ subject: string }>).map((m) => m.subject),
			).not.toContain('Slow mail');
			expect(world.graph.mail.sent(ALICE.address)[0].subject).toBe('Slow mail');
			world.clock.advance(5000);
			const after = await call(world.graph, 'GET', inbox, { token });
			expect((after.body?.value as Array<{ subject: string }>)[0].subject).toBe('Slow mail');
		} finally {
			world.graph.settings.deliveryDelayMs = 0;
		}
	});
});
