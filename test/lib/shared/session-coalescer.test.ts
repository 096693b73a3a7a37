import { SessionCoalescer, coalescingKey } from '../../../lib/shared/session-coalescer';

const valid = async () => true;

describe('SessionCoalescer', () => {
	it('runs one login for concurrent callers', async () => {
		const coalescer = new SessionCoalescer();
		let logins = 0;
		const login = async () => {
			logins++;
			await new Promise((resolve) => setTimeout(resolve, 10));
			return { token: `token-${logins}` };
		};
		const tokens = await Promise.all(
			Array.from(
				{ length: 5 },
				async () => (await coalescer.obtain('key', '', login, valid)).token,
			),
		);
		expect(tokens).toEqual(Array(5).fill('token-1'));
		expect(logins).toBe(1);
	});

	it('hands a fresh token to a caller still holding the one it replaced', async () => {
		const coalescer = new SessionCoalescer();
		let logins = 0;
		const login = async () => ({ token: `token-${++logins}` });
		expect((await coalescer.obtain('key', 'token-0', login, valid)).token).toBe('token-1');
		expect((await coalescer.obtain('key', 'token-0', login, valid)).token).toBe('token-1');
		expect(logins).toBe(1);
	});

	it('logs in again when the caller reports the newest token as rejected', async () => {
		const coalescer = new SessionCoalescer();
		let logins = 0;
		const login = async () => ({ token: `token-${++logins}` });
		await coalescer.obtain('key', '', login, valid);
		expect((await coalescer.obtain('key', 'token-1', login, valid)).token).toBe('token-2');
		expect(logins).toBe(2);
	});

	it('stops handing out a token after the reuse window', async () => {
		let now = 0;
		const coalescer = new SessionCoalescer(() => now);
		let logins = 0;
		const login = async () => ({ token: `token-${++logins}` });
		await coalescer.obtain('key', '', login, valid);
		now += 11_000;
		expect((await coalescer.obtain('key', '', login, valid)).token).toBe('token-2');
	});

	it('does not keep a failed login, so the next caller tries again', async () => {
		const coalescer = new SessionCoalescer();
		await expect(
			coalescer.obtain(
				'key',
				'',
				async () => {
					throw new Error('refused');
				},
				valid,
			),
		).rejects.toThrow('refused');
		expect((await coalescer.obtain('key', '', async () => ({ token: 'token' }), valid)).token).toBe(
			'token',
		);
	});

	it('never hands out a cached token FileMaker no longer accepts: n8n retries only once', async () => {
		const coalescer = new SessionCoalescer();
		let logins = 0;
		const login = async () => ({ token: `token-${++logins}` });
		await coalescer.obtain('key', '', login, valid);
		const killed = async ({ token }: { token: string }) => token !== 'token-1';
		expect((await coalescer.obtain('key', 'token-0', login, killed)).token).toBe('token-2');
		expect(logins).toBe(2);
	});

	it('keeps a record, not only a token, so a credential can hold more than one', async () => {
		const coalescer = new SessionCoalescer<{ token: string; idToken: string }>();
		const login = async () => ({ token: 'data-api', idToken: 'cognito' });
		await coalescer.obtain('key', '', login, valid);
		expect(await coalescer.obtain('key', 'old', login, valid)).toEqual({
			token: 'data-api',
			idToken: 'cognito',
		});
	});

	it('gives every part of the settings its own key, and the same parts the same key', () => {
		const parts = ['https://fms', 'Contacts', 'admin', 'secret'];
		const key = coalescingKey(...parts);
		expect(coalescingKey(...parts)).toBe(key);
		for (let index = 0; index < parts.length; index++) {
			const changed = [...parts];
			changed[index] += 'x';
			expect(coalescingKey(...changed)).not.toBe(key);
		}
		expect(coalescingKey('a,b', 'c')).not.toBe(coalescingKey('a', 'b,c'));
	});
});
