import type { GraphBed } from '../../helpers/microsoft';
import { MICROSOFT_DEMO } from '../../../sandbox/microsoft';
import { folderById, invoices, startGraphBed } from '../../helpers/microsoft';
import { useSimulatedTime } from '../../helpers/simulated-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The `exp` of an access token (a JWT), in ms. */
function expiresAt(token: string): number {
	const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
		exp: number;
	};
	return claims.exp * 1000;
}

const listOne = {
	resource: 'message',
	operation: 'getMany',
	folder: folderById('inbox'),
	returnAll: false,
	limit: 1,
};

describe('Microsoft Graph App credential: one token per hour, shared by every execution', () => {
	let bed: GraphBed;
	afterEach(async () => await bed?.close());

	const tokenRequests = () => bed.sandboxes.identity.counters.clientCredentials;
	const graph = () => bed.sandboxes.graph.counters;

	it('100 executions in 53 minutes: 1 token; 100 more across its expiry: 1 more, no 401, no failure', async () => {
		const time = useSimulatedTime();
		try {
			bed = await startGraphBed();
			bed.sandboxes.graph.mail.deliver({ subject: 'ping', to: [invoices.address] });
			const failed: unknown[] = [];
			const runSpread = async (count: number, gapMs: number) => {
				for (let run = 0; run < count; run++) {
					const execution = await bed.run(listOne);
					if (execution.error || execution.output().length !== 1) failed.push(execution.error);
					time.advance(gapMs);
				}
			};
			await runSpread(100, 32_000);
			expect(tokenRequests()).toBe(1);
			expect(bed.sandboxes.identity.counters.tokenRequests).toBe(1);
			const first = String((await bed.stored()).accessToken);

			// 53 more minutes: the token (1 h) is renewed once, five minutes before it ends.
			await runSpread(100, 32_000);
			expect(tokenRequests()).toBe(2);
			expect(String((await bed.stored()).accessToken)).not.toBe(first);
			expect(graph().event('unauthorized')).toBe(0);
			expect(failed).toEqual([]);
			expect(graph().requests('list')).toBe(200);
			// The renewal came within the last five minutes of the first token (one gap of 32 s),
			// which was never presented after that.
			const second = String((await bed.stored()).accessToken);
			const renewAt = expiresAt(first) - 5 * MINUTE;
			const log = bed.sandboxes.graph.authLog;
			const lastOfFirst = Math.max(...log.presented({ token: first }).map((use) => use.at));
			const firstOfSecond = Math.min(...log.presented({ token: second }).map((use) => use.at));
			expect(lastOfFirst).toBeLessThanOrEqual(renewAt);
			expect(firstOfSecond).toBeGreaterThan(renewAt);
			expect(firstOfSecond).toBeLessThan(renewAt + 32_000 + 5_000);
		} finally {
			time.restore();
		}
	}, 60_000);

	it("a token Graph rejects (the clock jumped on Graph's side): n8n gets one new token and retries", async () => {
		bed = await startGraphBed();
		bed.sandboxes.graph.mail.deliver({ subject: 'ping', to: [invoices.address] });
		expect((await bed.run(listOne)).error).toBeUndefined();
		const rejected = String((await bed.stored()).accessToken);

		bed.sandboxes.clock.advance(HOUR);
		const mark = bed.sandboxes.graph.authLog.mark();
		const execution = await bed.run(listOne);
		expect(execution.error).toBeUndefined();
		expect(execution.output()).toHaveLength(1);
		expect(tokenRequests()).toBe(2);
		// The refused request over the kept-alive connection, then the same token through n8n's
		// helper (so its lifecycle knows which token was refused), then the new one.
		expect(graph().event('unauthorized')).toBe(2);
		const presented = bed.sandboxes.graph.authLog.presented({ since: mark }).map((e) => e.token);
		const renewed = String((await bed.stored()).accessToken);
		expect(presented).toEqual([rejected, rejected, renewed]);
		expect(renewed).not.toBe(rejected);

		// The next execution uses the stored new token at once.
		expect((await bed.run(listOne)).error).toBeUndefined();
		expect(tokenRequests()).toBe(2);
	});

	it('renews in the middle of Return All when the token ends between two pages', async () => {
		const time = useSimulatedTime();
		try {
			bed = await startGraphBed();
			for (let i = 0; i < 2500; i++) {
				bed.sandboxes.graph.mail.deliver(
					{ subject: `m${i}`, to: [invoices.address] },
					{ receivedAt: Date.now() - i * 1000 },
				);
			}
			expect((await bed.run(listOne)).error).toBeUndefined();
			bed.sandboxes.graph.faults.setLatency(20, 'list');
			const running = bed.run({ ...listOne, returnAll: true, options: { fields: 'subject' } });
			while (graph().requests('list') < 2) await new Promise((resolve) => setImmediate(resolve));
			time.advance(HOUR);
			const execution = await running;
			expect(execution.error).toBeUndefined();
			expect(execution.output()).toHaveLength(2500);
			expect(tokenRequests()).toBe(2);
			expect(graph().event('unauthorized')).toBe(2);
		} finally {
			time.restore();
		}
	});
});

