import { CLOUD_DEMO_USER, startCloudSandboxes } from '../sandbox/cloud';
import { DEFAULT_TRANSPORT_SETTINGS } from '../lib/http/request-rules';
import { fetchHttpRequest } from '../lib/http/fetch-http-request';
import { cognitoClient } from '../lib/filemaker/cloud/cognito-transport';
import { refreshIdToken, signInWithPassword } from '../lib/filemaker/cloud/filemaker-id';
import type { HttpRequest } from '../lib/filemaker/session';
import { Engine } from '../test/engine/engine';
import { cloudCredentialData } from '../test/helpers/filemaker-cloud';
import { layout } from '../test/helpers/filemaker';
import { median } from './measure';
import type { PartReport } from './results';

const TITLE = '(c) FileMaker ID (Amazon Cognito SRP) against a refresh';

/** Executions of a FileMaker Cloud workflow whose SRP sign-ins are counted. */
const EXECUTIONS = 1000;

/** What the two sides are, for docs/benchmarks.md. */
const ABOUT = [
	'FileMaker ID (Amazon Cognito) against the Cognito sandbox, in the bench process (its share of',
	"each figure is small: native BigInt). amazon-cognito-identity-js does SRP's 3072-bit",
	'arithmetic in JavaScript. CPU per sign-in: ours = a refresh of the ID token (what the',
	'credential does when the token expires), baseline = a full SRP sign-in; process CPU (user +',
	'system), medians of 35 refreshes and 7 sign-ins. SRP sign-ins: ours = those that',
	`${EXECUTIONS.toLocaleString('en')} executions of a FileMaker Cloud workflow (Record → Get) made,`,
	'the credential keeping its tokens as n8n stores them; baseline = a sign-in per execution',
	`(${EXECUTIONS.toLocaleString('en')}, by construction, not run), with its CPU estimated from the`,
	'measured cost of one sign-in.',
].join(' ');

/** CPU milliseconds (user + system) this process spends in `run`. */
async function cpu(run: () => Promise<unknown>): Promise<number> {
	const before = process.cpuUsage();
	await run();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1000;
}

/**
 * (c) FileMaker ID: the CPU of one SRP sign-in against one refresh (amazon-cognito-identity-js
 * does SRP's 3072-bit arithmetic in JavaScript), and how many SRP sign-ins 1,000 executions of a
 * FileMaker Cloud workflow cost, the credential keeping its tokens as n8n stores them. The
 * Cognito sandbox runs in this process: its share of each figure is small (native BigInt).
 */
export async function benchFileMakerId(): Promise<PartReport> {
	console.log(`\n${TITLE}`);
	const cloud = await startCloudSandboxes();
	try {
		const { cognito } = cloud;
		const pool = {
			region: cognito.region,
			userPoolId: cognito.userPoolId,
			clientId: cognito.clientId,
			endpoint: `${cognito.url}/`,
		};
		const client = cognitoClient(
			fetchHttpRequest as unknown as HttpRequest,
			pool.endpoint,
			DEFAULT_TRANSPORT_SETTINGS,
		);
		const { email, password } = CLOUD_DEMO_USER;
		const signIn = async () => await signInWithPassword(pool, client, email, password);
		const { refreshToken } = await signIn();
		const refresh = async () => await refreshIdToken(pool, client, email, refreshToken);
		await refresh();

		const srp: number[] = [];
		const refreshes: number[] = [];
		for (let round = 0; round < 7; round++) {
			srp.push(await cpu(signIn));
			for (let again = 0; again < 5; again++) refreshes.push(await cpu(refresh));
		}
		const [srpMs, refreshMs] = [median(srp), median(refreshes)];
		console.log(
			`  CPU per SRP sign-in ${srpMs.toFixed(1)} ms, per refresh ${refreshMs.toFixed(2)} ms: SRP costs ${(srpMs / refreshMs).toFixed(0)}× a refresh (medians of ${srp.length} and ${refreshes.length})`,
		);

		const engine = new Engine();
		await engine.addCredential('bench-cloud', 'fileMakerCloudApi', cloudCredentialData(cloud));
		const node = {
			parameters: {
				authentication: 'fileMakerCloudApi',
				resource: 'record',
				operation: 'get',
				layout: layout('Contacts'),
				recordId: '1',
			},
			credentials: { fileMakerCloudApi: { id: 'bench-cloud', name: 'FileMaker Cloud' } },
		};
		const before = cognito.counters.srpLogins;
		for (let run = 0; run < EXECUTIONS; run++) {
			const execution = await engine.run({ nodes: [node] });
			if (execution.error) throw new Error(`execution ${run} failed: ${execution.error.message}`);
		}
		const srpLogins = cognito.counters.srpLogins - before;
		console.log(
			`  SRP sign-ins for 1,000 executions: ${srpLogins} (a sign-in per execution: 1,000, about ${((1000 * srpMs) / 1000).toFixed(0)} s of CPU)`,
		);
		const executions = `${EXECUTIONS.toLocaleString('en')} executions`;
		return {
			part: 'filemaker-id',
			title: TITLE,
			about: ABOUT,
			runs: [
				[
					{
						part: 'filemaker-id',
						measurement: 'CPU per sign-in: refresh | SRP',
						ours: refreshMs,
						baseline: srpMs,
						unit: 'ms CPU',
						ratio: srpMs / refreshMs,
						ratioOf: 'base/ours',
						higherIsBetter: true,
						goal: '',
						counts: [{ name: 'samples', ours: refreshes.length, baseline: srp.length }],
					},
					{
						part: 'filemaker-id',
						measurement: `SRP sign-ins for ${executions}`,
						ours: srpLogins,
						baseline: EXECUTIONS,
						unit: 'sign-ins',
						digits: 0,
						ratio: EXECUTIONS / srpLogins,
						ratioOf: 'base/ours',
						higherIsBetter: true,
						goal: '',
						counts: [
							{
								name: 'SRP CPU s',
								ours: (srpLogins * srpMs) / 1000,
								baseline: (EXECUTIONS * srpMs) / 1000,
							},
						],
					},
				],
			],
		};
	} finally {
		await cloud.close();
	}
}
