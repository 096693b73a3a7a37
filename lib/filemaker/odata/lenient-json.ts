/**
 * JSON as FileMaker's OData API sends it. FileMaker can emit raw control characters (a tab or
 * a line break from a field) inside JSON strings, which `JSON.parse` refuses: escape them
 * inside strings, and only there, then parse.
 */
export function parseLenientJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return JSON.parse(escapeControlCharactersInStrings(text));
	}
}

function escapeControlCharactersInStrings(text: string): string {
	let out = '';
	let inString = false;
	let escaped = false;
	for (const character of text) {
		if (inString) {
			if (escaped) escaped = false;
			else if (character === '\\') escaped = true;
			else if (character === '"') inString = false;
			else if (character < ' ') {
				out += `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
				continue;
			}
		} else if (character === '"') {
			inString = true;
		}
		out += character;
	}
	return out;
}
