import { startFileMakerSandbox } from '../sandbox/filemaker';
import { Engine } from '../test/engine/engine';
import { CREDENTIAL_ID, credentialData, layout } from '../test/helpers/filemaker';
import { LOGIN_PER_EXECUTION, LoginPerExecution } from './login-per-execution.node';
import { median, ms, time } from './measure';

const EXECUTIONS = 100;
const QUERY = [{ lastName: 'Smith' }];

/**
 * (a) Logins for 100 executions of a find workflow: our node keeps the session in the
 * credential; the baseline logs in and out per execution, as n8n's built-in node does.
 * Run with no added latency, then with 40 ms per login (real FileMaker logins are slower
 * than the sandbox's: they check the account and open a session on the server).
 */
export async function benchSessions(): Promise<void> {
	console.log(`\n(a) Logins for ${EXECUTIONS} executions of a find workflow`);
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
		} finally {
			await fm.close();
		}
	}
}
