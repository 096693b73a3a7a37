import type { INode } from 'n8n-workflow';

import type { MicrosoftSandboxes } from '../../sandbox/microsoft';
import { MICROSOFT_DEMO } from '../../sandbox/microsoft';
import type { StoredExecution } from './executions';
import { isFinished, listExecutions, readExecution } from './executions';
import type { RunningN8n } from './n8n-runtime';
import { GRAPH_CREDENTIAL } from './workspace';

export const TRIGGER_NODE = 'New invoice mail';
const { invoices } = MICROSOFT_DEMO.mailboxes;

const sleep = async (ms: number) => await new Promise((resolveWait) => setTimeout(resolveWait, ms));

/**
 * A workflow with only the Mail Trigger on a folder of the invoices mailbox, polled every minute.
 * (Its own folder: the email-to-FileMaker example watches the inbox and moves mail out of it.)
 */
export function mailTriggerWorkflow(name: string, folderId: string) {
	const trigger: INode = {
		id: '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
		name: TRIGGER_NODE,
		type: 'n8n-nodes-filemaker-graph.microsoftGraphMailTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			authentication: 'microsoftGraphAppApi',
			pollTimes: { item: [{ mode: 'everyMinute' }] },
			mailbox: invoices.address,
			folder: { __rl: true, mode: 'id', value: folderId },
			filters: {},
			output: 'simplified',
			options: {},
		},
		credentials: { microsoftGraphAppApi: GRAPH_CREDENTIAL },
	};
	return {
		name,
		nodes: [trigger],
		connections: {},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

async function rest<T>(
	n8n: RunningN8n,
	cookie: string,
	method: 'GET' | 'POST',
	path: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${n8n.url}/rest${path}`, {
		method,
		headers: { 'Content-Type': 'application/json', Cookie: cookie },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} /rest${path}: HTTP ${response.status} ${text}`);
	return (JSON.parse(text) as { data: T }).data;
}

/** Saves a workflow as the editor does (inactive) and returns its id and version. */
export async function createWorkflow(
	n8n: RunningN8n,
	cookie: string,
	workflow: ReturnType<typeof mailTriggerWorkflow>,
): Promise<{ id: string; versionId: string }> {
	return await rest(n8n, cookie, 'POST', '/workflows', workflow);
}

export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

/**
 * Waits until n8n has applied a publication. n8n 2.41.1 answers the editor's Publish (and
 * Unpublish) before the triggers change: an outbox consumer applies it a moment later, and a
 * polling trigger is active only after its first poll, which runs then. A trigger that fails
 * that poll shows up here, not in the answer to activate.
 */
async function settledPublication(
	n8n: RunningN8n,
	cookie: string,
	workflowId: string,
	settled: (status: PublicationStatus['status']) => boolean,
): Promise<PublicationStatus> {
	const giveUpAt = Date.now() + 60_000;
	for (;;) {
		const publication = await rest<PublicationStatus>(
			n8n,
			cookie,
			'GET',
			`/workflows/${workflowId}/publication-status`,
		);
		if (settled(publication.status)) return publication;
		if (Date.now() > giveUpAt) {
			throw new Error(`The publication did not settle: ${JSON.stringify(publication)}`);
		}
		await sleep(100);
	}
}

/** A saved workflow's id and current version, as the editor's Publish button sends them. */
export async function savedWorkflow(
	n8n: RunningN8n,
	cookie: string,
	id: string,
): Promise<{ id: string; versionId: string }> {
	const { versionId } = await rest<{ versionId: string }>(n8n, cookie, 'GET', `/workflows/${id}`);
	return { id, versionId };
}

/** Resolves once `ready()` holds, checking every 250 ms; fails with `what` after `timeoutMs`. */
export async function eventually(
	ready: () => boolean,
	timeoutMs: number,
	what: string,
): Promise<void> {
	const giveUpAt = Date.now() + timeoutMs;
	while (!ready()) {
		if (Date.now() > giveUpAt) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
		await sleep(250);
	}
}

