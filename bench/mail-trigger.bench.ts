import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { measureBacklog, measureIdle } from './mail-trigger/measure-rows';
import {
	BACKLOG,
	IDLE_POLLS,
	MAX_PER_POLL,
	PAGE_SIZE,
	ROUNDS,
	SIDE_LABELS,
	THROUGHPUT_GOAL,
	TRANSPORTS,
	TRIGGERS_PER_VARIANT,
	WARM_UPS,
	targetKey,
} from './mail-trigger/plan';
import {
	triggerResultRow,
	triggerRunTable,
	triggerSummaryTable,
	type TriggerRow,
} from './mail-trigger/report';
import { startTriggerTopology } from './mail-trigger/topology';
import { progress } from './progress';
import type { PartReport } from './results';
import { ChildProcesses } from './remote/child';
import { noLateness } from './remote/delay-line';
import { proxyNotes } from './remote/report';

const count = (value: number) => value.toLocaleString('en');

/** How the part measures, a sentence or two a line for the terminal; joined, for docs/benchmarks.md. */
const ABOUT = [
	"The Microsoft Graph Mail Trigger in n8n's engine, Graph over http and https (the identity platform over http).",
	'The Microsoft sandboxes, the latency proxy (a listener per side, service and round-trip time) and the client each run in their own process.',
	`Backlog: ${count(BACKLOG)} messages (about 2.5 KB of JSON each with the trigger's $select, a short HTML body), delivered into the watched inbox after the triggers were activated, so every one is new.`,
	`Ours = ${SIDE_LABELS.ours}; Max Messages per Poll ${MAX_PER_POLL.map(count).join(' and ')}.`,
	`Baseline = ${SIDE_LABELS.baseline}.`,
	`Both read delta pages of ${PAGE_SIZE}, and both are checked: every backlog message exactly once, or the part fails.`,
	`A fresh trigger per read; ${WARM_UPS} untimed read(s) of each side, then ${ROUNDS} in turns; messages/s from the median time, ratio ours/base.`,
	`Goal ≥ ${THROUGHPUT_GOAL}: the trigger and n8n (with the execution each poll starts) may add two thirds to the time of the bare read, not more.`,
	'Polls run back to back; in n8n they are a Poll Times interval apart, so this is the work per message, not a wait.',
	`Nothing new: ${IDLE_POLLS} polls of the trigger (default Max Messages per Poll) that drained the backlog against ${IDLE_POLLS} delta rounds of the baseline from its last delta link (1 request, the least any poll can make); Graph requests per poll, goal ours ≤ 1.`,
	"Counts: per operation for the backlog, in all for the idle polls; new conns: TCP connections opened through the side's identity and Graph proxy listeners.",
];

/**
 * (f) The Microsoft Graph Mail Trigger in n8n's engine: (1) messages per second through the
 * trigger for a 10,000-message backlog, against a bare fetch loop reading the same delta
 * round; (2) Graph requests per poll when nothing is new (goal 1). The Microsoft sandboxes, the
 * latency proxy and the client each run in their own process, shut down however the run ends.
 * Every trigger (all runs') is activated before the backlog is delivered, once per transport.
 */
export async function benchMailTrigger(options: {
	runs: number;
	rtts: number[];
}): Promise<PartReport> {
	const title =
		`(f) Microsoft Graph Mail Trigger: a ${count(BACKLOG)}-message backlog and idle polls, Graph ` +
		`over http and https (the identity platform over http), added round trip ` +
		`${options.rtts.join(' and ')} ms; ${options.runs} run(s)`;
	console.log(`\n${title}`);
	console.log(ABOUT.map((line) => `  ${line}`).join('\n'));
	const children = new ChildProcesses();
	const folder = mkdtempSync(join(tmpdir(), 'mail-trigger-bench-'));
	try {
		progress('starting the sandboxes, the proxy and the client');
		const topology = await startTriggerTopology(children, options.rtts, folder);
		for (const target of topology.targets) {
			progress(`activating triggers: ${target.transport} ${target.rttMs} ms`);
			await topology.client.call('arm', {
				target: targetKey(target),
				triggers: options.runs * TRIGGERS_PER_VARIANT,
			});
		}
		const deliveries: string[] = [];
		for (const transport of TRANSPORTS) {
			progress(`delivering the backlog (${transport})`);
			const { ids, ms } = await topology.sandboxes[transport].call('deliver', { count: BACKLOG });
			await topology.client.call('expect', { transport, ids });
			deliveries.push(`${transport} ${(ms / 1000).toFixed(1)} s`);
		}

		const runs: TriggerRow[][] = [];
		for (let run = 1; run <= options.runs; run++) {
			const load = loadavg()[0].toFixed(1);
			const lateness = noLateness();
			const rows: TriggerRow[] = [];
			for (const target of topology.targets) {
				const where = `${target.transport} ${target.rttMs} ms`;
				progress(`run ${run}/${options.runs}: ${where}, backlog`);
				rows.push(...(await measureBacklog(topology, target, lateness)));
				progress(`run ${run}/${options.runs}: ${where}, idle polls`);
				rows.push(await measureIdle(topology, target, lateness));
			}
			progress('');
			console.log(
				`\n  Run ${run} of ${options.runs} (load average ${load} on ${availableParallelism()} cores)`,
			);
			console.log(triggerRunTable(rows));
			console.log(
				[
					`  Delivering the backlog in the sandbox process took ${deliveries.join(', ')} (not timed).`,
					...proxyNotes([], lateness),
				].join('\n'),
			);
			runs.push(rows);
		}
		if (options.runs > 1) {
			console.log(`\n  Microsoft Graph Mail Trigger: summary of ${options.runs} runs`);
			console.log(triggerSummaryTable(runs));
		}
		return {
			part: 'mail-trigger',
			title,
			about: ABOUT.join(' '),
			runs: runs.map((rows) => rows.map(triggerResultRow)),
		};
	} finally {
		progress('');
		await children.closeAll();
		rmSync(folder, { recursive: true, force: true });
	}
}
