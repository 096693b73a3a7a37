import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { selfSignedCertificate } from './http-server';

export interface FormAnswer {
	status: number;
	body: string;
}

/**
 * `POST` an `application/x-www-form-urlencoded` body, as one server calls another (FileMaker
 * Server redeeming an authorization code at the identity provider's token endpoint). Over
 * https it trusts the sandboxes' own self-signed certificate, and nothing else. Gives up after
 * `timeoutMs`.
 */
export async function postForm(
	url: string,
	form: Record<string, string>,
	timeoutMs = 10_000,
): Promise<FormAnswer> {
	const target = new URL(url);
	const body = new URLSearchParams(form).toString();
	const https = target.protocol === 'https:';
	const ca = https ? (await selfSignedCertificate()).cert : undefined;
	return new Promise<FormAnswer>((resolve, reject) => {
		const request = (https ? httpsRequest : httpRequest)(
			target,
			{
				method: 'POST',
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					'Content-Length': Buffer.byteLength(body),
					Accept: 'application/json',
				},
				ca,
				timeout: timeoutMs,
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', reject);
			},
		);
		request.on('timeout', () => request.destroy(new Error(`no answer from ${url}`)));
		request.on('error', reject);
		request.end(body);
	});
}
