import { randomBytes } from 'node:crypto';
import {
	startFileMakerSandbox,
	type FileMakerOAuthOptions,
	type FileMakerSandbox,
	type FileMakerSandboxOptions,
} from '../filemaker';
import { startIdentitySandbox, type IdentityPerson, type IdentitySandbox } from '../identity';
import { createClock, type SandboxClock } from '../shared/clock';

/** The identity provider's name as FileMaker Server lists it (`provider=` in getoauthurl). */
export const OAUTH_PROVIDER_NAME = 'Sandbox ID';

/** The client FileMaker Server is registered as at the identity sandbox. */
export const OAUTH_CLIENT_ID = 'sandbox-filemaker-server';

/**
 * The people who can sign in at the identity sandbox. Ada and Grace are OAuth accounts of the
 * demo file (Ada sees Customers and Leads, 17 contacts; Grace Customers only, 10); the
 * stranger signs in at the provider but is no account of the file.
 */
export const OAUTH_PEOPLE = {
	ada: {
		email: 'ada@analytical.example',
		password: 'sandbox-ada-password',
		name: 'Ada Lovelace',
	},
	grace: {
		email: 'grace.hopper@compiler.example',
		password: 'sandbox-grace-password',
		name: 'Grace Hopper',
	},
	stranger: {
		email: 'stranger@example.com',
		password: 'sandbox-stranger-password',
		name: 'Stranger',
	},
} as const satisfies Record<string, IdentityPerson>;

export interface OAuthSandboxesOptions {
	/**
	 * Options of the FileMaker sandbox (the demo file by default); `oauth` may set
	 * `requestTtlMs`, `returnQueryStyle` and `addressMismatch` (the provider is added here).
	 */
	fileMaker?: Omit<FileMakerSandboxOptions, 'clock' | 'oauth' | 'https'> & {
		oauth?: Omit<FileMakerOAuthOptions, 'providers'>;
	};
	/** Where the identity sandbox listens; a free port on 127.0.0.1 by default. */
	identity?: { port?: number; host?: string };
	/** Both servers over https (the sandboxes' self-signed certificate). */
	https?: boolean;
}

export interface OAuthSandboxes {
	/** One clock for both: moving it expires codes, sign-in requests and sessions together. */
	clock: SandboxClock;
	identity: IdentitySandbox;
	fm: FileMakerSandbox;
	/** The client secret FileMaker Server redeems codes with (sandbox only). */
	clientSecret: string;
	close(): Promise<void>;
}

/**
 * An OpenID identity provider ("Sandbox ID", with `OAUTH_PEOPLE`) and a FileMaker Server that
 * offers it as its OAuth provider, on one clock. The provider knows FileMaker Server as the
 * client `OAUTH_CLIENT_ID`, whose redirect URI is `<fm.url>/oauth/redirect`.
 */
export async function startOAuthSandboxes(
	options: OAuthSandboxesOptions = {},
): Promise<OAuthSandboxes> {
	const clock = createClock();
	const clientSecret = randomBytes(16).toString('hex');
	const identity = await startIdentitySandbox({
		clock,
		https: options.https,
		port: options.identity?.port,
		host: options.identity?.host,
		people: Object.values(OAUTH_PEOPLE),
		// The redirect URI is registered once FileMaker Server listens and knows its URL.
		clients: [{ clientId: OAUTH_CLIENT_ID, clientSecret, redirectUris: [] }],
	});
	const { oauth, ...fileMaker } = options.fileMaker ?? {};
	try {
		const fm = await startFileMakerSandbox({
			...fileMaker,
			https: options.https,
			clock,
			oauth: {
				...oauth,
				providers: [
					{
						name: OAUTH_PROVIDER_NAME,
						authorizeUrl: identity.authorizeUrl,
						tokenUrl: identity.tokenUrl,
						clientId: OAUTH_CLIENT_ID,
						clientSecret,
					},
				],
			},
		});
		identity.clients.addRedirectUri(OAUTH_CLIENT_ID, `${fm.url}/oauth/redirect`);
		return {
			clock,
			identity,
			fm,
			clientSecret,
			close: async () => {
				await Promise.all([fm.close(), identity.close()]);
			},
		};
	} catch (error) {
		await identity.close();
		throw error;
	}
}
