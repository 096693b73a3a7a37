/**
 * Child process: a FileMaker sandbox (the demo file) with Contacts seeded to `records`, over
 * http or https with the sandbox's self-signed certificate.
 */
import { startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { presentedCertificate } from './certificate';
import { serve } from './ipc';
import { seedContacts } from './seed';

let sandbox: FileMakerSandbox | undefined;

const api = {
	async start(params: { https: boolean; records: number }) {
		if (sandbox) throw new Error('The sandbox is already running');
		sandbox = await startFileMakerSandbox({ https: params.https });
		const seeded = seedContacts(sandbox.store, params.records);
		if (seeded !== params.records) {
			throw new Error(
				`Seeding left ${seeded.toLocaleString('en')} Contacts records, expected ${params.records.toLocaleString('en')}`,
			);
		}
		const port = Number(new URL(sandbox.url).port);
		return {
			url: sandbox.url,
			port,
			certificate: params.https ? await presentedCertificate(port) : undefined,
		};
	},
	/** Data API requests and logins since the last reset (the control API's are not counted). */
	async counters() {
		return running().counters.snapshot();
	},
	async resetCounters() {
		running().counters.reset();
	},
};

function running(): FileMakerSandbox {
	if (!sandbox) throw new Error('The sandbox is not running');
	return sandbox;
}

export type SandboxApi = typeof api;

serve(api, async () => {
	await sandbox?.close();
});
