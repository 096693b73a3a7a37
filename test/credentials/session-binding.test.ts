import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { FileMakerFixture, FileMakerSandbox } from '../../sandbox/filemaker';
import { startFileMakerSandbox } from '../../sandbox/filemaker';
import { loadFixture } from '../../sandbox/filemaker/load-fixture';
import { startCaptureServer } from '../../sandbox/shared/capture-server';
import { Engine } from '../engine/engine';
import { CREDENTIAL_TEST_NODE, credentialTestNode } from '../helpers/credential-test-node';
import { CREDENTIAL_ID, credentialData, layout } from '../helpers/filemaker';

const SECOND_ACCOUNT = { name: 'reporter', password: 'reporter-password' };
const SECOND_DATABASE = 'Contacts Archive';

/** The demo file plus a second account and a second database, so every field can be edited. */
function fixture(): FileMakerFixture {
	const demo = loadFixture();
	const contacts = demo.databases[0];
	const withAccount = {
		...contacts,
		accounts: [
			...contacts.accounts,
			{ ...contacts.accounts[0], name: SECOND_ACCOUNT.name, password: SECOND_ACCOUNT.password },
		],
	};
	return {
		...demo,
		databases: [withAccount, { ...withAccount, name: SECOND_DATABASE }],
	};
}

const getOne = {
	resource: 'record',
	operation: 'getMany',
	layout: layout('Contacts'),
	limit: 1,
};

describe('A session token belongs to the settings that opened it', () => {
	let fm: FileMakerSandbox;
	let other: FileMakerSandbox;
	let engine: Engine;

	beforeEach(async () => {
		fm = await startFileMakerSandbox({ fixture: fixture() });
		other = await startFileMakerSandbox({ fixture: fixture() });
		engine = new Engine({ [CREDENTIAL_TEST_NODE]: credentialTestNode });
		await engine.addCredential(CREDENTIAL_ID, 'fileMakerServerApi', credentialData(fm));
	});

	afterEach(async () => {
		await fm.close();
		await other.close();
	});

	const node = {
		parameters: getOne,
		credentials: { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'FileMaker sandbox' } },
	};

	/** What n8n does when a builder edits a credential: the hidden fields stay as they were. */
	async function edit(changes: ICredentialDataDecryptedObject) {
		const stored = await engine.credentials.stored(CREDENTIAL_ID);
		await engine.addCredential(CREDENTIAL_ID, 'fileMakerServerApi', { ...stored, ...changes });
	}

	async function storedToken(): Promise<string> {
		return String((await engine.credentials.stored(CREDENTIAL_ID)).sessionToken);
	}

	const edits: Array<[string, () => ICredentialDataDecryptedObject, () => FileMakerSandbox]> = [
		['server URL', () => ({ serverUrl: other.url }), () => other],
		['database', () => ({ database: SECOND_DATABASE }), () => fm],
		[
			'account',
			() => ({ account: SECOND_ACCOUNT.name, password: SECOND_ACCOUNT.password }),
			() => fm,
		],
		['Data API version', () => ({ apiVersion: 'v2' }), () => fm],
		['certificate setting', () => ({ allowSelfSigned: true }), () => fm],
	];

	it.each(edits)(
		'after an edit of the %s, the old token is never sent again: it is logged out and a new login happens',
		async (_field, changes, serverAfterEdit) => {
			const first = await engine.run({ nodes: [node] });
			expect(first.error).toBeUndefined();
			const oldToken = await storedToken();
			expect(fm.sessions.isOpen(oldToken)).toBe(true);
			const target = serverAfterEdit();
			const mark = fm.authLog.mark();
			const loginsBefore = target.counters.logins;

			await edit(changes());
			const second = await engine.run({ nodes: [node] });

			expect(second.error).toBeUndefined();
			expect(second.output()).toHaveLength(1);
			const newToken = await storedToken();
			expect(newToken).not.toBe(oldToken);
			expect(target.counters.logins).toBe(loginsBefore + 1);
			// After the edit it went only into its own server's logout URL, never into a header.
			expect(fm.authLog.presented({ token: oldToken, since: mark })).toEqual([]);
			expect(other.authLog.wasPresented(oldToken)).toBe(false);
			expect(fm.sessions.isOpen(oldToken)).toBe(false);
			expect(fm.counters.logouts).toBe(1);
		},
	);

	it('keeps the session when nothing that opened it changed (here: the timeout)', async () => {
		await engine.run({ nodes: [node] });
		const token = await storedToken();
		await edit({ timeoutSeconds: 30 });
		const execution = await engine.run({ nodes: [node] });
		expect(execution.error).toBeUndefined();
		expect(await storedToken()).toBe(token);
		expect(fm.counters.logins).toBe(1);
	});

	it("sends no token from other settings even through the credential's own authenticate", async () => {
		await engine.run({ nodes: [node] });
		const oldToken = await storedToken();
		await edit({ serverUrl: other.url });
		// The credential test does not pass through the node's transport: only authenticate guards it.
		const tested = await engine.run({
			nodes: [{ ...node, type: CREDENTIAL_TEST_NODE, parameters: {} }],
		});
		expect(tested.error).toBeUndefined();
		expect(other.authLog.wasPresented(oldToken)).toBe(false);
		expect(other.counters.logins).toBe(1);
	});
});

