import { htmlToText } from '../body';
import type { Recipient, StoredMessage } from '../model';
import { hasFileAttachments } from './schema';

/**
 * A KQL subset for `$search` on messages ("Use the $search query parameter"): bare words and
 * "quoted phrases" match the default properties from, subject and body; `property:value`
 * narrows to from, to, cc, bcc, recipients, participants, subject, body, attachment,
 * hasAttachments or importance. Terms combine with AND (also implicit), OR and NOT.
 * Matching is case-insensitive at word starts, as KQL's prefix matching does; an unknown
 * property prefix is searched as text (chosen).
 */
export type SearchNode =
	| { type: 'term'; property?: string; text: string }
	| { type: 'and' | 'or'; left: SearchNode; right: SearchNode }
	| { type: 'not'; operand: SearchNode };

const PROPERTIES = new Set([
	'from',
	'to',
	'cc',
	'bcc',
	'recipients',
	'participants',
	'subject',
	'body',
	'attachment',
	'hasattachment',
	'hasattachments',
	'importance',
]);

/** The `$search` value without its surrounding double quotes, as a tree; empty → undefined. */
export function parseSearch(raw: string): SearchNode | undefined {
	let text = raw.trim();
	if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
	const words = splitTerms(text);
	let index = 0;
	const peek = () => words[index];

	const parseOr = (): SearchNode | undefined => {
		let left = parseAnd();
		while (peek() === 'OR') {
			index++;
			const right = parseAnd();
			if (left && right) left = { type: 'or', left, right };
			else left = left ?? right;
		}
		return left;
	};
	const parseAnd = (): SearchNode | undefined => {
		let left = parseUnary();
		while (index < words.length && peek() !== 'OR') {
			if (peek() === 'AND') index++;
			const right = parseUnary();
			if (left && right) left = { type: 'and', left, right };
			else left = left ?? right;
		}
		return left;
	};
	const parseUnary = (): SearchNode | undefined => {
		const word = words[index++];
		if (word === undefined) return undefined;
		if (word === 'NOT') {
			const operand = parseUnary();
			return operand && { type: 'not', operand };
		}
		return term(word);
	};
	return parseOr();
}

function splitTerms(text: string): string[] {
	const words: string[] = [];
	const pattern = /([A-Za-z]+:)?("[^"]*"|\S+)/g;
	for (const match of text.matchAll(pattern)) words.push(match[0]);
	return words;
}

function term(word: string): SearchNode | undefined {
	const colon = word.indexOf(':');
	const property = colon > 0 ? word.slice(0, colon).toLowerCase() : undefined;
	if (property !== undefined && PROPERTIES.has(property)) {
		return { type: 'term', property, text: unquote(word.slice(colon + 1)) };
	}
	const text = unquote(word);
	return text === '' ? undefined : { type: 'term', text };
}

function unquote(text: string): string {
	return text.replace(/^"|"$/g, '').trim().toLowerCase();
}

function people(list: Array<Recipient | null>): string {
	return list
		.filter((item): item is Recipient => item !== null)
		.map((item) => `${item.emailAddress.name} ${item.emailAddress.address}`)
		.join(' ');
}

function fieldText(message: StoredMessage, property: string): string {
	const body = () =>
		message.body.contentType === 'html' ? htmlToText(message.body.content) : message.body.content;
	switch (property) {
		case 'from':
			return people([message.from]);
		case 'to':
			return people(message.toRecipients);
		case 'cc':
			return people(message.ccRecipients);
		case 'bcc':
			return people(message.bccRecipients);
		case 'recipients':
			return people([...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients]);
		case 'participants':
			return people([
				message.from,
				...message.toRecipients,
				...message.ccRecipients,
				...message.bccRecipients,
			]);
		case 'subject':
			return message.subject;
		case 'body':
			return body();
		case 'attachment':
			return message.attachments.map((attachment) => attachment.name).join(' ');
		case 'importance':
			return message.importance;
		default:
			return `${people([message.from])} ${message.subject} ${body()}`;
	}
}

/** `text` occurs in `field` at the start of a word (case-insensitive). */
function occurs(field: string, text: string): boolean {
	const haystack = field.toLowerCase();
	let from = 0;
	for (;;) {
		const at = haystack.indexOf(text, from);
		if (at === -1) return false;
		if (at === 0 || !/[\p{L}\p{N}]/u.test(haystack[at - 1])) return true;
		from = at + 1;
	}
}

export function matchesSearch(node: SearchNode, message: StoredMessage): boolean {
	switch (node.type) {
		case 'and':
			return matchesSearch(node.left, message) && matchesSearch(node.right, message);
		case 'or':
			return matchesSearch(node.left, message) || matchesSearch(node.right, message);
		case 'not':
			return !matchesSearch(node.operand, message);
		case 'term':
			if (node.property === 'hasattachment' || node.property === 'hasattachments') {
				return hasFileAttachments(message) === (node.text === 'true');
			}
			return occurs(fieldText(message, node.property ?? ''), node.text);
	}
}
