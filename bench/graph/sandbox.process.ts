/**
 * Child process: the Microsoft identity platform and Graph mail sandboxes (one clock, the demo
 * tenant), Graph over http or https (the identity platform over http), seeded: a few messages in the invoices mailbox's inbox, MESSAGES in a
 * folder of their own in Ada's mailbox. It counts what both sides ask; the bench reads the
 * counters.
 */
import {
	MICROSOFT_DEMO,
	startMicrosoftSandboxes,
	type MicrosoftSandboxes,
} from '../../sandbox/microsoft';
import { presentedCertificate } from '../remote/certificate';
import { serve } from '../remote/ipc';
import { htmlBody } from './html-body';
import { INBOX_MAILBOX, INBOX_MESSAGES, LIST_FOLDER, LIST_MAILBOX, MESSAGES } from './plan';

let sandboxes: MicrosoftSandboxes | undefined;

const MINUTE = 60_000;

function seed(running: MicrosoftSandboxes): { folderId: string } {
	const { mail } = running.graph;
	const now = Date.now();
	const deliver = (index: number, mailbox: string, folder: string) =>
		mail.deliver(
			{
				subject: `Invoice INV-${String(index).padStart(6, '0')}`,
				body: { contentType: 'html', content: htmlBody(index) },
				from: { address: `billing${index % 50}@supplier.example`, name: `Supplier ${index % 50}` },
				to: [mailbox],
				isRead: index % 3 === 0,
				categories: index % 7 === 0 ? ['Accounts'] : [],
			},
			// Older the higher the index, a minute apart: newest first is index order.
			{ mailbox, folder, receivedAt: now - (index + 1) * MINUTE },
		);
	for (let index = 0; index < INBOX_MESSAGES; index++) deliver(index, INBOX_MAILBOX, 'inbox');
	const folderId = mail.createFolder(LIST_MAILBOX, LIST_FOLDER);
	for (let index = 0; index < MESSAGES; index++) deliver(index, LIST_MAILBOX, folderId);
	const listed = mail.messages(LIST_MAILBOX, folderId).length;
	if (listed !== MESSAGES) {
		throw new Error(`The folder holds ${listed} messages, expected ${MESSAGES}`);
	}
	return { folderId };
}

const api = {
	/** `https`: Graph serves https with a self-signed certificate, returned as PEM. */
	async start(params: { https: boolean }) {
		if (sandboxes) throw new Error('The sandboxes are already running');
		sandboxes = await startMicrosoftSandboxes({ graph: { https: params.https } });
		const { folderId } = seed(sandboxes);
		const graphPort = Number(new URL(sandboxes.graph.url).port);
		return {
			identityPort: Number(new URL(sandboxes.identity.url).port),
			graphPort,
			folderId,
			certificate: params.https ? await presentedCertificate(graphPort) : undefined,
		};
	},
	/** Token requests (client credentials) and all identity requests; Graph message lists. */
	async counters() {
		const { identity, graph } = running();
		return {
			tokenRequests: identity.counters.clientCredentials,
			identityRequests: identity.counters.requests(),
			graphLists: graph.counters.requests('list'),
			graphRequests: graph.counters.requests(),
		};
	},
	/**
	 * A new client secret for the demo app (valid a year), as an administrator makes one for a
	 * new credential: a credential with it holds no token yet, in n8n or in this process.
	 */
	async addSecret(params: { value: string }) {
		const { identity, clock } = running();
		identity.apps.addSecret(MICROSOFT_DEMO.clientId, {
			value: params.value,
			expiresAt: clock.now() + 365 * 24 * 60 * MINUTE,
		});
	},
};

export type GraphSandboxCounters = Awaited<ReturnType<(typeof api)['counters']>>;

function running(): MicrosoftSandboxes {
	if (!sandboxes) throw new Error('The sandboxes are not running');
	return sandboxes;
}

export type GraphSandboxApi = typeof api;

serve(api, async () => {
	await sandboxes?.close();
});
