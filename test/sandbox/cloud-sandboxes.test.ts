import { CLOUD_DEMO_USER, startCloudSandboxes, type CloudSandboxes } from '../../sandbox/cloud';
import type { PoolSettingsDocument } from '../../sandbox/cognito';
import { expectSuccess, LibraryClient } from './cognito-client';
import { DataApi, errorOf } from './data-api';

// amazon-cognito-identity-js does SRP's 3072-bit arithmetic in JavaScript: a sign-in takes a
// few hundred ms of CPU, several seconds when other test files share the machine.
jest.setTimeout(30_000);

describe('Cloud sandboxes: a Claris ID pool and a FileMaker Cloud host on one clock', () => {
	let cloud: CloudSandboxes;

	beforeAll(async () => {
		cloud = await startCloudSandboxes();
	});
	afterAll(() => cloud.close());

	it('goes from the pool settings URL to a Data API session and out at the token expiry', async () => {
		const settings = (await (
			await fetch(cloud.cognito.poolSettingsUrl)
		).json()) as PoolSettingsDocument;
		const library = new LibraryClient({
			url: cloud.cognito.url,
			userPoolId: settings.data.UserPool_ID,
			clientId: settings.data.Client_ID,
		});
		const session = expectSuccess(
			await library.signIn(CLOUD_DEMO_USER.email, CLOUD_DEMO_USER.password),
		);
		const api = new DataApi(cloud.fm);
		expect((await api.login(`FMID ${session.getIdToken().getJwtToken()}`)).status).toBe(200);

		// Moving the FileMaker sandbox's clock moves the pool's too: they are one clock.
		expect(cloud.fm.clock).toBe(cloud.cognito.clock);
		cloud.fm.clock.advance(3600 * 1000);
		expect(errorOf(await api.get('/databases/Contacts/layouts')).code).toBe('952');

		const refreshed = await library.refresh(
			CLOUD_DEMO_USER.email,
			session.getRefreshToken().getToken(),
		);
		expect((await api.login(`FMID ${refreshed.getIdToken().getJwtToken()}`)).status).toBe(200);
		expect((await api.get('/databases/Contacts/layouts')).status).toBe(200);
	});
});