/** Publishes (activates) a workflow as the editor's Publish button does, and waits for it. */
export async function activateWorkflow(
	n8n: RunningN8n,
	cookie: string,
	workflow: { id: string; versionId: string },
): Promise<PublicationStatus> {
	await rest(n8n, cookie, 'POST', `/workflows/${workflow.id}/activate`, {
		versionId: workflow.versionId,
	});
	return await settledPublication(
		n8n,
		cookie,
		workflow.id,
		(status) => status !== 'in_progress' && status !== 'not_published',
	);
}

/** Unpublishes (deactivates) a workflow and waits until n8n removed its triggers. */
export async function deactivateWorkflow(
	n8n: RunningN8n,
	cookie: string,
	workflowId: string,
): Promise<PublicationStatus> {
	await rest(n8n, cookie, 'POST', `/workflows/${workflowId}/deactivate`, {});
	return await settledPublication(n8n, cookie, workflowId, (status) => status === 'not_published');
}

/**
 * When the trigger polled. The Graph sandbox runs in this process: its log of requests is read
 * every 100 ms, and each delta request that starts a poll (Graph's delta link or the first
 * link of a round, not a next page; the same link again within a second is a retry after a
 * 401) is taken as a poll that began then.
 */
export class PollWatch {
	/** When each poll began (ms, real time, to 100 ms). */
	readonly polls: number[] = [];

	/** Delta requests sent again at once (after a 401, with a new token). */
	retries = 0;

	private seen: number;

	private lastPath = '';

	private lastAt = 0;

	private readonly timer: NodeJS.Timeout;

	private stopped = false;

	/** `folderId`: only the delta requests on this folder count (another trigger may poll too). */
	constructor(
		private readonly graph: MicrosoftSandboxes['graph'],
		private readonly folderId: string,
	) {
		this.seen = graph.authLog.mark();
		this.timer = setInterval(() => this.sample(), 100);
	}

	sample(): void {
		const requests = this.graph.authLog.presented({ endpoint: 'delta', since: this.seen });
		this.seen = this.graph.authLog.mark();
		const now = Date.now();
		for (const { path } of requests) {
			if (path.includes('skiptoken') || !this.onFolder(path)) continue;
			const retry = path === this.lastPath && now - this.lastAt < 1_000;
			this.lastPath = path;
			this.lastAt = now;
			if (retry) this.retries += 1;
			else this.polls.push(now);
		}
	}

	private onFolder(path: string): boolean {
		return path.includes(this.folderId) || path.includes(encodeURIComponent(this.folderId));
	}

	between(from: number, to: number): number {
		return this.polls.filter((at) => at > from && at < to).length;
	}

	/** Resolves once a poll began after `after` and `settleMs` have passed for it to end. */
	async pollAfter(after: number, timeoutMs: number, settleMs = 5_000): Promise<number> {
		const giveUpAt = Date.now() + timeoutMs;
		for (;;) {
			const poll = this.polls.find((at) => at > after);
			if (poll !== undefined) {
				await sleep(Math.max(0, poll + settleMs - Date.now()));
				return poll;
			}
			if (this.stopped) throw new Error('The poll watch was stopped');
			if (Date.now() > giveUpAt) throw new Error(`No poll within ${timeoutMs / 1000} s`);
			await sleep(100);
		}
	}

	stop(): void {
		this.stopped = true;
		clearInterval(this.timer);
	}
}

/** Every execution of a workflow, oldest first, each read once its run has ended. */
export class ExecutionLog {
	private readonly read = new Map<string, StoredExecution>();

	constructor(
		private readonly n8n: RunningN8n,
		private readonly cookie: string,
		private readonly workflowId: string,
	) {}

	/** The finished executions, and how many others there are (running or waiting). */
	async collect(): Promise<{ finished: StoredExecution[]; unfinished: number }> {
		const listed = await listExecutions(this.n8n, this.cookie, this.workflowId, 100);
		for (const execution of listed.filter(isFinished)) {
			if (!this.read.has(execution.id)) {
				this.read.set(execution.id, await readExecution(this.n8n, this.cookie, execution.id));
			}
		}
		return {
			finished: [...this.read.values()].sort((a, b) => Number(a.id) - Number(b.id)),
			unfinished: listed.filter((execution) => !isFinished(execution)).length,
		};
	}
}
