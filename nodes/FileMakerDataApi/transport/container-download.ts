import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';

import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { connectionError } from '../../../lib/filemaker/connection-error';
import { FileMakerError } from '../../../lib/filemaker/errors';
import { TransportError } from '../../../lib/http/errors';
import { isTimeout } from '../../../lib/http/connection-failures';
import { containerFileName } from '../helpers/container-file-name';
import type { FileMakerContext } from './connection';
import { getConnection } from './connection';

export interface DownloadedFile {
	/** The file as it arrives; at most `maxBytes` pass through it, then it fails. */
	stream: Readable;
	mimeType?: string;
	fileName?: string;
	/** How many bytes have passed through `stream` so far. */
	bytesRead: () => number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function header(answer: IN8nHttpFullResponse, name: string): string | undefined {
	const value = answer.headers[name];
	return Array.isArray(value) ? value.join('; ') : (value as string | undefined);
}

/** `Set-Cookie` values reduced to the `name=value` pairs a `Cookie` header sends back. */
function cookiesFrom(answer: IN8nHttpFullResponse): string | undefined {
	const raw = answer.headers['set-cookie'];
	const cookies = (Array.isArray(raw) ? raw : raw ? [String(raw)] : []).map(
		(cookie) => String(cookie).split(';')[0],
	);
	return cookies.length > 0 ? cookies.join('; ') : undefined;
}

function downloadFailure(error: unknown, serverUrl: string, timeoutMs: number): Error {
	if (isTimeout(error)) {
		return new TransportError(
			`FileMaker Server at ${serverUrl} did not answer the container download within ${timeoutMs / 1000} s (the credential's Timeout)`,
			'Raise "Timeout (Seconds)" in the credential for large files on slow connections.',
		);
	}
	return connectionError(error, serverUrl);
}

function notOnServer(url: URL, serverUrl: string, what: string): FileMakerError {
	return new FileMakerError(
		`The container ${what} points at ${url.origin}, not at the credential's server ${new URL(serverUrl).origin}; it was not fetched`,
		undefined,
		undefined,
		undefined,
		'Container files are only downloaded from the FileMaker Server of the credential. If the server is reached under another name, use that name as the server URL in the credential.',
	);
}

function tooLarge(maxBytes: number): FileMakerError {
	return new FileMakerError(
		`The container file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, the limit of the "Max File Size (MB)" option`,
		undefined,
		undefined,
		undefined,
		'Raise "Max File Size (MB)" if files this large are expected.',
	);
}

/** Passes bytes through and fails once more than `maxBytes` went by. */
function capped(stream: Readable, maxBytes: number): { stream: Readable; bytesRead: () => number } {
	let seen = 0;
	const counter = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			seen += chunk.length;
			if (seen > maxBytes) done(tooLarge(maxBytes));
			else done(null, chunk);
		},
	});
	stream.on('error', (error) => counter.destroy(error));
	return { stream: stream.pipe(counter), bytesRead: () => seen };
}

/**
 * Downloads a container field's streaming URL as a stream. Since FileMaker Server 19.3.2 the
 * first request answers 302 with a session cookie and the file comes from a second request
 * that sends the cookie back (older servers send the file at once). Both the URL from the field
 * and the redirect must be on the credential's server: nothing, cookie or token, is sent to
 * another host. At most `maxBytes` are read.
 */
export async function downloadContainer(
	context: FileMakerContext,
	containerUrl: string,
	maxBytes: number,
): Promise<DownloadedFile> {
	const connection = await getConnection(context);
	const { serverUrl } = connection.target;
	const origin = new URL(serverUrl).origin;
	if (!URL.canParse(containerUrl, serverUrl)) {
		throw new FileMakerError(
			'The container field does not hold a URL',
			undefined,
			undefined,
			undefined,
		);
	}
	const url = new URL(containerUrl, serverUrl);
	if (url.origin !== origin) throw notOnServer(url, serverUrl, 'URL in the field');

	const get = async (target: URL, cookie?: string, authenticate = false) => {
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: target.toString(),
			encoding: 'stream',
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: connection.transport.timeoutMs,
			skipSslCertificateValidation: connection.target.allowSelfSigned,
			headers: cookie ? { Cookie: cookie } : {},
		};
		const signedInToken = connection.signedIn?.token;
		if (authenticate && signedInToken) {
			options.headers = { ...options.headers, Authorization: `Bearer ${signedInToken}` };
		}
		try {
			return (await (authenticate && !signedInToken
				? context.helpers.httpRequestWithAuthentication.call(
						context,
						connection.credentialType,
						options,
						{ credentialsDecrypted: connection.credential },
					)
				: context.helpers.httpRequest(options))) as IN8nHttpFullResponse;
		} catch (error) {
			throw downloadFailure(error, serverUrl, connection.transport.timeoutMs);
		}
	};

	let answer = await get(url, undefined, true);
	let fileUrl = url;
	if (REDIRECTS.has(answer.statusCode)) {
		(answer.body as Readable | undefined)?.destroy?.();
		const location = header(answer, 'location');
		fileUrl = location && URL.canParse(location, url.toString()) ? new URL(location, url) : url;
		if (fileUrl.origin !== origin) throw notOnServer(fileUrl, serverUrl, 'download redirect');
		answer = await get(fileUrl, cookiesFrom(answer));
	}
	const body = answer.body as Readable;
	if (answer.statusCode !== 200) {
		body?.destroy?.();
		throw new FileMakerError(
			`FileMaker Server answered HTTP ${answer.statusCode} to the container download`,
			undefined,
			undefined,
			answer.statusCode,
			'Container URLs are valid only briefly and only for the session that read them; read the record again right before downloading.',
		);
	}
	const length = Number(header(answer, 'content-length'));
	if (Number.isFinite(length) && length > maxBytes) {
		body.destroy();
		throw tooLarge(maxBytes);
	}
	const fileName = containerFileName(header(answer, 'content-disposition') ?? '', fileUrl);
	if (fileName instanceof FileMakerError) {
		body.destroy();
		throw fileName;
	}
	return {
		...capped(body, maxBytes),
		mimeType: header(answer, 'content-type')?.split(';')[0].trim(),
		fileName,
	};
}
