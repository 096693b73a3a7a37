import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { startCognitoSandbox, type CognitoSandbox } from '../../sandbox/cognito';
import { createClock, startFileMakerSandbox, type FileMakerSandbox } from '../../sandbox/filemaker';
import { decodeJwtClaims, signRs256, type JwtClaims } from '../../sandbox/shared/jwt';
import { expectSuccess, LibraryClient } from './cognito-client';
import { basicAuth, DataApi, errorOf } from './data-api';

// amazon-cognito-identity-js does SRP's 3072-bit arithmetic in JavaScript: a sign-in takes a
// few hundred ms of CPU, several seconds when other test files share the machine.
jest.setTimeout(30_000);

const OWNER = 'owner@example.com';
const PASSWORD = 'claris id password';
const MINUTE = 60 * 1000;
const REFUSED = {
	status: 401,
	code: '212',
	message: 'Invalid user account and/or password; please try again',
};

describe('FileMaker sandbox: FileMaker Cloud mode with Claris ID (FMID) tokens', () => {
	const clock = createClock();
	let cognito: CognitoSandbox;
	let fm: FileMakerSandbox;

	beforeAll(async () => {
		cognito = await startCognitoSandbox({
			clock,
			users: [
				{ email: OWNER, password: PASSWORD },
				{ email: 'outsider@example.com', password: PASSWORD },
			],
		});
		fm = await startFileMakerSandbox({
			clock,
			cloud: { ...cognito.idTokenTrust(), accounts: [OWNER] },
		});
	});
	afterAll(async () => {
		await fm.close();
		await cognito.close();
	});
	beforeEach(() => {
		clock.reset();
		fm.faults.expireAllSessions();
		fm.authLog.reset();
	});

	const fmid = (idToken: string) => `FMID ${idToken}`;

	it('opens a session for an ID token from a real SRP sign-in, then works with Bearer', async () => {
		const session = expectSuccess(await new LibraryClient(cognito).signIn(OWNER, PASSWORD));
		const idToken = session.getIdToken().getJwtToken();
		const api = new DataApi(fm);
		const login = await api.login(fmid(idToken));
		expect(login.status).toBe(200);
		expect(login.body.response).toEqual({ token: api.token });
		expect(fm.sessions.expiresAt(api.token)).toBe(session.getIdToken().getExpiration() * 1000);
		expect(fm.authLog.wasPresented(idToken, { endpoint: 'login' })).toBe(true);
		expect((await api.get('/databases/Contacts/layouts')).status).toBe(200);
	});

	it('refuses Basic credentials on Cloud, even the file account of FileMaker Server', async () => {
		expect(errorOf(await new DataApi(fm).login(basicAuth()))).toEqual(REFUSED);
	});

	it('refuses an expired ID token and one for a Claris ID without access', async () => {
		const { IdToken } = cognito.tokens.signIn(OWNER);
		clock.advance(60 * MINUTE);
		expect(errorOf(await new DataApi(fm).login(fmid(IdToken)))).toEqual(REFUSED);
		const outsider = cognito.tokens.signIn('outsider@example.com').IdToken;
		expect(errorOf(await new DataApi(fm).login(fmid(outsider)))).toEqual(REFUSED);
	});

	it('refuses forged tokens: another key, a changed payload, an access token', async () => {
		const { IdToken, AccessToken } = cognito.tokens.signIn(OWNER);
		const claims = decodeJwtClaims(IdToken)!;
		const kid = cognito.jwks().keys[0].kid;
		const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
		const [header, , signature] = IdToken.split('.');
		// A later expiry, which every claim check would accept: only the signature catches it.
		const changed = Buffer.from(
			JSON.stringify({ ...claims, exp: Number(claims.exp) + 3600 }),
		).toString('base64url');
		for (const token of [
			signRs256(claims, stranger, kid),
			`${header}.${changed}.${signature}`,
			AccessToken,
			'not.a.jwt',
		]) {
			expect(errorOf(await new DataApi(fm).login(fmid(token)))).toEqual(REFUSED);
		}
		expect((await new DataApi(fm).login(fmid(IdToken))).status).toBe(200);
	});

	it("ends the session when its ID token's hour is over, even while in use: 401 with 952", async () => {
		const { IdToken } = cognito.tokens.signIn(OWNER);
		const api = new DataApi(fm);
		await api.login(fmid(IdToken));
		for (let minute = 14; minute <= 56; minute += 14) {
			clock.advance(14 * MINUTE);
			expect((await api.get('/databases/Contacts/layouts')).status).toBe(200);
		}
		clock.advance(4 * MINUTE);
		expect(errorOf(await api.get('/databases/Contacts/layouts'))).toEqual({
			status: 401,
			code: '952',
			message: 'Invalid FileMaker Data API token (*)',
		});
		expect(fm.sessions.isOpen(api.token)).toBe(false);

		const refreshed = cognito.tokens.signIn(OWNER).IdToken;
		expect((await api.login(fmid(refreshed))).status).toBe(200);
	});

	it('keeps FileMaker Server mode as it was: FMID is not a way in there', async () => {
		const server = await startFileMakerSandbox({ clock });
		try {
			const { IdToken } = cognito.tokens.signIn(OWNER);
			expect(errorOf(await new DataApi(server).login(fmid(IdToken)))).toEqual(REFUSED);
			const api = new DataApi(server);
			expect((await api.login()).status).toBe(200);
			expect(server.sessions.expiresAt(api.token)).toBeUndefined();
		} finally {
			await server.close();
		}
	});
});

