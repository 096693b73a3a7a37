import { parse } from 'flatted';
import type { INodeExecutionData, IRunExecutionData } from 'n8n-workflow';

import type { RunningN8n } from './n8n-runtime';

export interface StoredExecution {
	id: string;
	status: string;
	mode: string;
	startedAt: string;
	data: IRunExecutionData;
	/** Output items of a node, first output, last run. */
	output(node: string): INodeExecutionData[];
}

/** An entry of n8n's execution list (no run data). */
export interface ListedExecution {
	id: string;
	status: string;
}

const UNFINISHED = ['running', 'new', 'waiting'];

/** The executions of a workflow, newest first, as the editor's execution list shows them. */
export async function listExecutions(
	n8n: RunningN8n,
	cookie: string,
	workflowId: string,
	limit = 1,
): Promise<ListedExecution[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const response = await fetch(`${n8n.url}/rest/executions?filter=${filter}&limit=${limit}`, {
		headers: { Cookie: cookie },
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`n8n's execution list: HTTP ${response.status} ${text}`);
	return (JSON.parse(text) as { data: { results: ListedExecution[] } }).data.results;
}

export function isFinished(execution: ListedExecution): boolean {
	return !UNFINISHED.includes(execution.status);
}

/** One execution with its data, read from n8n's REST API (stored in the `flatted` format). */
export async function readExecution(
	n8n: RunningN8n,
	cookie: string,
	id: string,
): Promise<StoredExecution> {
	const stored = (await (
		await fetch(`${n8n.url}/rest/executions/${id}`, { headers: { Cookie: cookie } })
	).json()) as {
		data: { id: string; status: string; mode: string; startedAt: string; data: string };
	};
	const data = parse(stored.data.data) as IRunExecutionData;
	return {
		id: stored.data.id,
		status: stored.data.status,
		mode: stored.data.mode,
		startedAt: stored.data.startedAt,
		data,
		output: (node) => {
			const runs = data.resultData.runData[node] ?? [];
			return runs[runs.length - 1]?.data?.main?.[0] ?? [];
		},
	};
}

/**
 * The newest finished execution of a workflow, read from n8n's REST API as the editor reads
 * it. Waits until one newer than `afterId` ends.
 */
export async function latestExecution(
	n8n: RunningN8n,
	cookie: string,
	workflowId: string,
	afterId = 0,
): Promise<StoredExecution> {
	const giveUpAt = Date.now() + 30_000;
	while (Date.now() < giveUpAt) {
		const [newest] = await listExecutions(n8n, cookie, workflowId);
		if (newest && Number(newest.id) > afterId && isFinished(newest)) {
			return await readExecution(n8n, cookie, newest.id);
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
	throw new Error(`No finished execution of workflow ${workflowId} after #${afterId}`);
}

/** The id of the newest execution of a workflow, whatever its status (0 if none). */
export async function newestExecutionId(
	n8n: RunningN8n,
	cookie: string,
	workflowId: string,
): Promise<number> {
	const [newest] = await listExecutions(n8n, cookie, workflowId);
	return Number(newest?.id ?? 0);
}
