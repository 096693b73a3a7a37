import {
	COGNITO_MESSAGES,
	srpTimestamp,
	startCognitoSandbox,
	type CognitoSandbox,
} from '../../sandbox/cognito';
import { expectFailure, expectSuccess, LibraryClient } from './cognito-client';
import {
	cognitoCall,
	cognitoErrorOf,
	WireSrpClient,
	type SrpChallengeParameters,
} from './cognito-wire';

// amazon-cognito-identity-js does SRP's 3072-bit arithmetic in JavaScript: a sign-in takes a
// few hundred ms of CPU, several seconds when other test files share the machine.
jest.setTimeout(30_000);

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct horse battery staple';
const INCORRECT = {
	code: 'NotAuthorizedException',
	name: 'NotAuthorizedException',
	message: 'Incorrect username or password.',
};

describe('Cognito sandbox: USER_SRP_AUTH', () => {
	let cognito: CognitoSandbox;
	let library: LibraryClient;

	beforeAll(async () => {
		cognito = await startCognitoSandbox({
			users: [
				{ email: EMAIL, password: PASSWORD },
				{ email: 'reset@example.com', password: PASSWORD, status: 'RESET_REQUIRED' },
				{ email: 'off@example.com', password: PASSWORD, enabled: false },
			],
		});
		library = new LibraryClient(cognito);
	});
	afterAll(() => cognito.close());
	beforeEach(() => {
		cognito.counters.reset();
		cognito.faults.reset();
		cognito.clock.reset();
	});

	it('signs amazon-cognito-identity-js in with the right password, by email or username', async () => {
		const session = expectSuccess(await library.signIn(EMAIL, PASSWORD));
		const user = cognito.users.get(EMAIL)!;
		expect(session.getIdToken().payload).toMatchObject({
			email: EMAIL,
			'cognito:username': user.username,
			sub: user.sub,
			token_use: 'id',
			aud: cognito.clientId,
			iss: `https://cognito-idp.us-west-2.amazonaws.com/${cognito.userPoolId}`,
		});
		expect(session.getRefreshToken().getToken()).toMatch(/^eyJ[\w-]+(\.[\w-]+){4}$/);
		expectSuccess(await library.signIn(user.username, PASSWORD));
		expectSuccess(await library.signIn(EMAIL.toUpperCase(), PASSWORD));
		expect(cognito.counters.srpAttempts).toBe(3);
		expect(cognito.counters.srpLogins).toBe(3);
	});

	it('answers a wrong password and an unknown user with the same NotAuthorizedException', async () => {
		expect(expectFailure(await library.signIn(EMAIL, 'wrong password'))).toEqual(INCORRECT);
		expect(expectFailure(await library.signIn('nobody@example.com', PASSWORD))).toEqual(INCORRECT);
		expect(cognito.counters.srpAttempts).toBe(2);
		expect(cognito.counters.failedSrpLogins).toBe(2);
		expect(cognito.counters.srpLogins).toBe(0);
	});

	it('gives an unknown user a challenge that looks like a real one, the same each time', async () => {
		const real = await new WireSrpClient(cognito).start(EMAIL);
		const first = await new WireSrpClient(cognito).start('nobody@example.com');
		const second = await new WireSrpClient(cognito).start('NOBODY@example.com');
		for (const answer of [real, first, second]) {
			expect(answer.status).toBe(200);
			expect(answer.body.ChallengeName).toBe('PASSWORD_VERIFIER');
			expect(answer.body).not.toHaveProperty('Session');
			const parameters = answer.body.ChallengeParameters as SrpChallengeParameters;
			expect(Object.keys(parameters).sort()).toEqual([
				'SALT',
				'SECRET_BLOCK',
				'SRP_B',
				'USERNAME',
				'USER_ID_FOR_SRP',
			]);
			expect(parameters.USER_ID_FOR_SRP).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
			expect(parameters.USERNAME).toBe(parameters.USER_ID_FOR_SRP);
		}
		const fake = (answer: typeof first) =>
			answer.body.ChallengeParameters as SrpChallengeParameters;
		expect(fake(first).SALT).toBe(fake(second).SALT);
		expect(fake(first).USER_ID_FOR_SRP).toBe(fake(second).USER_ID_FOR_SRP);
		expect(fake(first).SRP_B).not.toBe(fake(second).SRP_B);
	});

	it('sends errors as Cognito does: 400, __type and message, x-amzn-ErrorType with a colon', async () => {
		const client = new WireSrpClient(cognito);
		const challenge = await client.start(EMAIL);
		const parameters = challenge.body.ChallengeParameters as SrpChallengeParameters;
		const answer = await client.answer(parameters, 'wrong password', srpTimestamp(Date.now()));
		expect(answer.body).toEqual({
			__type: 'NotAuthorizedException',
			message: 'Incorrect username or password.',
		});
		expect(answer.status).toBe(400);
		expect(answer.headers.get('content-type')).toBe('application/x-amz-json-1.1');
		expect(answer.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException:');
		expect(answer.headers.get('x-amzn-errormessage')).toBe('Incorrect username or password.');
		expect(answer.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('signs in a hand-driven client, and refuses a spent SECRET_BLOCK', async () => {
		const client = new WireSrpClient(cognito);
		const parameters = (await client.start(EMAIL)).body
			.ChallengeParameters as SrpChallengeParameters;
		const timestamp = srpTimestamp(Date.now());
		const first = await client.answer(parameters, PASSWORD, timestamp);
		expect(first.status).toBe(200);
		expect(first.body).toEqual({
			AuthenticationResult: {
				AccessToken: expect.any(String),
				ExpiresIn: 3600,
				IdToken: expect.any(String),
				RefreshToken: expect.any(String),
				TokenType: 'Bearer',
			},
			ChallengeParameters: {},
		});
		const replay = await client.answer(parameters, PASSWORD, timestamp);
		expect(cognitoErrorOf(replay)).toMatchObject({ status: 400, message: INCORRECT.message });
	});

	it('refuses a TIMESTAMP with a zero-padded day or a wrong weekday, as Cognito does', async () => {
		for (const timestamp of ['Wed Apr 05 22:42:34 UTC 2017', 'Thu Apr 5 22:42:34 UTC 2017']) {
			const client = new WireSrpClient(cognito);
			const parameters = (await client.start(EMAIL)).body
				.ChallengeParameters as SrpChallengeParameters;
			const answer = await client.answer(parameters, PASSWORD, timestamp);
			expect(cognitoErrorOf(answer)).toEqual({
				status: 400,
				type: 'NotAuthorizedException',
				message: INCORRECT.message,
				headerType: 'NotAuthorizedException:',
			});
		}
	});

	it('answers an unknown app client with ResourceNotFoundException', async () => {
		const other = new LibraryClient(cognito, 'unknownclient00000000000000');
		expect(expectFailure(await other.signIn(EMAIL, PASSWORD))).toEqual({
			code: 'ResourceNotFoundException',
			name: 'ResourceNotFoundException',
			message: 'User pool client unknownclient00000000000000 does not exist.',
		});
	});

	it('refuses a user who must reset the password, and a disabled user', async () => {
		expect(expectFailure(await library.signIn('reset@example.com', PASSWORD))).toMatchObject({
			code: 'PasswordResetRequiredException',
			message: COGNITO_MESSAGES.passwordResetRequired,
		});
		expect(expectFailure(await library.signIn('off@example.com', PASSWORD))).toMatchObject({
			code: 'NotAuthorizedException',
			message: 'User is disabled.',
		});
		expect(expectFailure(await library.signIn('off@example.com', 'wrong'))).toEqual(INCORRECT);
	});

	it('refuses flows the app client does not allow and missing parameters', async () => {
		const plain = await cognitoCall(cognito, 'InitiateAuth', {
			AuthFlow: 'USER_PASSWORD_AUTH',
			ClientId: cognito.clientId,
			AuthParameters: { USERNAME: EMAIL, PASSWORD },
		});
		expect(cognitoErrorOf(plain)).toMatchObject({
			status: 400,
			type: 'InvalidParameterException',
			message: 'USER_PASSWORD_AUTH flow not enabled for this client',
		});
		const noA = await cognitoCall(cognito, 'InitiateAuth', {
			AuthFlow: 'USER_SRP_AUTH',
			ClientId: cognito.clientId,
			AuthParameters: { USERNAME: EMAIL },
		});
		expect(cognitoErrorOf(noA)).toMatchObject({
			type: 'InvalidParameterException',
			message: 'Missing required parameter SRP_A',
		});
	});
});
