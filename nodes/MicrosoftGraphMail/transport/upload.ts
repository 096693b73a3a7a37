import type { IN8nHttpFullResponse } from 'n8n-workflow';

import { sendWithRules, viaHttpRequest } from '../../../lib/http/request-rules';
import { GraphError, graphErrorFrom } from '../../../lib/microsoft/graph/errors';
import type { GraphContext } from './connection';
import { getGraphConnection } from './connection';

/** Chunks are multiples of 320 KiB, as Graph requires; ten of them make about 3 MiB. */
export const UPLOAD_CHUNK_BYTES = 10 * 320 * 1024;

/** Hosts an upload URL may be on besides the Graph host: Outlook's own upload service. */
const MICROSOFT_UPLOAD_HOSTS =
	/(^|\.)(outlook\.office\.com|outlook\.office365\.com|office365\.us|outlook\.office365\.us|partner\.outlook\.cn)$/;

/**
 * Uploads `bytes` to an upload session's URL, chunk by chunk. The URL carries its own
 * authorization, so no token is sent (Graph refuses one there); and it is used only on the Graph
 * host or Outlook's upload hosts, over https.
 */
export async function uploadInChunks(
	context: GraphContext,
	uploadUrl: string,
	bytes: Buffer,
	target: string,
): Promise<void> {
	const connection = await getGraphConnection(context);
	const url = URL.canParse(uploadUrl) ? new URL(uploadUrl) : undefined;
	const onGraph = url?.origin === new URL(connection.graphOrigin).origin;
	const onOutlook = url?.protocol === 'https:' && MICROSOFT_UPLOAD_HOSTS.test(url.hostname);
	if (!url || (!onGraph && !onOutlook)) {
		throw new GraphError(
			`Microsoft Graph gave an upload address on an unexpected host (${url?.origin ?? 'not a URL'}); nothing was sent there`,
			undefined,
			undefined,
			"Attachments are uploaded only to the Graph host or Outlook's upload service.",
		);
	}
	for (let start = 0; start < bytes.length; start += UPLOAD_CHUNK_BYTES) {
		const chunk = bytes.subarray(start, Math.min(start + UPLOAD_CHUNK_BYTES, bytes.length));
		const end = start + chunk.length - 1;
		const answer: IN8nHttpFullResponse = await sendWithRules(
			viaHttpRequest(context.helpers.httpRequest),
			{
				options: {
					method: 'PUT',
					url: uploadUrl,
					body: chunk,
					headers: {
						'Content-Type': 'application/octet-stream',
						'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
					},
					json: false,
				},
				idempotent: true,
				serverName: 'Microsoft Graph (upload session)',
			},
			connection.transport,
		);
		if (answer.statusCode < 200 || answer.statusCode >= 300) {
			throw graphErrorFrom(answer.statusCode, parsed(answer.body), target);
		}
	}
}

function parsed(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return undefined;
	}
}
