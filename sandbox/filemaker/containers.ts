import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import type { SandboxStore, StoredContainer } from './store';

export interface ContainerRef {
	database: string;
	table: string;
	recordId: number;
	field: string;
	repetition: number;
}

interface StreamLink {
	ref: ContainerRef;
	/** The session cookie handed out with the first (redirected) request. */
	cookie?: string;
}

/** The cookie FileMaker Server (19.3.2 and later) sets before it streams container data. */
export const STREAM_COOKIE = 'X-FMS-Session-Key';

const MAX_LINKS = 50_000;

/**
 * Streaming URLs for container fields. As on FileMaker Server, each response gets fresh
 * URLs; the first request to one (without the cookie) is redirected to itself with a
 * session cookie, and only a request with that cookie gets the data.
 */
export class ContainerStreams {
	private readonly links = new Map<string, StreamLink>();

	constructor(private readonly store: SandboxStore) {}

	/** A new streaming URL on `baseUrl` (the host as the client addressed it). */
	url(baseUrl: string, ref: ContainerRef, container: StoredContainer): string {
		const id = randomBytes(32).toString('hex').toUpperCase();
		this.links.set(id, { ref });
		if (this.links.size > MAX_LINKS) this.links.delete(this.links.keys().next().value as string);
		const secure = baseUrl.startsWith('https:');
		return `${baseUrl}/${secure ? 'Streaming_SSL' : 'Streaming'}/MainDB/${id}${streamExtension(container)}?RCType=EmbeddedRCFileProcessor`;
	}

	/**
	 * What a request for `/MainDB/<file>` gets: a redirect that sets the cookie (first
	 * request only), the data (with the cookie), or nothing.
	 */
	open(
		file: string,
		cookie: string | undefined,
	):
		| { kind: 'redirect'; cookie: string }
		| { kind: 'data'; container: StoredContainer }
		| { kind: 'denied' }
		| { kind: 'missing' } {
		const link = this.links.get(file.replace(/\.[^.]*$/, ''));
		if (!link) return { kind: 'missing' };
		if (link.cookie === undefined) {
			link.cookie = randomBytes(16).toString('hex');
			return { kind: 'redirect', cookie: link.cookie };
		}
		if (cookie !== link.cookie) return { kind: 'denied' };
		const { database, table, recordId, field, repetition } = link.ref;
		const container = this.store.container(database, table, recordId, field, repetition);
		return container ? { kind: 'data', container } : { kind: 'missing' };
	}
}

/**
 * The Data API names media files with their extension but leaves it out for other files
 * (python-fmrest notes the same), so clients cannot rely on it.
 */
function streamExtension(container: StoredContainer): string {
	const media =
		/^(image|audio|video)\//.test(container.contentType) ||
		container.contentType === 'application/pdf';
	const extension = extname(container.fileName);
	return media && extension ? extension.toLowerCase() : '';
}
