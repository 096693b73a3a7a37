import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { ACCOUNT, DATABASE, PASSWORD } from '../test/helpers/filemaker';

export const LOGIN_PER_EXECUTION = 'bench.loginPerExecution';

/**
 * The baseline: what n8n's built-in FileMaker node does on every execution (measured in
 * n8n 2.41.1): log in, make the request, log out. Benchmark-only; takes the server URL as a
 * parameter.
 */
export class LoginPerExecution implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Login Per Execution (baseline)',
		name: 'loginPerExecution',
		group: ['transform'],
		version: 1,
		description: 'Logs in, finds, logs out',
		defaults: { name: 'Baseline' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Server URL', name: 'serverUrl', type: 'string', default: '' },
			{ displayName: 'Query', name: 'query', type: 'json', default: '[]' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const serverUrl = this.getNodeParameter('serverUrl', 0) as string;
		const query = JSON.parse(this.getNodeParameter('query', 0) as string) as object[];
		const base = `${serverUrl}/fmi/data/vLatest/databases/${DATABASE}`;
		const login = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${base}/sessions`,
			auth: { username: ACCOUNT, password: PASSWORD },
			body: {},
			json: true,
		})) as { response: { token: string } };
		const token = login.response.token;
		try {
			const found = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${base}/layouts/Contacts/_find`,
				headers: { Authorization: `Bearer ${token}` },
				body: { query, limit: '1000' },
				json: true,
			})) as { response: { data: Array<{ fieldData: object; recordId: string }> } };
			return [
				found.response.data.map((record) => ({
					json: { recordId: record.recordId, ...record.fieldData },
				})),
			];
		} finally {
			await this.helpers.httpRequest({ method: 'DELETE', url: `${base}/sessions/${token}` });
		}
	}
}
