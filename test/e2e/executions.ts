import { parse } from 'flatted';
import type { INodeExecutionData, IRunExecutionData } from 'n8n-workflow';

import type { RunningN8n } from './n8n-runtime';

export interface StoredExecution {
	id: string;
	status: string;
	data: IRunExecutionData;
	/** Output items of a node, first output, last run. */
	output(node: string): INodeExecutionData[];
}

/**
 * The newest finished execution of a workflow, read from n8n's REST API as the editor reads
 * it (its data is stored in the `flatted` format). Waits until one newer than `afterId` ends.
 */
export async function latestExecution(
	n8n: RunningN8n,
	cookie: string,
	workflowId: string,
	afterId = 0,
): Promise<StoredExecution> {
	const giveUpAt = Date.now() + 30_000;
	while (Date.now() < giveUpAt) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const list = (await (
			await fetch(`${n8n.url}/rest/executions?filter=${filter}&limit=1`, {
				headers: { Cookie: cookie },
			})
		).json()) as { data: { results: Array<{ id: string; status: string }> } };
		const newest = list.data.results[0];
		if (
			newest &&
			Number(newest.id) > afterId &&
			!['running', 'new', 'waiting'].includes(newest.status)
		) {
			const stored = (await (
				await fetch(`${n8n.url}/rest/executions/${newest.id}`, { headers: { Cookie: cookie } })
			).json()) as { data: { id: string; status: string; data: string } };
			const data = parse(stored.data.data) as IRunExecutionData;
			return {
				id: stored.data.id,
				status: stored.data.status,
				data,
				output: (node) => {
					const runs = data.resultData.runData[node] ?? [];
					return runs[runs.length - 1]?.data?.main?.[0] ?? [];
				},
			};
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
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = (await (
		await fetch(`${n8n.url}/rest/executions?filter=${filter}&limit=1`, {
			headers: { Cookie: cookie },
		})
	).json()) as { data: { results: Array<{ id: string }> } };
	return Number(list.data.results[0]?.id ?? 0);
}
