import { startFileMakerSandbox } from '../sandbox/filemaker';
import { Engine } from '../test/engine/engine';
import { CREDENTIAL_ID, credentialData, layout } from '../test/helpers/filemaker';
import { LOGIN_PER_EXECUTION, LoginPerExecution } from './login-per-execution.node';
import { median, ms, time } from './measure';
import type { PartReport, ResultRow } from './results';

const EXECUTIONS = 100;
const QUERY = [{ lastName: 'Smith' }];

const TITLE = `(a) Logins for ${EXECUTIONS} executions of a find workflow`;

/** What the two sides are, for docs/benchmarks.md. */
const ABOUT = [
	`${EXECUTIONS} executions of a find workflow (Contacts, lastName Smith: 3 records) in n8n's`,
	'engine against the FileMaker sandbox, in the bench process. Ours: the Data API node, which',
	'keeps the session token in the credential, as n8n stores it. Baseline: a node that logs in,',
	"finds and logs out on every execution, as n8n's built-in FileMaker node does (measured in",
	'n8n 2.41.1). Run with no added latency, then with 40 ms per login (real FileMaker logins are',
	"slower than the sandbox's: they check the account and open a session on the server). Times",
	'are medians per execution; the baseline runs its 100 executions first, then ours.',
].join(' ');

/**
 * (a) Logins for 100 executions of a find workflow: our node keeps the session in the
 * credential; the baseline logs in and out per execution, as n8n's built-in node does.
 * Run with no added latency, then with 40 ms per login (real FileMaker logins are slower
 * than the sandbox's: they check the account and open a session on the server).
 */
export async function benchSessions(): Promise<PartReport> {
	console.log(`\n${TITLE}`);
	const rows: ResultRow[] = [];
	for (const loginLatency of [0, 40]) {
		const fm = await startFileMakerSandbox();
		try {
			fm.faults.setLatency(loginLatency, 'login');
			const engine = new Engine({ [LOGIN_PER_EXECUTION]: new LoginPerExecution() });
			await engine.addCredential(CREDENTIAL_ID, 'fileMakerServerApi', credentialData(fm));
			const ours = {
				parameters: {
					resource: 'record',
					operation: 'find',
					layout: layout('Contacts'),
					queryMode: 'json',
					query: JSON.stringify(QUERY),
					returnAll: true,
					options: { portals: 'none' },
				},
				credentials: { fileMakerServerApi: { id: CREDENTIAL_ID, name: 'FileMaker sandbox' } },
			};
			const baseline = {
				type: LOGIN_PER_EXECUTION,
				parameters: { serverUrl: fm.url, query: JSON.stringify(QUERY) },
			};

			const measure = async (node: typeof ours | typeof baseline) => {
				fm.counters.reset();
				const durations: number[] = [];
				for (let run = 0; run < EXECUTIONS; run++) {
					durations.push(
						await time(async () => {
							const execution = await engine.run({ nodes: [node] });
							if (execution.error) throw execution.error;
							if (execution.output().length !== 3) throw new Error('unexpected result');
						}),
					);
				}
				return {
					logins: fm.counters.logins,
					logouts: fm.counters.logouts,
					perRun: median(durations),
				};
			};
			const baselineResult = await measure(baseline);
			const oursResult = await measure(ours);
			console.log(
				`  login latency ${loginLatency} ms: ours ${oursResult.logins} login(s), ${ms(oursResult.perRun)} per execution | ` +
					`baseline ${baselineResult.logins} logins + ${baselineResult.logouts} logouts, ${ms(baselineResult.perRun)} per execution | ` +
					`logins ratio ${(baselineResult.logins / oursResult.logins).toFixed(0)}:1, speed-up ${(baselineResult.perRun / oursResult.perRun).toFixed(2)}x`,
			);
			const where = `login latency ${loginLatency} ms`;
			const counts = [
				{ name: 'logins', ours: oursResult.logins, baseline: baselineResult.logins },
				{ name: 'logouts', ours: oursResult.logouts, baseline: baselineResult.logouts },
			];
			rows.push(
				{
					part: 'sessions',
					measurement: `${where}: logins for ${EXECUTIONS} executions`,
					ours: oursResult.logins,
					baseline: baselineResult.logins,
					unit: 'logins',
					digits: 0,
					ratio: baselineResult.logins / oursResult.logins,
					ratioOf: 'base/ours',
					higherIsBetter: true,
					goal: '',
					counts,
				},
				{
					part: 'sessions',
					measurement: `${where}: time per execution`,
					ours: oursResult.perRun,
					baseline: baselineResult.perRun,
					unit: 'ms/execution',
					ratio: baselineResult.perRun / oursResult.perRun,
					ratioOf: 'base/ours',
					higherIsBetter: true,
					goal: '',
					counts,
				},
			);
		} finally {
			await fm.close();
		}
	}
	return { part: 'sessions', title: TITLE, about: ABOUT, runs: [rows] };
}
