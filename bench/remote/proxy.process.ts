/** Child process: the latency proxies, one listener per target and side. */
import { serve } from './ipc';
import { startLatencyProxy, type LatencyProxy, type ProxyStats } from './latency-proxy';

const proxies = new Map<string, LatencyProxy>();

const api = {
	async open(params: { name: string; upstreamPort: number; rttMs: number }) {
		if (proxies.has(params.name)) throw new Error(`A proxy named "${params.name}" is open`);
		const proxy = await startLatencyProxy(params);
		proxies.set(params.name, proxy);
		return { port: proxy.port };
	},
	async stats(): Promise<Record<string, ProxyStats>> {
		return Object.fromEntries([...proxies].map(([name, proxy]) => [name, proxy.stats()]));
	},
	async resetStats() {
		for (const proxy of proxies.values()) proxy.resetStats();
	},
};

export type ProxyApi = typeof api;

serve(api, async () => {
	await Promise.all([...proxies.values()].map(async (proxy) => await proxy.close()));
});
