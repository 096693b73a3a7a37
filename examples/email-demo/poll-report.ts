import type { PollOutcome } from '../../test/engine/engine';

/** The node names of examples/email-to-filemaker.json. */
export const NODES = {
	trigger: 'New invoice mail',
	upsert: 'Create or update the message record',
	attachment: 'Store the attachment',
	move: 'Move the mail to Processed',
	report: 'Report the mail FileMaker refused',
};

export interface PollCounts {
	mails: number;
	created: number;
	updated: number;
	attachments: number;
	moved: number;
	refused: number;
}

export const NO_COUNTS: PollCounts = {
	mails: 0,
	created: 0,
	updated: 0,
	attachments: 0,
	moved: 0,
	refused: 0,
};

/** What one poll's execution did, node by node. */
export function countsOf(outcome: PollOutcome): PollCounts {
	const run = outcome.execution;
	if (!run) return { ...NO_COUNTS, mails: outcome.items?.length ?? 0 };
	const actions = run.output(NODES.upsert).map((item) => item.json.action);
	return {
		mails: outcome.items?.length ?? 0,
		created: actions.filter((action) => action === 'created').length,
		updated: actions.filter((action) => action === 'updated').length,
		attachments: run.output(NODES.attachment).filter((item) => item.json.fileName).length,
		moved: run.output(NODES.move).length,
		refused: run.output(NODES.report).length,
	};
}

export function add(total: PollCounts, counts: PollCounts): PollCounts {
	return {
		mails: total.mails + counts.mails,
		created: total.created + counts.created,
		updated: total.updated + counts.updated,
		attachments: total.attachments + counts.attachments,
		moved: total.moved + counts.moved,
		refused: total.refused + counts.refused,
	};
}

/** One progress line. */
export function pollLine(label: string, counts: PollCounts, error?: Error): string {
	if (error) return `${label}: the poll failed: ${error.message}`;
	if (counts.mails === 0) return `${label}: nothing new`;
	const parts = [
		`${counts.mails} new mail${counts.mails === 1 ? '' : 's'}`,
		`${counts.created} record${counts.created === 1 ? '' : 's'} created`,
		`${counts.updated} updated`,
		`${counts.attachments} attachment${counts.attachments === 1 ? '' : 's'} stored`,
		`${counts.moved} moved to Processed`,
	];
	if (counts.refused > 0) parts.push(`${counts.refused} refused by FileMaker and reported`);
	return `${label}: ${parts.join(', ')}`;
}
