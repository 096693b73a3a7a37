import { CLOUD_DEMO_USER, type CloudSandboxes } from '../cloud';
import type { FileMakerFixture } from './fixture-types';

/** What `npm run sandbox -- --cloud` prints about the two sandboxes and the Claris ID. */
export function cloudLines({ fm, cognito }: CloudSandboxes, fixture: FileMakerFixture): string[] {
	return [
		`FileMaker Cloud sandbox listening on ${fm.url}`,
		`Data API: ${fm.url}/fmi/data/vLatest (log in with "Authorization: FMID <Claris ID token>")`,
		`Databases: ${fixture.databases.map((database) => `"${database.name}"`).join(', ')}`,
		'',
		`Claris ID (Cognito) sandbox listening on ${cognito.url}`,
		`  pool settings URL: ${cognito.poolSettingsUrl}`,
		`  region ${cognito.region}, user pool ${cognito.userPoolId}, app client ${cognito.clientId}`,
		`  CognitoUserPool endpoint: ${cognito.url}/`,
		`  JWKS: ${cognito.jwksUrl}`,
		`  Claris ID ${CLOUD_DEMO_USER.email} / password ${CLOUD_DEMO_USER.password} (sandbox only)`,
		`  Cognito control API: ${cognito.url}/__sandbox (users/:name, users/:name/sms,`,
		'    users/:name/revoke-all, tokens/revoke {refreshToken}, throttle-next, and the ones below)',
		'  Both sandboxes share one clock: clock/advance on either moves both.',
	];
}
