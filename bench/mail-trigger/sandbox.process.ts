/**
 * Child process: the Microsoft identity platform and Graph mail sandboxes (one clock, the demo
 * tenant), Graph over http or https (the identity platform over http). The watched folder starts
 * empty; `deliver` puts the backlog into it in one call, as Exchange would deliver it, through
 * the sandbox's own `graph.mail.deliver`. It counts what both sides ask; the bench reads the
 * counters.
 */
import { startMicrosoftSandboxes, type MicrosoftSandboxes } from '../../sandbox/microsoft';
import { htmlBody } from '../graph/html-body';
import { presentedCertificate } from '../remote/certificate';
import { serve } from '../remote/ipc';
import { FOLDER, MAILBOX } from './plan';

let sandboxes: MicrosoftSandboxes | undefined;

function running(): MicrosoftSandboxes {
	if (!sandboxes) throw new Error('The sandboxes are not running');
	return sandboxes;
}

const api = {
	/** `https`: Graph serves https with a self-signed certificate, returned as PEM. */
	async start(params: { https: boolean }) {
		if (sandboxes) throw new Error('The sandboxes are already running');
		sandboxes = await startMicrosoftSandboxes({ graph: { https: params.https } });
		const graphPort = Number(new URL(sandboxes.graph.url).port);
		return {
			identityPort: Number(new URL(sandboxes.identity.url).port),
			graphPort,
			certificate: params.https ? await presentedCertificate(graphPort) : undefined,
		};
	},

	/**
	 * `count` invoice mails (about 2.5 KB of JSON each with the trigger's `$select`, a short HTML
	 * body) delivered now into the watched folder, from 50 senders, a third of them read. Returns
	 * their IDs and how long the delivery took in this process.
	 */
	async deliver(params: { count: number }) {
		const { mail } = running().graph;
		const start = process.hrtime.bigint();
		const ids: string[] = [];
		for (let index = 0; index < params.count; index++) {
			const invoice = `INV-${String(index).padStart(6, '0')}`;
			const { id } = mail.deliver(
				{
					subject: `Invoice ${invoice}`,
					body: { contentType: 'html', content: htmlBody(index) },
					from: {
						address: `billing${index % 50}@supplier.example`,
						name: `Supplier ${index % 50}`,
					},
					to: [MAILBOX],
					isRead: index % 3 === 0,
				},
				{ mailbox: MAILBOX, folder: FOLDER },
			);
			ids.push(id);
		}
		return { ids, ms: Number(process.hrtime.bigint() - start) / 1e6 };
	},

	/** Token requests (client credentials); every Graph request, and the delta ones. */
	async counters() {
		const { identity, graph } = running();
		return {
			tokenRequests: identity.counters.clientCredentials,
			graphRequests: graph.counters.requests(),
			deltaRequests: graph.counters.requests('delta'),
		};
	},
};

export type MailTriggerSandboxApi = typeof api;
export type MailTriggerSandboxCounters = Awaited<ReturnType<(typeof api)['counters']>>;

serve(api, async () => {
	await sandboxes?.close();
});
