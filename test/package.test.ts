import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { INodeTypeDescription, ICredentialType } from 'n8n-workflow';

const ROOT = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	n8n: { credentials: string[]; nodes: string[] };
};

/** The icon files a node or credential names (`file:x.svg`, or light and dark variants). */
function iconFiles(icon: unknown): string[] {
	if (typeof icon === 'string') return [icon.replace(/^file:/, '')];
	if (icon && typeof icon === 'object') return Object.values(icon).flatMap(iconFiles);
	return [];
}

// `npm test` builds first: these check what n8n will load from the published package. (The
// manifest's own fields are checked by the lint's package.json rules, not restated here.)
describe('the package as n8n loads it (run `npm run build` first)', () => {
	it.each(manifest.n8n.nodes)('%s exists and its icons and codex sit next to it', async (file) => {
		const path = join(ROOT, file);
		expect(existsSync(path)).toBe(true);
		const exports = (await import(path)) as Record<
			string,
			new () => {
				description: INodeTypeDescription;
				methods?: { credentialTest?: Record<string, unknown> };
			}
		>;
		const [NodeClass] = Object.values(exports);
		const node = new NodeClass();
		const { description } = node;
		for (const icon of iconFiles(description.icon)) {
			expect(existsSync(join(dirname(path), icon))).toBe(true);
		}
		expect(existsSync(path.replace(/\.js$/, '.json'))).toBe(true);
		// n8n may test a credential through any node that names `testedBy` for it.
		for (const { testedBy } of description.credentials ?? []) {
			if (typeof testedBy === 'string') {
				expect(typeof node.methods?.credentialTest?.[testedBy]).toBe('function');
			}
		}
	});

	it.each(manifest.n8n.credentials)('%s exists and its icons sit next to it', async (file) => {
		const path = join(ROOT, file);
		expect(existsSync(path)).toBe(true);
		const exports = (await import(path)) as Record<string, new () => ICredentialType>;
		const [CredentialClass] = Object.values(exports);
		const credential = new CredentialClass();
		expect(iconFiles(credential.icon).length).toBeGreaterThan(0);
		for (const icon of iconFiles(credential.icon)) {
			expect(existsSync(join(dirname(path), icon))).toBe(true);
		}
	});
});