describe('Microsoft Graph App credential: concurrent executions share one token request', () => {
	let bed: GraphBed;
	beforeEach(async () => {
		bed = await startGraphBed();
		bed.sandboxes.graph.mail.deliver({ subject: 'ping', to: [invoices.address] });
	});
	afterEach(async () => await bed.close());

	const runTogether = async (count: number) =>
		await Promise.all(Array.from({ length: count }, async () => await bed.run(listOne)));

	it('20 executions started together with no token: 1 token request', async () => {
		bed.sandboxes.identity.faults.setLatency(50, 'token');
		const executions = await runTogether(20);
		expect(executions.map((execution) => execution.error)).toEqual(Array(20).fill(undefined));
		expect(bed.sandboxes.identity.counters.clientCredentials).toBe(1);
		expect(bed.sandboxes.graph.counters.requests('list')).toBe(20);
		expect(bed.sandboxes.graph.authLog.bearerTokens()).toHaveLength(1);
	});

	it('20 executions that all meet a rejected token: 1 new token, each request retried once through n8n', async () => {
		expect((await bed.run(listOne)).error).toBeUndefined();
		bed.sandboxes.clock.advance(HOUR);
		bed.sandboxes.identity.faults.setLatency(50, 'token');
		const executions = await runTogether(20);
		expect(executions.map((execution) => execution.error)).toEqual(Array(20).fill(undefined));
		expect(bed.sandboxes.identity.counters.clientCredentials).toBe(2);
		// Each: refused on the kept-alive connection, refused through n8n's helper, then retried.
		expect(bed.sandboxes.graph.counters.event('unauthorized')).toBe(40);
		expect(bed.sandboxes.graph.counters.requests('list')).toBe(1 + 60);
	});
});

describe('Microsoft Graph App credential: an edited credential never sends its old token', () => {
	let bed: GraphBed;
	let old: string;
	let mark: number;
	beforeEach(async () => {
		bed = await startGraphBed();
		bed.sandboxes.graph.mail.deliver({ subject: 'ping', to: [invoices.address] });
		expect((await bed.run(listOne)).error).toBeUndefined();
		old = String((await bed.stored()).accessToken);
		mark = bed.sandboxes.graph.authLog.mark();
	});
	afterEach(async () => await bed.close());

	async function expectNewTokenOnly() {
		const execution = await bed.run(listOne);
		expect(execution.error).toBeUndefined();
		expect(bed.sandboxes.identity.counters.clientCredentials).toBe(2);
		expect(bed.sandboxes.graph.authLog.presented({ token: old, since: mark })).toEqual([]);
		const renewed = String((await bed.stored()).accessToken);
		expect(renewed).not.toBe(old);
		expect(bed.sandboxes.graph.authLog.wasPresented(renewed, { since: mark })).toBe(true);
	}

	it('after the secret is replaced by another valid one', async () => {
		const second = 'sandbox~second-secret.9876543210';
		bed.sandboxes.identity.apps.addSecret(MICROSOFT_DEMO.clientId, {
			value: second,
			expiresAt: Date.now() + 365 * 24 * HOUR,
		});
		await bed.editCredential({ clientSecret: second });
		await expectNewTokenOnly();
	});

	it('after the tenant is given by its domain instead of its ID', async () => {
		await bed.editCredential({ tenantId: MICROSOFT_DEMO.domain });
		await expectNewTokenOnly();
	});

	it('after the Graph endpoint is changed (another address of the same server)', async () => {
		await bed.editCredential({
			graphEndpoint: bed.sandboxes.graph.url.replace('127.0.0.1', 'localhost'),
		});
		await expectNewTokenOnly();
	});

	it('after the authentication is switched to the certificate', async () => {
		await bed.editCredential({
			authentication: 'certificate',
			privateKey: bed.sandboxes.certificate.privateKeyPem,
			certificate: bed.sandboxes.certificate.certificatePem,
		});
		await expectNewTokenOnly();
	});
});
