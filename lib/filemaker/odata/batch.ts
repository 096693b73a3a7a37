import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { parseLenientJson } from './lenient-json';

/** One answer inside a `$batch` response. */
export interface BatchAnswer {
	status: number;
	body: unknown;
}

const CRLF = '\r\n';

/**
 * A `$batch` body (OData 4.0 multipart/mixed) with one changeset of `POST <table>` requests:
 * FileMaker runs a changeset all or nothing, so either every row is created or none is.
 * Each row is JSON-serialized: no item text reaches the multipart structure unescaped, and
 * the boundaries are random UUIDs that JSON text cannot contain as a line of its own.
 */
export function batchOfCreates(
	tablePath: string,
	rows: IDataObject[],
): { contentType: string; body: string } {
	const batch = `batch_${randomUUID()}`;
	const changeset = `changeset_${randomUUID()}`;
	const parts = rows.map((row, index) =>
		[
			`--${changeset}`,
			'Content-Type: application/http',
			'Content-Transfer-Encoding: binary',
			`Content-ID: ${index + 1}`,
			'',
			`POST ${tablePath} HTTP/1.1`,
			'Content-Type: application/json',
			'Prefer: return=representation',
			'',
			JSON.stringify(row),
		].join(CRLF),
	);
	const body = [
		`--${batch}`,
		`Content-Type: multipart/mixed; boundary=${changeset}`,
		'',
		...parts,
		`--${changeset}--`,
		`--${batch}--`,
		'',
	].join(CRLF);
	return { contentType: `multipart/mixed; boundary=${batch}`, body };
}

function boundaryOf(contentType: string | undefined): string | undefined {
	const match = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '');
	return match?.[2];
}

function partsOf(text: string, boundary: string): string[] {
	const delimiter = `--${boundary}`;
	return text
		.split(delimiter)
		.slice(1)
		.filter((part) => !part.startsWith('--'))
		.map((part) => part.replace(/^\r?\n/, ''));
}

function headersAndBody(part: string): { headers: Record<string, string>; body: string } {
	const split = part.search(/\r?\n\r?\n/);
	const head = split === -1 ? part : part.slice(0, split);
	const body = split === -1 ? '' : part.slice(split).replace(/^\r?\n\r?\n/, '');
	const headers: Record<string, string> = {};
	for (const line of head.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return { headers, body };
}

/** The answers of a `$batch` response, in order, changesets unfolded. */
export function parseBatchResponse(text: string, contentType: string | undefined): BatchAnswer[] {
	const boundary = boundaryOf(contentType);
	if (!boundary) return [];
	const answers: BatchAnswer[] = [];
	for (const part of partsOf(text, boundary)) {
		const { headers, body } = headersAndBody(part);
		const nested = boundaryOf(headers['content-type']);
		if (nested) {
			answers.push(...parseBatchResponse(body, headers['content-type']));
			continue;
		}
		const statusLine = /^HTTP\/1\.1 (\d{3})/.exec(body);
		if (!statusLine) continue;
		const inner = headersAndBody(body.slice(body.indexOf('\n') + 1));
		const payload = inner.body.trim();
		answers.push({
			status: Number(statusLine[1]),
			body: payload.startsWith('{') ? parseLenientJson(payload) : payload,
		});
	}
	return answers;
}
