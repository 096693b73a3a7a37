import { Container } from '@n8n/di';
import type { KeyInfo } from 'n8n-core';
import { BinaryDataService, Cipher, EncryptionKeyProxy, InstanceSettings } from 'n8n-core';

let ready: Promise<void> | undefined;

/**
 * The services n8n's CLI wires up before it runs workflows, in their smallest form: the
 * instance encryption key as the credentials key (n8n's legacy single-key setup), and binary
 * data kept on disk in the test user folder, as n8n's default filesystem mode does.
 */
export async function prepareN8nServices(): Promise<void> {
	ready ??= (async () => {
		const cipher = Container.get(Cipher);
		const key: KeyInfo = {
			id: 'instance',
			value: cipher.encryptDEKWithInstanceKey(Container.get(InstanceSettings).encryptionKey),
			algorithm: 'aes-256-cbc',
			format: 'no-prefix',
		};
		Container.get(EncryptionKeyProxy).setProvider({
			getActiveKey: async () => key,
			getKeyById: async () => key,
			getLegacyKey: async () => key,
		});
		await Container.get(BinaryDataService).init();
	})();
	await ready;
}
