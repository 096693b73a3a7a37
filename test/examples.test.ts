import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import type { WorkflowData } from './engine/engine';
import { Engine } from './engine/engine';
import {
	FILEMAKER_DATA_API,
	FILEMAKER_ODATA,
	FILEMAKER_SIGN_IN,
	MICROSOFT_GRAPH_MAIL,
	MICROSOFT_GRAPH_MAIL_TRIGGER,
	TestNodeTypes,
} from './engine/node-types';
import { credentialData } from './helpers/filemaker';
import { DATABASE } from './helpers/filemaker';
import { startCloudSandboxes } from '../sandbox/cloud';
import { startFileMakerSandbox } from '../sandbox/filemaker';
import { cloudCredentialData } from './helpers/filemaker-cloud';

const EXAMPLES = join(__dirname, '..', 'examples');
const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));
const load = (file: string) =>
	JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as WorkflowData & { id: string };
const nodeTypes = new TestNodeTypes();

/** The credentials the e2e run imports; examples refer to them by id and name. */
const SANDBOX_CREDENTIALS: Record<string, { id: string; name: string }> = {
	fileMakerServerApi: { id: 'fmSandboxCred001', name: 'FileMaker sandbox' },
	fileMakerCloudApi: { id: 'fmCloudCred001', name: 'FileMaker Cloud sandbox' },
	fileMakerServerOAuthApi: { id: 'fmOAuthCred00001', name: 'FileMaker OAuth sandbox' },
	microsoftGraphAppApi: { id: 'msGraphAppCred01', name: 'Microsoft Graph sandbox' },
	microsoftGraphDelegatedOAuth2Api: {
		id: 'msGraphDelegCr01',
		name: 'Microsoft Graph (Ada, delegated)',
	},
};

describe('examples/', () => {
	it.each(files)('%s: our nodes use a sandbox credential and have no parameter issues', (file) => {
		const workflow = load(file);
		expect(workflow.id).toMatch(/^[A-Za-z0-9]{16}$/);
		const ours = workflow.nodes.filter((node: INode) =>
			[
				FILEMAKER_DATA_API,
				FILEMAKER_ODATA,
				FILEMAKER_SIGN_IN,
				MICROSOFT_GRAPH_MAIL,
				MICROSOFT_GRAPH_MAIL_TRIGGER,
			].includes(node.type),
		);
		expect(ours.length).toBeGreaterThan(0);
		for (const node of ours) {
			const credentialType =
				node.type === FILEMAKER_SIGN_IN
					? 'fileMakerServerOAuthApi'
					: String(
							node.parameters.authentication ??
								(node.type === MICROSOFT_GRAPH_MAIL || node.type === MICROSOFT_GRAPH_MAIL_TRIGGER
									? 'microsoftGraphAppApi'
									: 'fileMakerServerApi'),
						);
			expect(node.credentials).toEqual({ [credentialType]: SANDBOX_CREDENTIALS[credentialType] });
			const { description } = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			const parameters = NodeHelpers.getNodeParameters(
				description.properties,
				node.parameters,
				true,
				false,
				node,
				description,
			);
			const issues = NodeHelpers.getNodeParametersIssues(
				description.properties,
				{ ...node, parameters: parameters ?? {} },
				description,
			);
			expect({ node: node.name, issues }).toEqual({ node: node.name, issues: null });
		}
	});

	it("runs the demo workflow in n8n's engine: created, then updated, with one login", async () => {
		const fm = await startFileMakerSandbox();
		try {
			const engine = new Engine();
			await engine.addCredential('fmSandboxCred001', 'fileMakerServerApi', credentialData(fm));
			const workflow = load('demo-upsert-and-script.json');
			const first = await engine.runWorkflow(workflow);
			const second = await engine.runWorkflow(workflow);
			expect(first.output('Upsert contact')[0].json.action).toBe('created');
			expect(second.output('Upsert contact')[0].json.action).toBe('updated');
			expect(second.output('Log the webhook')[0].json).toMatchObject({
				scriptResult: 'logged',
				scriptError: '0',
			});
			const byEmail = fm.store
				.records(DATABASE, 'Contacts')
				.filter((record) => record.fields.email === 'ada.byron@example.com');
			expect(byEmail).toHaveLength(1);
			expect(fm.counters.logins).toBe(1);
		} finally {
			await fm.close();
		}
	});

	it("runs the FileMaker Cloud example in n8n's engine: one FileMaker ID sign-in, the customers found", async () => {
		const cloud = await startCloudSandboxes();
		try {
			const engine = new Engine();
			await engine.addCredential('fmCloudCred001', 'fileMakerCloudApi', cloudCredentialData(cloud));
			const workflow = load('cloud-find-customers.json');
			const first = await engine.runWorkflow(workflow);
			const second = await engine.runWorkflow(workflow);
			const customers = cloud.fm.store
				.records(DATABASE, 'Contacts')
				.filter((record) => record.fields.status === 'Customer');
			expect(customers.length).toBeGreaterThan(0);
			for (const execution of [first, second]) {
				expect(execution.output('Find customers on FileMaker Cloud')).toHaveLength(
					customers.length,
				);
			}
			expect(cloud.cognito.counters.srpLogins).toBe(1);
			expect(cloud.fm.counters.logins).toBe(1);
		} finally {
			await cloud.close();
		}
	});

	it("runs the OData example's query in n8n's engine: customers scoring 50 or more, best first", async () => {
		const fm = await startFileMakerSandbox();
		try {
			const engine = new Engine();
			await engine.addCredential('fmSandboxCred001', 'fileMakerServerApi', credentialData(fm));
			// The Code node that summarises runs in the real-n8n e2e; the engine here has our nodes.
			const workflow = load('odata-customers-summary.json');
			workflow.nodes = workflow.nodes.filter((node) => node.name !== 'Summarise');
			delete workflow.connections['Query customers (OData)'];
			const execution = await engine.runWorkflow(workflow);
			const expected = fm.store
				.records(DATABASE, 'Contacts')
				.filter(
					(record) => record.fields.status === 'Customer' && Number(record.fields.score) >= 50,
				)
				.sort((a, b) => Number(b.fields.score) - Number(a.fields.score))
				.map((record) => record.fields.id);
			expect(execution.output('Query customers (OData)').map((item) => item.json.id)).toEqual(
				expected,
			);
			expect(fm.counters.logins).toBe(0);
		} finally {
			await fm.close();
		}
	});
});
