import { createHash } from 'node:crypto';

const HASH_BYTES = 8;
const ENTRY_BYTES = HASH_BYTES + 4;

/**
 * The messages a mail trigger has already seen in its folder, small enough for n8n's workflow
 * static data: per message 8 bytes of a SHA-256 of its key and its `receivedDateTime` in
 * seconds, packed into one base64 string (20,000 messages take 320 kB). A collision of two keys
 * in 64 bits is not a practical concern at this size.
 *
 * The key is the `internetMessageId` (the `Message-ID` header), not Graph's `id`: Exchange
 * gives a message a new `id` when it is moved, so a message moved out of the folder and back
 * would otherwise look new.
 */
export class SeenMessages {
	/** Hash (8 bytes as a latin1 string: the cheapest to and from the packed form) → seconds. */
	private readonly entries = new Map<string, number>();

	static parse(packed: unknown): SeenMessages {
		const seen = new SeenMessages();
		if (typeof packed !== 'string' || packed === '') return seen;
		const bytes = Buffer.from(packed, 'base64');
		for (let offset = 0; offset + ENTRY_BYTES <= bytes.length; offset += ENTRY_BYTES) {
			const hash = bytes.toString('latin1', offset, offset + HASH_BYTES);
			seen.entries.set(hash, bytes.readUInt32BE(offset + HASH_BYTES));
		}
		return seen;
	}

	get size(): number {
		return this.entries.size;
	}

	has(key: string): boolean {
		return this.entries.has(hashOf(key));
	}

	/** `receivedAt`: the message's `receivedDateTime` in milliseconds. */
	add(key: string, receivedAt: number): void {
		this.entries.set(hashOf(key), Math.max(0, Math.floor(receivedAt / 1000)));
	}

	/**
	 * Forgets messages received before `before` and, beyond `limit`, the oldest. Returns the
	 * oldest `receivedDateTime` (ms) the set still covers completely: a message received since
	 * then that is not in the set has not been seen.
	 */
	prune(before: number, limit: number): number {
		const bound = Math.floor(before / 1000);
		for (const [hash, seconds] of this.entries) {
			if (seconds < bound) this.entries.delete(hash);
		}
		if (this.entries.size <= limit) return bound * 1000;
		const newestFirst = [...this.entries].sort((a, b) => b[1] - a[1]);
		const kept = newestFirst.slice(0, limit);
		this.entries.clear();
		for (const [hash, seconds] of kept) this.entries.set(hash, seconds);
		// The oldest second kept may have lost some of its messages: it is not covered.
		return (kept[kept.length - 1][1] + 1) * 1000;
	}

	toString(): string {
		const bytes = Buffer.alloc(this.entries.size * ENTRY_BYTES);
		let offset = 0;
		for (const [hash, seconds] of this.entries) {
			bytes.write(hash, offset, HASH_BYTES, 'latin1');
			bytes.writeUInt32BE(seconds, offset + HASH_BYTES);
			offset += ENTRY_BYTES;
		}
		return bytes.toString('base64');
	}
}

function hashOf(key: string): string {
	return createHash('sha256').update(key).digest().toString('latin1', 0, HASH_BYTES);
}
