import type { ScheduledTaskContext } from 'n8n-core';

interface Cron {
	ctx: ScheduledTaskContext;
	onTick(scheduledTime: Date): void;
}

/**
 * n8n-core's ScheduledTaskManager on the leader (registration, keys, deregistration as in
 * scheduled-task-manager.ts), except that its crons never fire on their own: `tick` fires one.
 */
export class ManualCrons {
	private readonly groups = new Map<string, Map<string, Cron>>();

	register(ctx: ScheduledTaskContext, onTick: (scheduledTime: Date) => void): boolean {
		const crons = this.groups.get(groupKey(ctx.group)) ?? new Map<string, Cron>();
		this.groups.set(groupKey(ctx.group), crons);
		const key = JSON.stringify([ctx.targetId, ctx.timezone, ctx.expression, ctx.recurrence]);
		if (crons.has(key)) return false;
		crons.set(key, { ctx, onTick });
		return true;
	}

	deregisterGroup(group: ScheduledTaskContext['group']): boolean {
		return this.groups.delete(groupKey(group));
	}

	deregisterGroups(groupType: string): void {
		for (const id of this.getGroupIds(groupType)) this.deregisterGroup({ type: groupType, id });
	}

	getGroupIds(groupType: string): string[] {
		return [...this.groups.keys()]
			.map((key) => JSON.parse(key) as [string, string])
			.filter(([type]) => type === groupType)
			.map(([, id]) => id);
	}

	getTargetIds(group: ScheduledTaskContext['group']): string[] {
		return [...new Set(this.crons(group).map(({ ctx }) => ctx.targetId))];
	}

	deregisterTarget(group: ScheduledTaskContext['group'], targetId: string): void {
		const crons = this.groups.get(groupKey(group));
		if (!crons) return;
		for (const [key, cron] of crons) if (cron.ctx.targetId === targetId) crons.delete(key);
		if (crons.size === 0) this.groups.delete(groupKey(group));
	}

	hasGroup(group: ScheduledTaskContext['group']): boolean {
		return this.crons(group).length > 0;
	}

	hasTarget(group: ScheduledTaskContext['group'], targetId: string): boolean {
		return this.getTargetIds(group).includes(targetId);
	}

	crons(group: ScheduledTaskContext['group']): Cron[] {
		return [...(this.groups.get(groupKey(group))?.values() ?? [])];
	}
}

const groupKey = (group: ScheduledTaskContext['group']) => JSON.stringify([group.type, group.id]);

/** ActiveWorkflowTriggers' schedule group of a workflow. */
export const scheduleGroup = (workflowId: string) => ({ type: 'workflow', id: workflowId });