describe('The credential test', () => {
	it('logs in, then logs out the session it opened', async () => {
		const fm = await startFileMakerSandbox();
		const engine = new Engine({ [CREDENTIAL_TEST_NODE]: credentialTestNode });
		try {
			await engine.addCredential(CREDENTIAL_ID, 'fileMakerServerApi', credentialData(fm));
			const test = {
				type: CREDENTIAL_TEST_NODE,
				parameters: {},
				credentials: { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'FileMaker sandbox' } },
			};
			const execution = await engine.run({ nodes: [test] });
			expect(execution.error).toBeUndefined();
			expect(fm.counters.logins).toBe(1);
			expect(fm.counters.logouts).toBe(1);
			expect(fm.sessions.activeCount()).toBe(0);

			// The next execution finds the token logged out: one new login, no error.
			const next = await engine.run({
				nodes: [{ ...test, type: undefined, parameters: getOne }],
			});
			expect(next.error).toBeUndefined();
			expect(fm.counters.logins).toBe(2);
		} finally {
			await fm.close();
		}
	});

	it.each(['login', 'logout'] as const)(
		'sends nothing along a redirect to another host (at %s)',
		async (endpoint) => {
			const fm = await startFileMakerSandbox();
			const elsewhere = await startCaptureServer();
			const engine = new Engine({ [CREDENTIAL_TEST_NODE]: credentialTestNode });
			try {
				await engine.addCredential(CREDENTIAL_ID, 'fileMakerServerApi', credentialData(fm));
				fm.faults.redirectNext({ location: `${elsewhere.url}/steal`, endpoint });
				const execution = await engine.run({
					nodes: [
						{
							type: CREDENTIAL_TEST_NODE,
							parameters: {},
							credentials: { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'x' } },
						},
					],
				});
				expect(execution.error).toBeDefined();
				expect(elsewhere.requests).toEqual([]);
			} finally {
				await fm.close();
				await elsewhere.close();
			}
		},
	);

	it('fails with FileMaker error 212 for a wrong password', async () => {
		const fm = await startFileMakerSandbox();
		const engine = new Engine({ [CREDENTIAL_TEST_NODE]: credentialTestNode });
		try {
			await engine.addCredential(
				CREDENTIAL_ID,
				'fileMakerServerApi',
				credentialData(fm, { password: 'wrong' }),
			);
			const execution = await engine.run({
				nodes: [
					{
						type: CREDENTIAL_TEST_NODE,
						parameters: {},
						credentials: { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'x' } },
					},
				],
			});
			expect(JSON.stringify(execution.error)).toMatch(/212/);
			expect(fm.sessions.activeCount()).toBe(0);
		} finally {
			await fm.close();
		}
	});
});
