import { createHash } from 'node:crypto';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import type { MicrosoftSandboxes, MicrosoftSandboxesOptions } from '../../sandbox/microsoft';
import { MICROSOFT_DEMO, startMicrosoftSandboxes } from '../../sandbox/microsoft';
import type { RunningServer } from '../../sandbox/shared/http-server';
import { startHttpServer } from '../../sandbox/shared/http-server';
import type { Execution, NodeUnderTest } from '../engine/engine';
import { Engine } from '../engine/engine';
import { MICROSOFT_GRAPH_MAIL } from '../engine/node-types';

export const GRAPH_CREDENTIAL = { id: 'graph-app', name: 'Microsoft Graph sandbox' };
export const { ada, grace, invoices } = MICROSOFT_DEMO.mailboxes;

/** A Microsoft Graph App credential pointing at the sandboxes (secret authentication). */
export function graphCredentialData(
	sandboxes: MicrosoftSandboxes,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		tenantId: MICROSOFT_DEMO.tenantId,
		clientId: MICROSOFT_DEMO.clientId,
		authentication: 'secret',
		clientSecret: MICROSOFT_DEMO.clientSecret,
		nationalCloud: 'global',
		identityEndpoint: sandboxes.identity.url,
		graphEndpoint: sandboxes.graph.url,
		...overrides,
	};
}

export interface GraphBed {
	sandboxes: MicrosoftSandboxes;
	engine: Engine;
	/** A Microsoft Graph Mail node with the sandbox credential, in the invoices mailbox. */
	node(parameters: INodeParameters, extra?: Partial<NodeUnderTest>): NodeUnderTest;
	/** Runs one Graph Mail node (in the invoices mailbox unless `mailbox` is given). */
	run(
		parameters: INodeParameters,
		options?: { input?: INodeExecutionData[]; extra?: Partial<NodeUnderTest> },
	): Promise<Execution>;
	stored(): Promise<ICredentialDataDecryptedObject>;
	/** Replaces the stored credential (the builder saved the credential dialog). */
	editCredential(changes: ICredentialDataDecryptedObject): Promise<void>;
	close(): Promise<void>;
}

export async function startGraphBed(
	options: MicrosoftSandboxesOptions & { credential?: ICredentialDataDecryptedObject } = {},
): Promise<GraphBed> {
	const sandboxes = await startMicrosoftSandboxes(options);
	const engine = new Engine();
	await engine.addCredential(
		GRAPH_CREDENTIAL.id,
		'microsoftGraphAppApi',
		graphCredentialData(sandboxes, options.credential),
	);
	const node = (parameters: INodeParameters, extra: Partial<NodeUnderTest> = {}) => ({
		type: MICROSOFT_GRAPH_MAIL,
		name: 'Mail',
		parameters: { mailbox: invoices.address, ...parameters },
		credentials: { microsoftGraphAppApi: GRAPH_CREDENTIAL },
		...extra,
	});
	const stored = async () => await engine.credentials.stored(GRAPH_CREDENTIAL.id);
	return {
		sandboxes,
		engine,
		node,
		run: async (parameters, { input, extra } = {}) =>
			await engine.run({ input, nodes: [node(parameters, extra)] }),
		stored,
		editCredential: async (changes) =>
			await engine.credentials.add(GRAPH_CREDENTIAL.id, 'microsoftGraphAppApi', {
				...(await stored()),
				...changes,
			}),
		close: async () => await sandboxes.close(),
	};
}

/** The JSON of a run's output items (the last node's). */
export function jsonOf(execution: Execution, nodeName?: string): IDataObject[] {
	return execution.output(nodeName).map((item) => item.json);
}

/** A resource locator value for a folder, by ID or well-known name. */
export function folderById(value: string) {
	return { __rl: true, mode: 'id', value };
}

export interface FileSpec {
	bytes: Buffer;
	fileName: string;
	mimeType: string;
}

/** An input item whose binary properties hold these files. */
export function itemWithFiles(files: Record<string, FileSpec>): INodeExecutionData {
	return {
		json: {},
		binary: Object.fromEntries(
			Object.entries(files).map(([property, file]) => [
				property,
				{ data: file.bytes.toString('base64'), fileName: file.fileName, mimeType: file.mimeType },
			]),
		),
	};
}

/** The bytes of a binary property in an output item (n8n keeps them in its binary store). */
export async function bytesOf(binary: IBinaryData | undefined): Promise<Buffer> {
	if (!binary) throw new Error('No such binary property');
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

export function sha256(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A gateway in front of the Graph sandbox that passes every request and answer on unchanged,
 * except that `@odata.nextLink`s point at `elsewhere`: a Graph answer as a compromised or
 * misconfigured gateway could craft it.
 */
export async function startNextLinkRewriter(
	graphUrl: string,
	elsewhere: string,
): Promise<RunningServer> {
	return await startHttpServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const headers = Object.fromEntries(
				Object.entries(req.headers).filter(
					([name]) => !['host', 'connection', 'content-length'].includes(name),
				),
			) as Record<string, string>;
			void fetch(`${graphUrl}${req.url}`, {
				method: req.method,
				headers,
				body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
			}).then(async (answer) => {
				const body = (await answer.text()).replace(
					/("@odata\.nextLink":")https?:\/\/[^/"]+/g,
					`$1${elsewhere}`,
				);
				res
					.writeHead(answer.status, {
						'Content-Type': answer.headers.get('content-type') ?? 'application/json',
					})
					.end(body);
			});
		});
	});
}
