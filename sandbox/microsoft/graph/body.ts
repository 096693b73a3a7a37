import type { BodyType, ItemBody } from './model';

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
};

/** HTML as plain text, the way `Prefer: outlook.body-content-type="text"` returns it. */
export function htmlToText(html: string): string {
	return html
		.replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, '')
		.replace(/<br\s*\/?>/gi, '\r\n')
		.replace(/<\/(p|div|li|tr|h[1-6])>/gi, '\r\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
			if (name.startsWith('#x') || name.startsWith('#X')) {
				return String.fromCodePoint(parseInt(name.slice(2), 16));
			}
			if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
			return ENTITIES[name.toLowerCase()] ?? entity;
		})
		.replace(/[ \t]+\r\n/g, '\r\n')
		.replace(/(\r\n){3,}/g, '\r\n\r\n')
		.trim();
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text wrapped as Exchange returns a text body when HTML is asked for (shape chosen). */
export function textToHtml(text: string): string {
	const lines = escapeHtml(text).split(/\r?\n/).join('<br>\r\n');
	return `<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div>${lines}</div></body></html>`;
}

export function bodyAs(body: ItemBody, wanted: BodyType): ItemBody {
	if (body.contentType === wanted) return body;
	return wanted === 'text'
		? { contentType: 'text', content: htmlToText(body.content) }
		: { contentType: 'html', content: textToHtml(body.content) };
}

/** "The first 255 characters of the message body", as text, whitespace collapsed. */
export function bodyPreview(body: ItemBody): string {
	const text = body.contentType === 'html' ? htmlToText(body.content) : body.content;
	return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/** What `Prefer: outlook.body-content-type="…"` asks for, if it is there. */
export function preferredBodyType(prefer: string | undefined): BodyType | undefined {
	const match = /outlook\.body-content-type\s*=\s*"?(text|html)"?/i.exec(prefer ?? '');
	return match ? (match[1].toLowerCase() as BodyType) : undefined;
}

/** `Prefer: odata.maxpagesize=N`. */
export function preferredPageSize(prefer: string | undefined): number | undefined {
	const match = /odata\.maxpagesize\s*=\s*"?(\d+)"?/i.exec(prefer ?? '');
	return match ? Number(match[1]) : undefined;
}
