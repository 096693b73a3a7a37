/**
 * `npm run sandbox`: a FileMaker Server sandbox on a fixed port, for a real n8n or a person
 * with curl. Options: `--port <n>` (or PORT, default 8719), `--host <address>`, `--https`,
 * `--empty-table` (adds the layout `EmptyTable`, whose table has no records), `--cloud`
 * (FileMaker Cloud: FMID logins only, with a Cognito sandbox for Claris ID on port + 1, or
 * `--cognito-port <n>`). Without `--cloud` it offers OAuth sign-in with the identity sandbox
 * "Sandbox ID" on port + 2 (or `--identity-port <n>`).
 */
import { startCloudSandboxes } from '../cloud';
import { OAUTH_PEOPLE, OAUTH_PROVIDER_NAME, startOAuthSandboxes } from '../oauth';
import { cloudLines } from './standalone-cloud';
import { withEmptyTable } from './empty-table';
import type { FileMakerSandbox } from './index';
import { loadFixture } from './load-fixture';

function option(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
	const port = Number(option('port') ?? process.env.PORT ?? 8719);
	const fixture = process.argv.includes('--empty-table')
		? withEmptyTable(loadFixture())
		: loadFixture();
	const host = option('host');
	const https = process.argv.includes('--https');
	let fm: FileMakerSandbox;
	let intro: string[];
	let stopOthers = async () => {};
	if (process.argv.includes('--cloud')) {
		const cloud = await startCloudSandboxes({
			cognito: { port: Number(option('cognito-port') ?? port + 1), host, https },
			fileMaker: { fixture, port, host, https },
		});
		fm = cloud.fm;
		stopOthers = cloud.cognito.close;
		intro = cloudLines(cloud, fixture);
	} else {
		const pair = await startOAuthSandboxes({
			fileMaker: { fixture, port, host },
			identity: { port: Number(option('identity-port') ?? port + 2), host },
			https,
		});
		fm = pair.fm;
		stopOthers = pair.identity.close;
		intro = [
			`FileMaker Server sandbox listening on ${fm.url}`,
			`Data API: ${fm.url}/fmi/data/vLatest`,
			'',
			...fixture.databases.flatMap((database) => [
				`Database "${database.name}"`,
				...database.accounts.map((account) =>
					account.oauth
						? `  account ${account.name} (OAuth: signs in at ${OAUTH_PROVIDER_NAME})`
						: `  account ${account.name} / password ${account.password} (sandbox only)`,
				),
			]),
			'',
			`OAuth provider "${OAUTH_PROVIDER_NAME}" (identity sandbox) listening on ${pair.identity.url}`,
			`  providers: ${fm.url}/fmws/oauthproviderinfo, sign-in: ${fm.url}/oauth/getoauthurl`,
			...Object.values(OAUTH_PEOPLE).map(
				(person) => `  ${person.name}: ${person.email} / password ${person.password}`,
			),
			`  its control API: ${pair.identity.url}/__sandbox (deny-next {error, description?, count?},`,
			'    people, clients, and the shared routes); both sandboxes share one clock',
		];
	}

	const lines = [
		...intro,
		'',
		`Control API (${fm.url}/__sandbox):`,
		'  GET  counters                 POST counters/reset',
		'  POST fail-next {status, code?, message?, count?, endpoint?}',
		'  POST latency {ms, endpoint?}  POST drop-next {count?, endpoint?}',
		'  POST hang-next {count?, endpoint?}',
		'  POST redirect-next {location, status?, count?, endpoint?}',
		'  POST rate-limit {retryAfterSeconds, status?, retryAfterDate?, count?, endpoint?}',
		'  POST reset-faults             POST expire-sessions',
		'  POST clock/advance {ms}       POST clock/reset',
		'  GET  sessions                 GET  sessions/:token',
		'  GET  auth-log?endpoint&scheme&token&since   POST auth-log/reset',
		'  GET  records/:database/:table',
	];
	console.log(lines.join('\n'));

	const stop = () => {
		Promise.all([fm.close(), stopOthers()]).then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
