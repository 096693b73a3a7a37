import { spawn } from 'node:child_process';
import { join } from 'node:path';

import type { CognitoSandbox } from '../../sandbox/cognito';
import { startCognitoSandbox, totpCode } from '../../sandbox/cognito';

const CLI = join(__dirname, '../../dist/bin/cli.js');
const SECRET = 'JBSWY3DPEHPK3PXP';
const user = {
	email: 'two.factor@example.com',
	password: 'two-factor-password',
	mfa: { type: 'totp' as const, secret: SECRET },
};

interface Dialogue {
	output: string;
	code: number | null;
}

/** Runs the command as a person would: it answers each prompt when it appears. */
async function run(
	cognito: CognitoSandbox,
	answers: Array<[prompt: RegExp, answer: () => string]>,
): Promise<Dialogue> {
	const child = spawn(
		process.execPath,
		[
			CLI,
			'filemaker-id-token',
			'--cognito-user-pool-id',
			cognito.userPoolId,
			'--cognito-client-id',
			cognito.clientId,
			'--cognito-endpoint',
			`${cognito.url}/`,
		],
		{ stdio: ['pipe', 'pipe', 'inherit'] },
	);
	let output = '';
	const pending = [...answers];
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString();
		while (pending.length > 0 && pending[0][0].test(output)) {
			const [, answer] = pending.shift()!;
			child.stdin.write(`${answer()}\n`);
		}
	});
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	return { output, code };
}

describe('npx n8n-nodes-filemaker-graph filemaker-id-token (run `npm run build` first)', () => {
	let cognito: CognitoSandbox;
	beforeEach(async () => (cognito = await startCognitoSandbox({ users: [user] })));
	afterEach(async () => await cognito.close());

	it('signs an MFA account in with its TOTP code and prints a refresh token that works', async () => {
		const { output, code } = await run(cognito, [
			[/email: $/, () => user.email],
			[/Password: $/, () => user.password],
			[/authenticator app: $/, () => totpCode(SECRET, cognito.clock.now())],
		]);
		expect(code).toBe(0);
		const token = output.trim().split('\n').pop() ?? '';
		expect(cognito.tokens.isActive(token)).toBe(true);
		expect(output).not.toContain(user.password);
		expect(cognito.counters.srpLogins).toBe(1);
	});

	it('says the password is wrong, without echoing it, and exits 1', async () => {
		const { output, code } = await run(cognito, [
			[/email: $/, () => user.email],
			[/Password: $/, () => 'wrong-password'],
		]);
		expect(code).toBe(1);
		expect(output).toMatch(
			/Error: FileMaker ID refused the sign-in .*the email or the password is wrong/,
		);
		expect(output).not.toContain('wrong-password');
	});
});