describe('FileMaker sandbox: Cloud mode checks every claim of the ID token', () => {
	const clock = createClock();
	const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const issuer = 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_ClaimsTest';
	const clientId = 'claimstestclient0000000000';
	let fm: FileMakerSandbox;

	beforeAll(async () => {
		fm = await startFileMakerSandbox({
			clock,
			cloud: { issuer, clientId, jwks: { keys: [jwkOf(keys.publicKey)] }, loginResponse: 'empty' },
		});
	});
	afterAll(() => fm.close());

	const token = (changes: JwtClaims = {}) => {
		const iat = Math.floor(clock.now() / 1000);
		const claims: JwtClaims = {
			iss: issuer,
			aud: clientId,
			token_use: 'id',
			email: 'someone@example.com',
			iat,
			exp: iat + 3600,
			...changes,
		};
		for (const [name, value] of Object.entries(changes))
			if (value === undefined) delete claims[name];
		return `FMID ${signRs256(claims, keys.privateKey, 'test-key')}`;
	};

	it('accepts a token with every claim right, and answers as the Claris guide shows', async () => {
		const api = new DataApi(fm);
		const login = await api.login(token());
		expect(login.status).toBe(200);
		expect(login.body.response).toEqual({});
		expect(api.token).toMatch(/^[0-9a-f]{52}$/);
	});

	it.each([
		['another issuer', { iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Other' }],
		['another app client', { aud: 'someotherclient00000000000' }],
		['an access token', { token_use: 'access' }],
		['no email', { email: undefined }],
		['no expiry', { exp: undefined }],
		['an expiry just passed', { exp: Math.floor(Date.now() / 1000) - 1 }],
	])('refuses %s', async (_case, changes) => {
		expect(errorOf(await new DataApi(fm).login(token(changes)))).toEqual(REFUSED);
	});

	it('refuses the scheme in any other form than "FMID <token>"', async () => {
		const bare = token().slice('FMID '.length);
		for (const authorization of [`Bearer ${bare}`, bare, `FMID ${bare} extra`]) {
			expect(errorOf(await new DataApi(fm).login(authorization))).toEqual(REFUSED);
		}
		expect((await new DataApi(fm).login(`fmid ${bare}`)).status).toBe(200);
	});
});

function jwkOf(publicKey: KeyObject) {
	const { n, e } = publicKey.export({ format: 'jwk' });
	return {
		kty: 'RSA' as const,
		alg: 'RS256' as const,
		use: 'sig' as const,
		kid: 'test-key',
		n: n!,
		e: e!,
	};
}
