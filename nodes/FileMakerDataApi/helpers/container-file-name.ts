import { FileMakerError } from '../../../lib/filemaker/errors';

function decoded(encoded: string): string | undefined {
	try {
		return decodeURIComponent(encoded);
	} catch {
		return undefined;
	}
}

function malformedFileName(encoded: string): FileMakerError {
	return new FileMakerError(
		`FileMaker Server sent a file name that is not valid URL encoding ("${encoded.slice(0, 80)}")`,
		undefined,
		undefined,
		undefined,
		'Rename the file in the container field (insert it again under a plain name), then download it again.',
	);
}

/**
 * The file name from Content-Disposition (`filename*=UTF-8''…` is percent-encoded, a plain
 * `filename="…"` is not) or from the URL's last path segment, or the error that says the
 * encoding is malformed.
 */
export function containerFileName(
	disposition: string,
	url: URL,
): string | FileMakerError | undefined {
	const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
	if (!extended) {
		const plain = /filename="([^"]+)"|filename=([^";]+)/i.exec(disposition);
		if (plain) return (plain[1] ?? plain[2]).trim();
	}
	const encoded = extended ?? url.pathname.split('/').pop();
	if (!encoded) return undefined;
	return decoded(encoded) ?? malformedFileName(encoded);
}
