import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import { MICROSOFT_DEMO } from '../../../sandbox/microsoft';
import { MicrosoftGraphMail } from '../../../nodes/MicrosoftGraphMail/MicrosoftGraphMail.node';
import type { Execution } from '../../engine/engine';
import type { GraphBed } from '../../helpers/microsoft';
import {
	ada,
	graphCredentialData,
	invoices,
	itemWithFiles,
	startGraphBed,
} from '../../helpers/microsoft';

const WRONG_SECRET = 'sandbox~wrong-secret.5555555555';

/** Everything written to the console, stdout/stderr and n8n's loggers while `work` runs. */
async function capturingLogs(work: () => Promise<void>): Promise<string[]> {
	const logged: string[] = [];
	const text = (args: unknown[]) =>
		args
			.map((arg) => (typeof arg === 'string' ? arg : (JSON.stringify(arg) ?? String(arg))))
			.join(' ');
	const spies = [
		...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((level) =>
			jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
				logged.push(text(args));
			}),
		),
		jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
			logged.push(String(chunk));
			return true;
		}),
		jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
			logged.push(String(chunk));
			return true;
		}),
		// n8n's own Logger (every scoped instance logs through log()).
		jest
			.spyOn(Logger.prototype as unknown as { log(...args: unknown[]): void }, 'log')
			.mockImplementation(function (this: Logger, ...args: unknown[]) {
				logged.push(text(args));
			}),
	];
	const record = (message: string, meta?: object) => logged.push(text([message, meta]));
	LoggerProxy.init({ error: record, warn: record, info: record, debug: record });
	try {
		// One line through each channel, to show that each is captured.
		console.warn('canary:console');
		LoggerProxy.warn('canary:proxy');
		Container.get(Logger).scoped('push').warn('canary:logger');
		process.stderr.write('canary:stderr');
		await work();
	} finally {
		for (const spy of spies) spy.mockRestore();
	}
	return logged;
}

describe('Microsoft Graph Mail: no secret, key or token in output, errors or logs', () => {
	let bed: GraphBed;
	afterEach(async () => await bed.close());

	it('across successes, Graph errors, the 401 path, refused tokens, transport failures and credential tests', async () => {
		bed = await startGraphBed({ credential: { timeoutSeconds: 1 } });
		const { graph, identity, certificate } = bed.sandboxes;
		const id = graph.mail.deliver({
			subject: 'Invoice 42',
			to: [invoices.address],
			attachments: [{ name: 'a.txt', content: 'attached' }],
		}).id;
		const executions: Execution[] = [];
		const testResults: unknown[] = [];
		const run = async (parameters: INodeParameters, continueOnFail = false) => {
			executions.push(
				await bed.run(parameters, {
					extra: { continueOnFail },
					input: [
						itemWithFiles({
							data: { bytes: Buffer.from('pdf'), fileName: 'a.pdf', mimeType: 'application/pdf' },
						}),
					],
				}),
			);
		};
		const credentialTest = async (overrides: ICredentialDataDecryptedObject) =>
			testResults.push(
				await new MicrosoftGraphMail().methods.credentialTest.microsoftGraphAppToken.call(
					new CredentialTestContext(),
					{
						id: 'x',
						name: 'x',
						type: 'microsoftGraphAppApi',
						data: graphCredentialData(bed.sandboxes, overrides),
					},
				),
			);
		const get = { resource: 'message', operation: 'get', messageId: id };

		const logged = await capturingLogs(async () => {
			await run({
				resource: 'message',
				operation: 'send',
				toRecipients: ada.address,
				subject: 'x',
				additionalFields: { attachments: 'data' },
			});
			await run({ ...get, options: { downloadAttachments: true } });
			await run({ ...get, messageId: 'AAMkAGnotthere=' });
			await run({ ...get, messageId: 'AAMkAGnotthere=' }, true);
			await run({ ...get, mailbox: 'grace@contoso.example' }, true);
			graph.faults.failNext({ status: 401, endpoint: 'get' }); // n8n's 401 path: a new token
			await run(get);
			// Rejected on the kept-alive connection, through n8n's helper, and after a new token.
			graph.faults.failNext({ status: 401, count: 3 });
			await run(get);
			graph.faults.dropNext({ count: 2 });
			await run(get);
			graph.faults.hangNext();
			await run(get);
			graph.faults.redirectNext({ location: 'http://127.0.0.1:9/elsewhere' });
			await run(get);
			await bed.editCredential({ clientSecret: WRONG_SECRET });
			await run(get);
			await run(get, true);
			await bed.editCredential({
				authentication: 'certificate',
				privateKey: certificate.privateKeyPem,
				certificate: certificate.certificatePem,
			});
			await run(get);
			await bed.editCredential({ certificate: '', thumbprint: 'ab'.repeat(32) });
			await run(get);
			await bed.editCredential({
				authentication: 'secret',
				identityEndpoint: 'http://127.0.0.1:9',
			});
			await run(get);
			identity.apps.expireSecret(MICROSOFT_DEMO.clientId, { index: 0 });
			await credentialTest({});
			await credentialTest({ clientSecret: WRONG_SECRET });
			await credentialTest({ identityEndpoint: 'http://127.0.0.1:9' });
			await credentialTest({
				authentication: 'certificate',
				privateKey: certificate.privateKeyPem,
				certificate: certificate.certificatePem,
			});
		});

		// The runs did what they were meant to: a success, a 401 retry, failures of each kind.
		const failedRuns = executions.flatMap((execution, index) => (execution.error ? [index] : []));
		expect(failedRuns).toEqual([2, 6, 7, 8, 9, 10, 13, 14]);
		expect(graph.counters.event('unauthorized')).toBeGreaterThanOrEqual(3);
		expect(testResults).toEqual([
			expect.objectContaining({ status: 'Error' }),
			expect.objectContaining({ status: 'Error' }),
			expect.objectContaining({ status: 'Error' }),
			expect.objectContaining({ status: 'OK' }),
		]);

		for (const channel of ['console', 'proxy', 'logger', 'stderr']) {
			expect(logged.some((line) => line.includes(`canary:${channel}`))).toBe(true);
		}
		const tokens = graph.authLog.bearerTokens();
		expect(tokens.length).toBeGreaterThanOrEqual(3);
		const keyLines = certificate.privateKeyPem
			.split('\n')
			.filter((line) => line.length >= 40 && !line.startsWith('-----'));
		expect(keyLines.length).toBeGreaterThan(10);
		const secrets = [MICROSOFT_DEMO.clientSecret, WRONG_SECRET, ...keyLines, ...tokens];
		const everything = [
			...executions.flatMap((execution) => [
				JSON.stringify(execution.run.data),
				JSON.stringify(execution.error),
				String(execution.error?.message),
				String(execution.error?.description),
				String(execution.error?.stack),
			]),
			JSON.stringify(testResults),
			...logged,
		].join('\n');
		expect(everything.length).toBeGreaterThan(10_000);
		for (const secret of secrets) {
			expect(everything.includes(secret) ? secret.slice(0, 12) : undefined).toBeUndefined();
		}
		// The token is not even partly there: no JWT-shaped string at all.
		expect(everything).not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}/);
	}, 30_000);
});
