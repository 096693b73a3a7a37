import { generateKeyPairSync } from 'node:crypto';
import {
	POOL_SETTINGS_PATH,
	startCognitoSandbox,
	type CognitoSandbox,
	type JsonWebKeySet,
} from '../../sandbox/cognito';
import { decodeJwtClaims, signRs256, verifyRs256 } from '../../sandbox/shared/jwt';
import { expectSuccess, LibraryClient } from './cognito-client';
import { cognitoCall, cognitoErrorOf, refreshCall } from './cognito-wire';

// amazon-cognito-identity-js does SRP's 3072-bit arithmetic in JavaScript: a sign-in takes a
// few hundred ms of CPU, several seconds when other test files share the machine.
jest.setTimeout(30_000);

const EMAIL = 'grace@example.com';
const PASSWORD = 'refresh me for a year';
const DAY_MS = 24 * 3600 * 1000;

describe('Cognito sandbox: tokens, refresh, JWKS and pool settings', () => {
	let cognito: CognitoSandbox;
	let library: LibraryClient;

	beforeAll(async () => {
		cognito = await startCognitoSandbox({ users: [{ email: EMAIL, password: PASSWORD }] });
		library = new LibraryClient(cognito);
	});
	afterAll(() => cognito.close());
	beforeEach(() => {
		cognito.counters.reset();
		cognito.clock.reset();
	});

	it('issues RS256 ID and access tokens that verify with the JWKS, for one hour on the sandbox clock', async () => {
		cognito.clock.advance(DAY_MS);
		const result = cognito.tokens.signIn(EMAIL);
		const jwks = (await (await fetch(cognito.jwksUrl)).json()) as JsonWebKeySet;
		expect(jwks).toEqual(cognito.jwks());
		expect(jwks.keys).toEqual([
			{
				kty: 'RSA',
				alg: 'RS256',
				use: 'sig',
				kid: expect.any(String),
				n: expect.any(String),
				e: 'AQAB',
			},
		]);
		const id = verifyRs256(result.IdToken, jwks);
		const access = verifyRs256(result.AccessToken, jwks);
		if (typeof id === 'string' || typeof access === 'string') throw new Error(`${id} ${access}`);
		expect(id.header).toEqual({ kid: jwks.keys[0].kid, alg: 'RS256' });
		const now = Math.floor(cognito.clock.now() / 1000);
		const user = cognito.users.get(EMAIL)!;
		expect(id.claims).toMatchObject({
			iss: cognito.issuer,
			aud: cognito.clientId,
			token_use: 'id',
			sub: user.sub,
			email: EMAIL,
			'cognito:username': user.username,
		});
		expect(Math.abs((id.claims.iat as number) - now)).toBeLessThanOrEqual(1);
		expect(id.claims.exp).toBe((id.claims.iat as number) + 3600);
		expect(id.claims.auth_time).toBe(id.claims.iat);
		expect(access.claims).toMatchObject({
			iss: cognito.issuer,
			client_id: cognito.clientId,
			token_use: 'access',
			username: user.username,
		});
		expect(access.claims).not.toHaveProperty('aud');

		const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
		const forged = signRs256(decodeJwtClaims(result.IdToken)!, forger, jwks.keys[0].kid);
		expect(verifyRs256(forged, jwks)).toBe('bad signature');
	});

	it('refreshes with amazon-cognito-identity-js: new ID token, same refresh token, same auth_time', async () => {
		const session = expectSuccess(await library.signIn(EMAIL, PASSWORD));
		const refreshToken = session.getRefreshToken().getToken();
		cognito.clock.advance(2 * 3600 * 1000);
		const refreshed = await library.refresh(EMAIL, refreshToken);
		expect(refreshed.getIdToken().getJwtToken()).not.toBe(session.getIdToken().getJwtToken());
		expect(refreshed.getRefreshToken().getToken()).toBe(refreshToken);
		expect(refreshed.getIdToken().payload.auth_time).toBe(session.getIdToken().payload.auth_time);
		expect(refreshed.getIdToken().payload.iat).toBeGreaterThanOrEqual(
			session.getIdToken().payload.iat + 7200,
		);
		expect(cognito.counters.refreshes).toBe(1);
	});

	it('answers a refresh without a RefreshToken, for REFRESH_TOKEN_AUTH and REFRESH_TOKEN alike', async () => {
		const { RefreshToken } = cognito.tokens.signIn(EMAIL);
		for (const flow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']) {
			const answer = await refreshCall(cognito, RefreshToken!, flow);
			expect(answer.status).toBe(200);
			expect(answer.body).toEqual({
				AuthenticationResult: {
					AccessToken: expect.any(String),
					ExpiresIn: 3600,
					IdToken: expect.any(String),
					TokenType: 'Bearer',
				},
				ChallengeParameters: {},
			});
		}
	});

	it('refuses unknown, revoked and expired refresh tokens with the messages Cognito sends', async () => {
		const refused = async (token: string) => cognitoErrorOf(await refreshCall(cognito, token));
		expect(await refused('not-a-refresh-token')).toEqual({
			status: 400,
			type: 'NotAuthorizedException',
			message: 'Invalid Refresh Token.',
			headerType: 'NotAuthorizedException:',
		});

		const revoked = cognito.tokens.signIn(EMAIL).RefreshToken!;
		expect(cognito.tokens.revoke(revoked)).toBe(true);
		expect(await refused(revoked)).toMatchObject({ message: 'Refresh Token has been revoked' });

		cognito.users.revokeAll(EMAIL);
		const [first, second] = [cognito.tokens.signIn(EMAIL), cognito.tokens.signIn(EMAIL)];
		expect(cognito.users.revokeAll(EMAIL)).toBe(2);
		expect(await refused(first.RefreshToken!)).toMatchObject({
			message: 'Refresh Token has been revoked',
		});
		expect(await refused(second.RefreshToken!)).toMatchObject({
			message: 'Refresh Token has been revoked',
		});

		const aging = cognito.tokens.signIn(EMAIL).RefreshToken!;
		cognito.clock.advance(364 * DAY_MS);
		expect((await refreshCall(cognito, aging)).status).toBe(200);
		cognito.clock.advance(DAY_MS);
		expect(cognito.tokens.isActive(aging)).toBe(false);
		expect(await refused(aging)).toMatchObject({
			type: 'NotAuthorizedException',
			message: 'Refresh Token has expired',
		});
		expect(cognito.counters.failedRefreshes).toBe(5);
	});

	it('revokes a refresh token with RevokeToken', async () => {
		const token = cognito.tokens.signIn(EMAIL).RefreshToken!;
		const answer = await cognitoCall(cognito, 'RevokeToken', {
			Token: token,
			ClientId: cognito.clientId,
		});
		expect(answer).toMatchObject({ status: 200, body: {} });
		expect(cognito.tokens.isActive(token)).toBe(false);
	});

	it('makes amazon-cognito-identity-js retry a revoked refresh token six times over about 6 s', async () => {
		const token = cognito.tokens.signIn(EMAIL).RefreshToken!;
		cognito.users.revokeAll(EMAIL);
		const started = Date.now();
		await expect(library.refresh(EMAIL, token)).rejects.toEqual({
			code: 'NotAuthorizedException',
			name: 'NotAuthorizedException',
			message: 'Refresh Token has been revoked',
		});
		expect(cognito.counters.requests('refresh')).toBe(6);
		expect(Date.now() - started).toBeGreaterThan(6000);
	}, 20_000);

	it("serves Claris' pool-settings document for this pool", async () => {
		const response = await fetch(`${cognito.url}${POOL_SETTINGS_PATH}`);
		expect(cognito.poolSettingsUrl).toBe(
			`${cognito.url}/endpoint/userpool/2.2.0.my.claris.com.json`,
		);
		expect(await response.json()).toEqual({
			errcode: 'Ok',
			errmessage: null,
			data: {
				Region: 'us-west-2',
				UserPool_ID: cognito.userPoolId,
				Client_ID: cognito.clientId,
				API_Host: 'api-cp-global.ifmcloud.com/2-2',
				FCC_Host: 'console.claris.com',
			},
			csrid: null,
		});
		expect(cognito.counters.requests('poolSettings')).toBe(1);
	});
});
