/**
 * A small multipart/mixed reader and writer for `$batch` (RFC 2046 §5.1): parts separated by
 * `--boundary`, each with headers, a blank line and a body; `application/http` bodies hold
 * one HTTP request or response. Test infrastructure: no streaming, whole bodies in memory.
 */
export interface MultipartPart {
	/** Header names in lower case. */
	headers: Record<string, string>;
	body: string;
}

export interface HttpMessage {
	/** Request: `GET /path HTTP/1.1`; response: `HTTP/1.1 200 OK`. */
	startLine: string;
	headers: Record<string, string>;
	body: string;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
	return match?.[1] ?? match?.[2];
}

export function parseMultipart(body: string, boundary: string): MultipartPart[] {
	const delimiter = `--${boundary}`;
	const sections = body.split(delimiter);
	const parts: MultipartPart[] = [];
	// sections[0] is the preamble; a section starting with "--" is the close delimiter.
	for (const section of sections.slice(1)) {
		if (section.startsWith('--')) break;
		const content = section.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, '');
		const { headers, body: partBody } = splitHead(content);
		parts.push({ headers: parseHeaderLines(headers), body: partBody });
	}
	return parts;
}

export function parseHttpMessage(text: string): HttpMessage {
	const { headers, body } = splitHead(text.replace(/^\s*\r?\n/, ''));
	const [startLine = '', ...headerLines] = headers;
	return { startLine, headers: parseHeaderLines(headerLines), body };
}

function splitHead(text: string): { headers: string[]; body: string } {
	const match = /\r?\n\r?\n/.exec(text);
	if (!match) return { headers: text === '' ? [] : text.split(/\r?\n/), body: '' };
	return {
		headers: text.slice(0, match.index).split(/\r?\n/),
		body: text.slice(match.index + match[0].length),
	};
}

function parseHeaderLines(lines: string[]): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of lines) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

export function writeMultipart(boundary: string, parts: MultipartPart[]): string {
	const chunks = parts.map((part) => {
		const head = Object.entries(part.headers).map(([name, value]) => `${name}: ${value}`);
		return `--${boundary}\r\n${head.join('\r\n')}\r\n\r\n${part.body}\r\n`;
	});
	return `${chunks.join('')}--${boundary}--\r\n`;
}
