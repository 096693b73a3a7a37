import { AccessTokenIssuer } from './access-tokens';
import type { GraphSandbox, GraphSandboxOptions } from './graph';
import { startGraphSandbox } from './graph';
import type { MicrosoftIdentitySandbox } from './identity';
import { createTestCertificate, startMicrosoftIdentitySandbox } from './identity';
import { createClock, type SandboxClock } from '../shared/clock';

/**
 * The tenant, app and mailboxes `startMicrosoftSandboxes` sets up (sandbox only). The app may
 * reach Ada's and the shared invoices mailbox; Grace's is outside its access policy.
 */
export const MICROSOFT_DEMO = {
	tenantId: '5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
	domain: 'contoso.example',
	clientId: '0b6f4a2e-8c1d-4e3f-9a5b-7c6d5e4f3a2b',
	clientSecret: 'sandbox~graph-app-secret.0123456789',
	mailboxes: {
		ada: {
			id: '1a2b3c4d-0000-4000-8000-00000000ada1',
			address: 'ada@contoso.example',
			displayName: 'Ada Lovelace',
		},
		grace: {
			id: '1a2b3c4d-0000-4000-8000-0000000064ac',
			address: 'grace@contoso.example',
			displayName: 'Grace Hopper',
		},
		invoices: {
			id: '1a2b3c4d-0000-4000-8000-0000000001ce',
			address: 'invoices@contoso.example',
			displayName: 'Invoices',
		},
	},
} as const;

export interface MicrosoftSandboxes {
	clock: SandboxClock;
	identity: MicrosoftIdentitySandbox;
	graph: GraphSandbox;
	/** A certificate registered with the app (for certificate authentication). */
	certificate: { privateKeyPem: string; certificatePem: string; thumbprintSha256Hex: string };
	close(): Promise<void>;
}

export interface MicrosoftSandboxesOptions {
	/** When the app's client secret lapses, ms from now on the sandbox clock; default one year. */
	secretExpiresInMs?: number;
	graph?: Omit<GraphSandboxOptions, 'tenantId' | 'trust' | 'clock' | 'mailboxes'>;
	identityPort?: number;
	graphPort?: number;
	/** Revoke a refresh token once a newer one was issued from it (stricter than Entra). */
	revokeRotatedRefreshTokens?: boolean;
}

/** A Microsoft identity platform and a Graph mail service on one clock, with the demo tenant. */
export async function startMicrosoftSandboxes(
	options: MicrosoftSandboxesOptions = {},
): Promise<MicrosoftSandboxes> {
	const clock = createClock();
	const issuer = new AccessTokenIssuer(clock);
	const certificate = await createTestCertificate();
	const { tenantId, domain, clientId, clientSecret, mailboxes } = MICROSOFT_DEMO;
	const identity = await startMicrosoftIdentitySandbox({
		clock,
		issuer,
		port: options.identityPort,
		revokeRotatedRefreshTokens: options.revokeRotatedRefreshTokens,
		tenants: [{ tenantId, domain, displayName: 'Contoso (sandbox)' }],
		apps: [
			{
				tenantId,
				clientId,
				displayName: 'n8n mail (sandbox)',
				secrets: [
					{
						value: clientSecret,
						expiresAt: clock.now() + (options.secretExpiresInMs ?? 365 * 24 * 60 * 60_000),
					},
				],
				certificates: [{ pem: certificate.certificatePem }],
				applicationPermissions: ['Mail.ReadWrite', 'Mail.Send'],
				delegatedScopes: [
					'Mail.ReadWrite',
					'Mail.Send',
					'Mail.ReadWrite.Shared',
					'Mail.Send.Shared',
					'User.Read',
				],
			},
		],
		users: Object.values(mailboxes)
			.filter((mailbox) => mailbox.address !== mailboxes.invoices.address)
			.map((mailbox) => ({
				tenantId,
				id: mailbox.id,
				userPrincipalName: mailbox.address,
				password: `sandbox-${mailbox.address.split('@')[0]}-password`,
				displayName: mailbox.displayName,
			})),
	});
	try {
		const graph = await startGraphSandbox({
			separateUploadOrigin: false,
			...options.graph,
			port: options.graphPort ?? options.graph?.port,
			tenantId,
			trust: issuer.trust(),
			clock,
			mailboxes: [
				{ ...mailboxes.ada, kind: 'user' },
				{ ...mailboxes.grace, kind: 'user' },
				{ ...mailboxes.invoices, kind: 'shared' },
			],
			accessPolicy: options.graph?.accessPolicy ?? {
				[clientId]: [mailboxes.ada.address, mailboxes.invoices.address],
			},
		});
		return {
			clock,
			identity,
			graph,
			certificate,
			close: async () => {
				await Promise.all([graph.close(), identity.close()]);
			},
		};
	} catch (error) {
		await identity.close();
		throw error;
	}
}
