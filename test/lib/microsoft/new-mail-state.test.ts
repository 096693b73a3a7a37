import {
	linkPath,
	readCursor,
	writeCursor,
} from '../../../lib/microsoft/graph/new-mail/mail-cursor';
import type { MailCursor } from '../../../lib/microsoft/graph/new-mail/mail-cursor';
import { matchesFilters, messageKey } from '../../../lib/microsoft/graph/new-mail/message-filter';
import { SeenMessages } from '../../../lib/microsoft/graph/new-mail/seen-messages';

const T = Date.parse('2026-11-29T12:00:00Z');

describe('the mail trigger state', () => {
	it('remembers seen messages through its packed form, 12 bytes each', () => {
		const seen = new SeenMessages();
		for (let index = 0; index < 1000; index++)
			seen.add(`<m${index}@contoso.test>`, T + index * 1000);
		const packed = seen.toString();
		expect(Buffer.from(packed, 'base64')).toHaveLength(12_000);
		const again = SeenMessages.parse(packed);
		expect(again.size).toBe(1000);
		expect(again.has('<m0@contoso.test>')).toBe(true);
		expect(again.has('<m999@contoso.test>')).toBe(true);
		expect(again.has('<m1000@contoso.test>')).toBe(false);
	});

	it('forgets what was received before the bound, and the oldest beyond the limit', () => {
		const seen = new SeenMessages();
		for (let index = 0; index < 10; index++) seen.add(`m${index}`, T + index * 1000);
		expect(seen.prune(T + 3000, 100)).toBe(T + 3000);
		expect(seen.size).toBe(7);
		expect(seen.has('m2')).toBe(false);
		expect(seen.has('m3')).toBe(true);
		// Beyond the limit the newest are kept; the set covers only from the second after the
		// oldest one kept (messages of that second may have been dropped).
		expect(seen.prune(T, 4)).toBe(T + 7000);
		expect(['m5', 'm6', 'm7', 'm8', 'm9'].map((key) => seen.has(key))).toEqual([
			false,
			true,
			true,
			true,
			true,
		]);
	});

	it('knows a message by its Message-ID, kept when Exchange moves it, else by its ID', () => {
		expect(messageKey({ id: 'AAMk1', internetMessageId: '<a@b>' })).toBe('<a@b>');
		expect(messageKey({ id: 'AAMk1' })).toBe('id:AAMk1');
	});

	it('filters as the Mail node does: sender exactly, subject containing, attachments, unread', () => {
		const message = {
			from: { emailAddress: { address: 'Billing@Supplier.test' } },
			subject: 'Your INVOICE 42',
			hasAttachments: true,
			isRead: false,
		};
		expect(matchesFilters(message, {})).toBe(true);
		expect(matchesFilters(message, { from: ' billing@supplier.test ' })).toBe(true);
		expect(matchesFilters(message, { from: 'billing@supplier.test.evil' })).toBe(false);
		expect(matchesFilters(message, { subjectContains: 'invoice' })).toBe(true);
		expect(matchesFilters(message, { subjectContains: 'order' })).toBe(false);
		expect(matchesFilters({ ...message, hasAttachments: false }, { hasAttachments: true })).toBe(
			false,
		);
		expect(matchesFilters({ ...message, isRead: true }, { unreadOnly: true })).toBe(false);
		expect(matchesFilters({ subject: null }, { subjectContains: 'x' })).toBe(false);
	});

	it('uses a stored cursor only for its own scope and shape', () => {
		const cursor: MailCursor = {
			version: 1,
			scope: 'app:1 /users/a inbox',
			link: '/v1.0/users/a/mailFolders/inbox/messages/delta?$deltatoken=x',
			round: 'live',
			seen: '',
			seenSince: T,
			polledAt: T,
		};
		const staticData = {};
		writeCursor(staticData, cursor);
		expect(readCursor(staticData, cursor.scope)).toEqual(cursor);
		expect(readCursor(staticData, 'app:1 /users/a archive')).toBeUndefined();
		expect(
			readCursor({ mailCursor: { ...cursor, link: 'https://elsewhere/x' } }, cursor.scope),
		).toBeUndefined();
		expect(readCursor({ mailCursor: { ...cursor, round: 'other' } }, cursor.scope)).toBeUndefined();
	});

	it('keeps a Graph link only as a path on the Graph origin', () => {
		const origin = 'https://graph.microsoft.com';
		expect(
			linkPath(`${origin}/v1.0/me/mailFolders('x')/messages/delta?$deltatoken=a%2Bb`, origin),
		).toBe("/v1.0/me/mailFolders('x')/messages/delta?$deltatoken=a%2Bb");
		expect(linkPath('https://graph.microsoft.com.evil.test/v1.0/x', origin)).toBeUndefined();
		expect(linkPath('http://graph.microsoft.com/v1.0/x', origin)).toBeUndefined();
		expect(linkPath('not a url', origin)).toBeUndefined();
	});
});
