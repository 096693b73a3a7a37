/**
 * Child process: a FileMaker sandbox (the demo file) with Contacts seeded to `records` (or left
 * as the demo file has it), over http or https with the sandbox's self-signed certificate.
 */
import {
	startFileMakerSandbox,
	type FileMakerSandbox,
	type SandboxStore,
} from '../../sandbox/filemaker';
import { DATABASE } from '../../test/helpers/sandbox-credential';
import { presentedCertificate } from './certificate';
import { serve } from './ipc';
import { seedContacts } from './seed';

let sandbox: FileMakerSandbox | undefined;
let saved: ReturnType<SandboxStore['snapshot']> | undefined;

const api = {
	async start(params: { https: boolean; records?: number; odataPageSize?: number }) {
		if (sandbox) throw new Error('The sandbox is already running');
		sandbox = await startFileMakerSandbox({
			https: params.https,
			odataPageSize: params.odataPageSize,
		});
		if (params.records !== undefined) {
			const seeded = seedContacts(sandbox.store, params.records);
			if (seeded !== params.records) {
				throw new Error(
					`Seeding left ${seeded.toLocaleString('en')} Contacts records, expected ${params.records.toLocaleString('en')}`,
				);
			}
		}
		const port = Number(new URL(sandbox.url).port);
		return {
			url: sandbox.url,
			port,
			certificate: params.https ? await presentedCertificate(port) : undefined,
		};
	},
	/** Data API and OData requests and logins since the last reset (the control API's are not counted). */
	async counters() {
		return running().counters.snapshot();
	},
	async resetCounters() {
		running().counters.reset();
	},
	/** The number of Contacts records. */
	async contacts() {
		return running().store.count(DATABASE, 'Contacts');
	},
	/** Remembers every table as it is now, for `restoreState`. */
	async saveState() {
		saved = running().store.snapshot();
	},
	/** Puts every table back as `saveState` found it: records created since are gone. */
	async restoreState() {
		if (!saved) throw new Error('saveState was not called');
		running().store.restore(saved);
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
