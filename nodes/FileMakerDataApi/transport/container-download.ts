import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { connectionError } from '../../shared/filemaker/connection-error';
import { FileMakerError } from '../../shared/filemaker/errors';
import type { FileMakerContext } from './connection';
import { getConnection } from './connection';

export interface DownloadedFile {
	data: Buffer;
	mimeType?: string;
	fileName?: string;
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
		(cookie) => cookie.split(';')[0],
	);
	return cookies.length > 0 ? cookies.join('; ') : undefined;
}

function fileNameFrom(answer: IN8nHttpFullResponse, url: URL): string | undefined {
	const disposition = header(answer, 'content-disposition') ?? '';
	const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
	if (match) return decodeURIComponent(match[1] ?? match[2]);
	const last = url.pathname.split('/').pop();
	return last ? decodeURIComponent(last) : undefined;
}

/**
 * Downloads a container field's streaming URL. Since FileMaker Server 19.3.2 the first request
 * answers 302 with a session cookie and the file comes from a second request that sends the
 * cookie back (older servers send the file at once). The session token is sent only to the
 * server of the credential, never to another host a URL might name.
 */
export async function downloadContainer(
	context: FileMakerContext,
	containerUrl: string,
): Promise<DownloadedFile> {
	const connection = await getConnection(context);
	const url = new URL(containerUrl, connection.serverUrl);
	const sameServer = url.origin === new URL(connection.serverUrl).origin;
	const get = async (target: URL, cookie?: string, authenticate = false) => {
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: target.toString(),
			encoding: 'arraybuffer',
			disableFollowRedirect: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			skipSslCertificateValidation: connection.allowSelfSigned,
			headers: cookie ? { Cookie: cookie } : {},
		};
		try {
			return (await (authenticate
				? context.helpers.httpRequestWithAuthentication.call(
						context,
						connection.credentialType,
						options,
					)
				: context.helpers.httpRequest(options))) as IN8nHttpFullResponse;
		} catch (error) {
			throw connectionError(error, connection.serverUrl);
		}
	};

	let answer = await get(url, undefined, sameServer);
	let fileUrl = url;
	if (REDIRECTS.has(answer.statusCode)) {
		const location = header(answer, 'location');
		fileUrl = location ? new URL(location, url) : url;
		answer = await get(fileUrl, cookiesFrom(answer));
	}
	if (answer.statusCode !== 200) {
		throw new FileMakerError(
			`FileMaker Server answered HTTP ${answer.statusCode} to the container download`,
			undefined,
			undefined,
			answer.statusCode,
			'Container URLs are valid only briefly and only for the session that read them; read the record again right before downloading.',
		);
	}
	return {
		data: Buffer.from(answer.body as ArrayBuffer),
		mimeType: header(answer, 'content-type')?.split(';')[0].trim(),
		fileName: fileNameFrom(answer, fileUrl),
	};
}
