import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { measureExecutions, measureReturnAll } from './graph/measure-rows';
import {
	BLOCK,
	EXECUTIONS,
	MESSAGES,
	PAGE_SIZE,
	SIDE_LABELS,
	WARM_UP_EXECUTIONS,
} from './graph/plan';
import { graphResultRow, graphRunTable, graphSummaryTable, type GraphRow } from './graph/report';
import { startGraphTopology } from './graph/topology';
import { progress } from './progress';
import type { PartReport } from './results';
import { ChildProcesses } from './remote/child';
import { noLateness } from './remote/delay-line';
import { proxyNotes } from './remote/report';

/** What the two sides are, for docs/benchmarks.md. */
const ABOUT = [
	"Microsoft Graph Mail in n8n's engine, Graph over http and https (the identity platform over",
	'http). The Microsoft sandboxes, the latency proxy (a listener per side, service and',
	'round-trip time) and the client each run in their own process.',
	`${EXECUTIONS.toLocaleString('en')} executions: ours = ${SIDE_LABELS.executions.ours};`,
	`baseline = ${SIDE_LABELS.executions.baseline}. A new credential per run (a secret the app`,
	`just got); blocks of ${BLOCK}, the sides in turns, after ${WARM_UP_EXECUTIONS} untimed`,
	`executions of each. Return All: ours = ${SIDE_LABELS.returnAll.ours}; baseline =`,
	`${SIDE_LABELS.returnAll.baseline}. ${MESSAGES.toLocaleString('en')} messages (about 2.5 KB of`,
	`JSON each, with a short HTML body) in pages of ${PAGE_SIZE.toLocaleString('en')}; both sides`,
	'send the same query. Every ratio is > 1 where ours does better: token requests and time',
	'base/ours, throughput ours/base. Counts: for the executions, totals over them; for Return',
	"All, per operation. New conns: TCP connections opened through the side's identity and Graph",
	'proxy listeners.',
].join(' ');

/**
 * (e) Microsoft Graph Mail in n8n's engine: (1) token requests and wall time for 1,000
 * executions of "Get Many, limit 1", our credential against a node that gets a token per
 * execution; (2) Return All over 10,000 messages against a bare fetch loop. The Microsoft
 * sandboxes, the latency proxy (a listener per side, service and round-trip time) and the
 * client each run in their own process, shut down however the run ends. Prints a table per
 * run, and with --runs > 1 a summary of the runs; returns the rows of every run.
 */
export async function benchGraph(options: { runs: number; rtts: number[] }): Promise<PartReport> {
	const title =
		`(e) Microsoft Graph Mail: Graph over http and https (the identity platform over http), ` +
		`added round trip ${options.rtts.join(' and ')} ms; ${options.runs} run(s)`;
	console.log(`\n${title}`);
	console.log(
		[
			`  ${EXECUTIONS.toLocaleString('en')} executions: ours = ${SIDE_LABELS.executions.ours};`,
			`    baseline = ${SIDE_LABELS.executions.baseline}.`,
			`    A new credential per run (a secret the app just got); blocks of ${BLOCK}, the sides in turns, after ${WARM_UP_EXECUTIONS} untimed executions of each.`,
			`  Return All: ours = ${SIDE_LABELS.returnAll.ours};`,
			`    baseline = ${SIDE_LABELS.returnAll.baseline}.`,
			`    ${MESSAGES.toLocaleString('en')} messages (about 2.5 KB of JSON each, with a short HTML body) in pages of ${PAGE_SIZE.toLocaleString('en')}; both sides send the same query.`,
			'  Every ratio is > 1 where ours does better: token requests and time base/ours, throughput ours/base.',
			'  Counts: for the executions, totals over them; for Return All, per operation. New conns: TCP connections',
			"  opened through the side's identity and Graph proxy listeners.",
		].join('\n'),
	);
	const children = new ChildProcesses();
	const folder = mkdtempSync(join(tmpdir(), 'graph-bench-'));
	try {
		const topology = await startGraphTopology(children, options.rtts, folder);
		const runs: GraphRow[][] = [];
		for (let run = 1; run <= options.runs; run++) {
			const load = loadavg()[0].toFixed(1);
			const lateness = noLateness();
			const rows: GraphRow[] = [];
			for (const target of topology.targets) {
				const where = `${target.transport} ${target.rttMs} ms`;
				progress(`run ${run}/${options.runs}: ${where}, executions`);
				rows.push(...(await measureExecutions(topology, target, lateness)));
				progress(`run ${run}/${options.runs}: ${where}, Return All`);
				rows.push(await measureReturnAll(topology, target, lateness));
			}
			progress(`run ${run}/${options.runs}: n8n's engine alone`);
			const engineAloneMs = await topology.client.call('engineAlone');
			progress('');
			console.log(
				`\n  Run ${run} of ${options.runs} (load average ${load} on ${availableParallelism()} cores)`,
			);
			console.log(graphRunTable(rows));
			console.log(
				[
					`  n8n's engine alone (the trigger and a node that does nothing): ${engineAloneMs.toFixed(2)} ms per execution.`,
					...proxyNotes([], lateness),
				].join('\n'),
			);
			runs.push(rows);
		}
		if (options.runs > 1) {
			console.log(`\n  Microsoft Graph Mail: summary of ${options.runs} runs`);
			console.log(graphSummaryTable(runs));
		}
		return {
			part: 'graph',
			title,
			about: ABOUT,
			runs: runs.map((rows) => rows.map(graphResultRow)),
		};
	} finally {
		await children.closeAll();
		rmSync(folder, { recursive: true, force: true });
	}
}
