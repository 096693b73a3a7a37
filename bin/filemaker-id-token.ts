import { DEFAULT_TRANSPORT_SETTINGS } from '../lib/http/request-rules';
import { fetchHttpRequest } from '../lib/http/fetch-http-request';
import { cognitoClient } from '../lib/filemaker/cloud/cognito-transport';
import type { MfaChallenge } from '../lib/filemaker/cloud/filemaker-id';
import { signInWithPassword } from '../lib/filemaker/cloud/filemaker-id';
import { resolvePool } from '../lib/filemaker/cloud/pool-settings';
import { signInError } from '../lib/filemaker/cloud/sign-in-errors';
import type { HttpRequest } from '../lib/filemaker/session';
import type { Prompt } from './prompt';

export const USAGE = `Usage: n8n-nodes-filemaker-graph filemaker-id-token [options]

Signs in to FileMaker ID (Claris ID) once, with your email, password and, for accounts with
two-factor authentication, the code, and prints a refresh token to paste into the "Refresh
Token" field of n8n's FileMaker Cloud credential. It lasts about a year. The password is used
only for this sign-in (SRP: it never leaves this computer) and is not printed or stored.

Options (leave them out for Claris' own pool, as the credential's Advanced fields):
  --email <address>          the FileMaker ID email (asked for when left out)
  --cognito-region <region>  --cognito-user-pool-id <id>  --cognito-client-id <id>
  --cognito-endpoint <url>   --pool-settings-url <url>`;

const MFA_PROMPT: Record<MfaChallenge, string> = {
	SOFTWARE_TOKEN_MFA: 'Code from your authenticator app: ',
	SMS_MFA: 'Code sent by text message',
};

export function option(args: string[], name: string): string | undefined {
	const index = args.indexOf(`--${name}`);
	return index === -1 ? undefined : args[index + 1];
}

/** The `filemaker-id-token` command; returns the process exit code. */
export async function fileMakerIdToken(
	args: string[],
	prompt: Prompt,
	print: (line: string) => void,
): Promise<number> {
	if (args.includes('--help') || args.includes('-h')) {
		print(USAGE);
		return 0;
	}
	const email = option(args, 'email') ?? (await prompt.ask('FileMaker ID email: ')).trim();
	const password = await prompt.askSecret('Password: ');
	const http = fetchHttpRequest as unknown as HttpRequest;
	const transport = DEFAULT_TRANSPORT_SETTINGS;
	const pool = await resolvePool(
		http,
		{
			region: option(args, 'cognito-region'),
			userPoolId: option(args, 'cognito-user-pool-id'),
			clientId: option(args, 'cognito-client-id'),
			endpoint: option(args, 'cognito-endpoint'),
			settingsUrl: option(args, 'pool-settings-url'),
		},
		transport,
	);
	try {
		const tokens = await signInWithPassword(
			pool,
			cognitoClient(http, pool.endpoint, transport),
			email,
			password,
			async (challenge, destination) =>
				await prompt.ask(
					challenge === 'SMS_MFA'
						? `${MFA_PROMPT.SMS_MFA}${destination ? ` to ${destination}` : ''}: `
						: MFA_PROMPT[challenge],
				),
		);
		print('');
		print('Refresh token (paste it into "Refresh Token" in the FileMaker Cloud credential):');
		print(tokens.refreshToken);
		return 0;
	} catch (error) {
		const failure = signInError(error, email);
		print(`Error: ${failure.message}`);
		return 1;
	}
}
