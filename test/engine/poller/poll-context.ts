import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

import { PollContext } from 'n8n-core';
import type {
	ExecutionError,
	INode,
	INodeExecutionData,
	IPollFunctions,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { UnexpectedError, createErrorExecutionData } from 'n8n-workflow';

import { runEmitted } from './run-emitted';
import type { PollerHost, PollRecord } from './types';

/** What a poll context reports to: the poller's host, the poll under way, its __emitError count. */
export interface PollContextOwner {
	host: PollerHost;
	polls: AsyncLocalStorage<PollRecord>;
	countEmitError(): void;
}

/**
 * TriggerExecutionContextFactory.getExecutePollFunctions (packages/cli, n8n 2.41.1) with
 * durable cursors disabled and no poller_state row, so PollCursorService.resolveCursor answers
 * `{ migrated: false }` and no cursor is ever staged.
 */
export function createPollContext(
	owner: PollContextOwner,
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
	activation: WorkflowActivateMode,
	saved: IWorkflowBase,
): IPollFunctions {
	const staged = new AsyncLocalStorage<{ migrated: false }>();
	const __runPoll = async <T>(poll: () => Promise<T>): Promise<T> =>
		await staged.run({ migrated: false }, poll);
	const __emit = (data: INodeExecutionData[][]) => {
		const record = owner.polls.getStore();
		owner.host.staticData.saveIfChanged(workflow);
		const execution = runEmitted(owner.host, saved, node, data);
		if (record) {
			record.outcome.items = data?.[0] ?? [];
			record.execution = execution;
		} else {
			// An emit after its poll ended (a node that emits late): it still runs, as in n8n.
			void execution.catch(() => {});
		}
	};
	const __emitError = (error: Error) => {
		const record = owner.polls.getStore();
		const id = randomUUID();
		if (record) Object.assign(record.outcome, { error, failedExecutionId: id });
		owner.countEmitError();
		// ExecutionService.createErrorExecution (then the error workflow, which the harness has not).
		owner.host.executions.save({
			id,
			mode,
			status: 'error',
			finished: false,
			data: createErrorExecutionData(node, error as ExecutionError),
			workflowData: saved,
		});
	};
	// takeStagedCursor() is null without a migrated cursor: nothing to commit.
	const __commitCursor = async () => {};
	const resolveNodeStaticData = () => {
		if (staged.getStore() === undefined) {
			throw new UnexpectedError(
				'Poll node read its static data outside of a poll; __runPoll was not entered',
				{ extra: { workflowId: workflow.id, nodeId: node.id, nodeName: node.name } },
			);
		}
		return workflow.getStaticData('node', node);
	};
	// No fence (no durable scheduler): PollContext's default budget of 5 minutes.
	return new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		activation,
		__emit,
		__emitError,
		__commitCursor,
		__runPoll,
		resolveNodeStaticData,
		undefined,
	);
}
