/**
 * Counts requests per endpoint and named events (logins, token grants, ...), so tests and
 * benchmarks can assert on how a client used a service.
 */
export class RequestCounters<Endpoint extends string> {
	private readonly requestsByEndpoint = new Map<Endpoint, number>();
	private readonly eventCounts = new Map<string, number>();

	/** `eventNames` are always present in a snapshot, even while zero. */
	constructor(private readonly eventNames: readonly string[] = []) {
		this.reset();
	}

	countRequest(endpoint: Endpoint): void {
		this.requestsByEndpoint.set(endpoint, (this.requestsByEndpoint.get(endpoint) ?? 0) + 1);
	}

	countEvent(name: string): void {
		this.eventCounts.set(name, (this.eventCounts.get(name) ?? 0) + 1);
	}

	/** All requests, or those to one endpoint. */
	requests(endpoint?: Endpoint): number {
		if (endpoint !== undefined) return this.requestsByEndpoint.get(endpoint) ?? 0;
		let total = 0;
		for (const count of this.requestsByEndpoint.values()) total += count;
		return total;
	}

	event(name: string): number {
		return this.eventCounts.get(name) ?? 0;
	}

	/** `{ requests, 'requests.<endpoint>': n, <event>: n }` */
	snapshot(): Record<string, number> {
		const snapshot: Record<string, number> = { requests: this.requests() };
		for (const [endpoint, count] of this.requestsByEndpoint)
			snapshot[`requests.${endpoint}`] = count;
		for (const [name, count] of this.eventCounts) snapshot[name] = count;
		return snapshot;
	}

	reset(): void {
		this.requestsByEndpoint.clear();
		this.eventCounts.clear();
		for (const name of this.eventNames) this.eventCounts.set(name, 0);
	}
}
