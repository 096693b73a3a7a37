import type {
	ExecutionStatus,
	IExecuteResponsePromiseData,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { jsonParse, jsonStringify } from 'n8n-workflow';

/** One run of a workflow as a test sees it: the first run, or a resumption after a wait. */
export interface Execution {
	id: string;
	run: IRun;
	/** `run.status`: 'waiting' after a node called putExecutionToWait, else 'success', 'error'… */
	status: ExecutionStatus;
	waitTill?: Date;
	/** What nodes sent with `sendResponse` during this run, in order. */
	responses: IExecuteResponsePromiseData[];
	/** Output items of a node (the last node by default), first output, first run. */
	output(nodeName?: string): INodeExecutionData[];
	/** The error that stopped the execution, if any. */
	error: IRun['data']['resultData']['error'];
}

export function toExecution(
	id: string,
	run: IRun,
	responses: IExecuteResponsePromiseData[],
): Execution {
	const lastNode = run.data.resultData.lastNodeExecuted ?? '';
	return {
		id,
		run,
		status: run.status,
		waitTill: run.waitTill ?? undefined,
		responses,
		error: run.data.resultData.error,
		output: (nodeName = lastNode) =>
			run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
	};
}

/** A row of n8n's executions table, with the columns the waiting machinery reads. */
export interface StoredExecution {
	id: string;
	mode: WorkflowExecuteMode;
	status: ExecutionStatus;
	finished: boolean;
	data: IRunExecutionData;
	workflowData: IWorkflowBase;
	waitTill?: Date | null;
}

/**
 * The executions table in memory. Rows are stored serialized and every read returns a fresh
 * copy, as n8n's database does: a resumed execution never shares objects with the first run
 * (the waiting node that n8n disables is the copy in the execution stack, not the workflow's).
 */
export class ExecutionStore {
	private readonly rows = new Map<string, string>();

	save(row: StoredExecution): void {
		this.rows.set(row.id, jsonStringify(row, { replaceCircularRefs: true }));
	}

	find(id: string): StoredExecution | undefined {
		const row = this.rows.get(id);
		if (row === undefined) return undefined;
		const stored = jsonParse<StoredExecution>(row);
		// A date column; inside the data blob (data.waitTill) it stays a string, as in n8n.
		return { ...stored, waitTill: stored.waitTill ? new Date(stored.waitTill) : null };
	}

	/**
	 * Marks a waiting execution as running with the data it resumes with; false when it is not
	 * waiting (any more): n8n's ActiveExecutions.add with `expectedStatus: 'waiting'`.
	 */
	claimWaiting(id: string, data: IRunExecutionData): boolean {
		const row = this.find(id);
		if (row?.status !== 'waiting') return false;
		this.save({ ...row, data, status: 'running', waitTill: null });
		return true;
	}
}
