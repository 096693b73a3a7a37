import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startCaptureServer } from '../../sandbox/shared/capture-server';
import type { CloudTestBed } from '../helpers/filemaker-cloud';
import { CLOUD_DEMO_USER, startCloudTestBed } from '../helpers/filemaker-cloud';
import { layout } from '../helpers/filemaker';
import { useSimulatedTime } from '../helpers/simulated-time';

const findGrace = {
	resource: 'record',
	operation: 'find',
	layout: layout('Contacts'),
	queryMode: 'json',
	query: '[{"lastName": "==Hopper"}]',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('FileMaker Cloud credential: FileMaker ID signs in once, refreshes by itself', () => {
	let bed: CloudTestBed;
	afterEach(async () => await bed?.close());

	it('signs in with SRP once and keeps the tokens in the credential for every execution', async () => {
		bed = await startCloudTestBed();
		for (let run = 0; run < 5; run++) {
			const execution = await bed.engine.run({ nodes: [bed.node(findGrace)] });
			expect(execution.error).toBeUndefined();
			expect(execution.output().map((item) => item.json.firstName)).toEqual(['Grace']);
		}
		const { counters } = bed.cloud.cognito;
		expect([counters.srpLogins, counters.refreshes]).toEqual([1, 0]);
		expect(bed.cloud.fm.counters.logins).toBe(1);
		const stored = await bed.stored();
		expect(stored.idToken).toMatch(/^ey/);
		expect(stored.fileMakerIdRefreshToken).toEqual(expect.any(String));
		expect(Number(stored.idTokenExpiresAt)).toBeGreaterThan(Date.now() + 50 * MINUTE);
		// The FMID header carried the idToken; the Data API calls carried the session token only.
		expect(bed.cloud.fm.authLog.presented({ scheme: 'FMID' })).toHaveLength(1);
	});

	it('over a simulated day of 100 executions: at most 1 SRP, at most 25 refreshes, one Data API login per idToken', async () => {
		const time = useSimulatedTime();
		try {
			bed = await startCloudTestBed();
			for (let run = 0; run < 100; run++) {
				const execution = await bed.engine.run({ nodes: [bed.node(findGrace)] });
				expect(execution.error).toBeUndefined();
				time.advance((24 * HOUR) / 100);
			}
			const { counters } = bed.cloud.cognito;
			expect(counters.srpLogins).toBeLessThanOrEqual(1);
			expect(counters.refreshes).toBeLessThanOrEqual(25);
			// Gaps of 14.4 minutes never reach FileMaker's 15-minute idle timeout: a new session is
			// needed only when FileMaker Cloud ends one with its idToken's hour.
			expect(bed.cloud.fm.counters.logins).toBe(counters.srpLogins + counters.refreshes);
			// Renewed before the idToken ran out: FileMaker never refused a login or a request
			// (a refused find would have been sent again).
			expect(bed.cloud.fm.counters.failedLogins).toBe(0);
			expect(bed.cloud.fm.counters.requests('find')).toBe(100);
		} finally {
			time.restore();
		}
	});

	it('after an idle gap, opens a new session with the idToken it holds (no Cognito call)', async () => {
		const time = useSimulatedTime();
		try {
			bed = await startCloudTestBed();
			await bed.engine.run({ nodes: [bed.node(findGrace)] });
			time.advance(20 * MINUTE);
			const execution = await bed.engine.run({ nodes: [bed.node(findGrace)] });
			expect(execution.error).toBeUndefined();
			expect(bed.cloud.fm.counters.logins).toBe(2);
			expect([bed.cloud.cognito.counters.srpLogins, bed.cloud.cognito.counters.refreshes]).toEqual([
				1, 0,
			]);
		} finally {
			time.restore();
		}
	});

	it('lets 10 concurrent executions share one SRP sign-in and one Data API login', async () => {
		bed = await startCloudTestBed();
		const current = bed;
		const executions = await Promise.all(
			Array.from(
				{ length: 10 },
				async () => await current.engine.run({ nodes: [current.node(findGrace)] }),
			),
		);
		expect(executions.map((execution) => execution.error)).toEqual(Array(10).fill(undefined));
		expect(bed.cloud.cognito.counters.srpAttempts).toBe(1);
		expect(bed.cloud.fm.counters.logins).toBe(1);
	});

	it('after the email is edited, never sends the old idToken and signs in as the new user', async () => {
		bed = await startCloudTestBed({
			sandboxes: {
				cognito: {
					users: [
						{ ...CLOUD_DEMO_USER },
						{ email: 'second@example.com', password: 'second-password' },
					],
				},
			},
		});
		await bed.engine.run({ nodes: [bed.node(findGrace)] });
		const oldIdToken = String((await bed.stored()).idToken);
		const mark = bed.cloud.fm.authLog.mark();
		await bed.engine.addCredential('filemaker-cloud-sandbox', 'fileMakerCloudApi', {
			...(await bed.stored()),
			email: 'second@example.com',
			password: 'second-password',
		});
		const execution = await bed.engine.run({ nodes: [bed.node(findGrace)] });
		expect(execution.error).toBeUndefined();
		expect(bed.cloud.fm.authLog.presented({ token: oldIdToken, since: mark })).toEqual([]);
		expect(bed.cloud.cognito.counters.srpLogins).toBe(2);
		expect(String((await bed.stored()).idToken)).not.toBe(oldIdToken);
	});

	it('renews in the middle of Return All when FileMaker Cloud ends the session with its idToken', async () => {
		const time = useSimulatedTime();
		try {
			bed = await startCloudTestBed();
			bed.cloud.fm.store.insertMany('Contacts', 'Contacts', 2480, (index) => ({
				email: `cloud${index}@example.com`,
			}));
			await bed.engine.run({ nodes: [bed.node(findGrace)] });
			bed.cloud.fm.faults.setLatency(5, 'getRecords');
			const running = bed.engine.run({
				nodes: [
					bed.node({
						resource: 'record',
						operation: 'getMany',
						layout: layout('Contacts'),
						returnAll: true,
						options: { portals: 'none', pageSize: 500 },
					}),
				],
			});
			while (bed.cloud.fm.counters.requests('getRecords') < 2) {
				await new Promise((resolve) => setImmediate(resolve));
			}
			time.advance(HOUR);
			const execution = await running;
			expect(execution.error).toBeUndefined();
			expect(execution.output()).toHaveLength(2500);
			expect(bed.cloud.cognito.counters.refreshes).toBe(1);
			expect(bed.cloud.fm.counters.logins).toBe(2);
		} finally {
			time.restore();
		}
	});
});

describe('FileMaker Cloud credential: the refresh token ends', () => {
	let bed: CloudTestBed;
	afterEach(async () => await bed?.close());

	const shortRefreshTokens = { cognito: { refreshTokenValiditySeconds: 30 * 24 * 3600 } };

	it('over 60 simulated days of hourly executions, signs in with SRP again only when the refresh token ends', async () => {
		const time = useSimulatedTime();
		try {
			bed = await startCloudTestBed({ sandboxes: shortRefreshTokens });
			for (let hour = 0; hour < 60 * 24; hour++) {
				const execution = await bed.engine.run({ nodes: [bed.node(findGrace)] });
				expect(execution.error).toBeUndefined();
				time.advance(HOUR);
			}
			// One at the start, one when the 30-day refresh token ended.
			expect(bed.cloud.cognito.counters.srpLogins).toBe(2);
			expect(bed.cloud.cognito.counters.failedRefreshes).toBe(1);
		} finally {
			time.restore();
		}
	}, 120_000); // A guard against a hang, not a speed limit: 1,440 executions.

	it('without a password, says clearly that a new refresh token is needed', async () => {
		const time = useSimulatedTime();
		try {
			bed = await startCloudTestBed({ sandboxes: shortRefreshTokens });
			const { RefreshToken } = bed.cloud.cognito.tokens.signIn(CLOUD_DEMO_USER.email);
			await bed.engine.addCredential('filemaker-cloud-sandbox', 'fileMakerCloudApi', {
				...(await bed.stored()),
				password: '',
				refreshToken: String(RefreshToken),
			});
			expect((await bed.engine.run({ nodes: [bed.node(findGrace)] })).error).toBeUndefined();
			time.advance(31 * DAY);
			const execution = await bed.engine.run({ nodes: [bed.node(findGrace)] });
			expect(execution.error?.message).toMatch(/no longer accepts the refresh token/);
			expect(execution.error?.description).toMatch(/filemaker-id-token/);
			expect(bed.cloud.cognito.counters.srpAttempts).toBe(0);
			// One refused refresh, reported at once: the library's own back-off would send it 7 times.
			expect(bed.cloud.cognito.counters.failedRefreshes).toBe(1);
			expect(bed.cloud.cognito.counters.requests('refresh')).toBe(2);
		} finally {
			time.restore();
		}
	});
});

describe('FileMaker Cloud credential: two factors, wrong passwords, secrets', () => {
	let bed: CloudTestBed | undefined;
	afterEach(async () => {
		await bed?.close();
		bed = undefined;
	});

	const mfaUser = {
		email: 'two.factor@example.com',
		password: 'two-factor-password',
		mfa: { type: 'totp' as const, secret: 'JBSWY3DPEHPK3PXP' },
	};

	it('works for an MFA account with a refresh token, and explains the refresh-token route without one', async () => {
		bed = await startCloudTestBed({
			sandboxes: { cognito: { users: [{ ...CLOUD_DEMO_USER }, mfaUser] } },
			credential: { email: mfaUser.email, password: mfaUser.password },
		});
		const refused = await bed.engine.run({ nodes: [bed.node(findGrace)] });
		expect(refused.error?.message).toMatch(/signs in with a second factor .*authenticator app/);
		expect(refused.error?.description).toMatch(/npx n8n-nodes-filemaker-graph filemaker-id-token/);

		const { RefreshToken } = bed.cloud.cognito.tokens.signIn(mfaUser.email);
		await bed.engine.addCredential('filemaker-cloud-sandbox', 'fileMakerCloudApi', {
			...(await bed.stored()),
			password: '',
			refreshToken: String(RefreshToken),
		});
		const execution = await bed.engine.run({ nodes: [bed.node(findGrace)] });
		expect(execution.error).toBeUndefined();
		expect(execution.output()).toHaveLength(1);
		expect(bed.cloud.cognito.counters.refreshes).toBe(1);
	});

	it('gives the same clear error for a wrong password and an unknown user, with no secret in it', async () => {
		const messages: string[] = [];
		const credentials: ICredentialDataDecryptedObject[] = [
			{ password: 'not-the-password' },
			{ email: 'nobody@example.com', password: 'not-the-password' },
		];
		for (const credential of credentials) {
			const local = await startCloudTestBed({ credential });
			try {
				const execution = await local.engine.run({ nodes: [local.node(findGrace)] });
				messages.push(String(execution.error?.message).replace(/"[^"]+"/, '"…"'));
				const serialized = JSON.stringify(execution.run.data) + JSON.stringify(execution.error);
				expect(serialized).not.toContain('not-the-password');
				expect(serialized).not.toContain(CLOUD_DEMO_USER.password);
			} finally {
				await local.close();
			}
		}
		expect(messages[0]).toBe(messages[1]);
		expect(messages[0]).toMatch(/the email or the password is wrong/);
	});

	it('the credential test signs in, opens a Data API session and closes it', async () => {
		bed = await startCloudTestBed();
		const execution = await bed.engine.run({ nodes: [bed.testNode()] });
		expect(execution.error).toBeUndefined();
		expect(bed.cloud.cognito.counters.srpLogins).toBe(1);
		expect(bed.cloud.fm.counters.logins).toBe(1);
		expect(bed.cloud.fm.counters.logouts).toBe(1);
		expect(bed.cloud.fm.sessions.activeCount()).toBe(0);
	});

	it('puts no password, idToken, refresh token or session token into output, errors or logs', async () => {
		bed = await startCloudTestBed();
		const logged: string[] = [];
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
			jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
				logged.push(args.map(String).join(' '));
			}),
		);
		try {
			const ok = await bed.engine.run({ nodes: [bed.node(findGrace)] });
			bed.cloud.fm.faults.failNext({ status: 500, code: '802', message: 'Unable to open file' });
			const failed = await bed.engine.run({ nodes: [bed.node(findGrace)] });
			const stored = await bed.stored();
			const secrets = [
				CLOUD_DEMO_USER.password,
				String(stored.idToken),
				String(stored.fileMakerIdRefreshToken),
				String(stored.sessionToken),
			];
			expect(secrets.every((secret) => secret.length > 8)).toBe(true);
			const everything = [
				JSON.stringify(ok.run.data),
				JSON.stringify(failed.run.data),
				JSON.stringify(failed.error),
				...logged,
			].join('\n');
			for (const secret of secrets) expect(everything).not.toContain(secret);
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
	});

	it('sends nothing along a redirect from Cognito to another host, and says so', async () => {
		bed = await startCloudTestBed();
		const elsewhere = await startCaptureServer();
		try {
			bed.cloud.cognito.faults.redirectNext({
				location: `${elsewhere.url}/steal`,
				endpoint: 'initiateAuth',
			});
			const execution = await bed.engine.run({ nodes: [bed.node(findGrace)] });
			expect(execution.error?.message).toMatch(
				/Amazon Cognito at .* answered with a redirect \(HTTP 307\) to another server/,
			);
			expect(elsewhere.requests).toEqual([]);
		} finally {
			await elsewhere.close();
		}
	});

	it('gives up on a Cognito endpoint that does not answer, naming the timeout', async () => {
		bed = await startCloudTestBed({ credential: { timeoutSeconds: 1 } });
		bed.cloud.cognito.faults.hangNext({ endpoint: 'initiateAuth' });
		const execution = await bed.engine.run({ nodes: [bed.node(findGrace)] });
		expect(execution.error?.message).toMatch(/Amazon Cognito at .* did not answer within 1 s/);
	});
});
