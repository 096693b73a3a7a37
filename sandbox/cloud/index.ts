import { startCognitoSandbox, type CognitoSandbox, type CognitoSandboxOptions } from '../cognito';
import {
	startFileMakerSandbox,
	type FileMakerSandbox,
	type FileMakerSandboxOptions,
} from '../filemaker';
import { createClock, type SandboxClock } from '../shared/clock';

/** The Claris ID that `startCloudSandboxes` and `npm run sandbox -- --cloud` create. */
export const CLOUD_DEMO_USER = {
	email: 'claris.user@example.com',
	password: 'sandbox-claris-password',
} as const;

export interface CloudSandboxesOptions {
	/** Options of the Cognito sandbox; users default to `[CLOUD_DEMO_USER]`. */
	cognito?: Omit<CognitoSandboxOptions, 'clock'>;
	/** Options of the FileMaker sandbox; `cloud.accounts` may limit who gets in. */
	fileMaker?: Omit<FileMakerSandboxOptions, 'clock' | 'cloud'> & { accounts?: string[] };
}

export interface CloudSandboxes {
	/** One clock for both: moving it expires ID tokens and the sessions opened with them. */
	clock: SandboxClock;
	cognito: CognitoSandbox;
	fm: FileMakerSandbox;
	close(): Promise<void>;
}

/** A Claris ID pool and a FileMaker Cloud host that trusts it, on one clock. */
export async function startCloudSandboxes(
	options: CloudSandboxesOptions = {},
): Promise<CloudSandboxes> {
	const clock = createClock();
	const cognito = await startCognitoSandbox({
		users: [{ ...CLOUD_DEMO_USER }],
		...options.cognito,
		clock,
	});
	const { accounts, ...fileMaker } = options.fileMaker ?? {};
	try {
		const fm = await startFileMakerSandbox({
			...fileMaker,
			clock,
			cloud: { ...cognito.idTokenTrust(), accounts },
		});
		return {
			clock,
			cognito,
			fm,
			close: async () => {
				await Promise.all([fm.close(), cognito.close()]);
			},
		};
	} catch (error) {
		await cognito.close();
		throw error;
	}
}
