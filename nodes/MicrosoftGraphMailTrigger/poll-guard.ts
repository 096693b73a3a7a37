import type { IPollFunctions } from 'n8n-workflow';

const polling = new Set<string>();

/**
 * n8n starts a poll at every tick even while the previous one still runs (a slow backlog):
 * two polls on the same state would both emit what is new. The second one returns nothing.
 */
export async function onePollAtATime<T>(
	context: IPollFunctions,
	poll: () => Promise<T>,
): Promise<T | null> {
	const key = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	if (polling.has(key)) return null;
	polling.add(key);
	try {
		return await poll();
	} finally {
		polling.delete(key);
	}
}
