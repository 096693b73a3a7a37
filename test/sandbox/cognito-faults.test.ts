import { startCognitoSandbox, type CognitoSandbox } from '../../sandbox/cognito';
import { expectFailure, expectMfa, expectSuccess, LibraryClient } from './cognito-client';
import { cognitoCall, cognitoErrorOf, refreshCall } from './cognito-wire';

// amazon-cognito-identity-js does SRP's 3072-bit arithmetic in JavaScript: a sign-in takes a
// few hundred ms of CPU, several seconds when other test files share the machine.
jest.setTimeout(30_000);

const EMAIL = 'linus@example.com';
const PASSWORD = 'faults and counters';

describe('Cognito sandbox: fault switches, counters and the control API', () => {
	let cognito: CognitoSandbox;
	let library: LibraryClient;

	beforeAll(async () => {
		cognito = await startCognitoSandbox({
			users: [
				{ email: EMAIL, password: PASSWORD },
				{
					email: 'texted@example.com',
					password: PASSWORD,
					mfa: { type: 'sms', phoneNumber: '+447700900123' },
				},
			],
		});
		library = new LibraryClient(cognito);
	});
	afterAll(() => cognito.close());
	beforeEach(() => {
		cognito.faults.reset();
		cognito.counters.reset();
	});

	const admin = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${cognito.url}/__sandbox/${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	};

	it('throttles as Cognito does: 400 TooManyRequestsException "Rate exceeded"', async () => {
		cognito.faults.throttleNext({ endpoint: 'initiateAuth' });
		expect(expectFailure(await library.signIn(EMAIL, PASSWORD))).toEqual({
			code: 'TooManyRequestsException',
			name: 'TooManyRequestsException',
			message: 'Rate exceeded',
		});
		expectSuccess(await library.signIn(EMAIL, PASSWORD));
	});

	it('fails the next call of one endpoint with a Cognito error type', async () => {
		const { RefreshToken } = cognito.tokens.signIn(EMAIL);
		cognito.faults.failNext({
			endpoint: 'refresh',
			code: 'NotAuthorizedException',
			message: 'Invalid Refresh Token.',
		});
		expect(cognitoErrorOf(await refreshCall(cognito, RefreshToken!))).toEqual({
			status: 400,
			type: 'NotAuthorizedException',
			message: 'Invalid Refresh Token.',
			headerType: 'NotAuthorizedException:',
		});
		cognito.faults.failNext({ code: 'InternalErrorException' });
		expect(cognitoErrorOf(await refreshCall(cognito, RefreshToken!))).toMatchObject({
			status: 500,
			type: 'InternalErrorException',
		});
		expect((await refreshCall(cognito, RefreshToken!)).status).toBe(200);
	});

	it('answers 429 with Retry-After for rateLimitNext, and drops connections', async () => {
		cognito.faults.rateLimitNext({ retryAfterSeconds: 2, endpoint: 'passwordVerifier' });
		expect(expectFailure(await library.signIn(EMAIL, PASSWORD)).code).toBe(
			'TooManyRequestsException',
		);
		cognito.faults.dropNext({ endpoint: 'initiateAuth' });
		// The library turns fetch's TypeError into NetworkError; under jest the TypeError comes
		// from another realm, fails its instanceof check and arrives as it was.
		expect(expectFailure(await library.signIn(EMAIL, PASSWORD)).message).toMatch(
			/^(Network error|fetch failed)$/,
		);
		expect(cognito.counters.requests('initiateAuth')).toBe(2);

		cognito.faults.rateLimitNext({ retryAfterSeconds: 7, endpoint: 'refresh' });
		const limited = await refreshCall(cognito, 'any');
		expect(limited.headers.get('retry-after')).toBe('7');
		expect(cognitoErrorOf(limited)).toMatchObject({
			status: 429,
			type: 'TooManyRequestsException',
		});
	});

	it('counts requests per endpoint and the sign-in events', async () => {
		const challenge = expectMfa(await library.signIn('texted@example.com', PASSWORD));
		expectSuccess(await challenge.answer(cognito.users.lastSmsCode('texted@example.com')!));
		expectFailure(await library.signIn(EMAIL, 'wrong'));
		expect((await admin('GET', 'counters')).body).toEqual({
			requests: 5,
			'requests.initiateAuth': 2,
			'requests.passwordVerifier': 2,
			'requests.mfa': 1,
			srpAttempts: 2,
			srpLogins: 1,
			failedSrpLogins: 1,
			mfaChallenges: 1,
			failedMfa: 0,
			refreshes: 0,
			failedRefreshes: 0,
		});
	});

	it('shows users, texted codes and revokes tokens through /__sandbox', async () => {
		const user = (await admin('GET', `users/${encodeURIComponent(EMAIL)}`)).body;
		expect(user).toEqual({
			username: cognito.users.get(EMAIL)!.username,
			sub: cognito.users.get(EMAIL)!.sub,
			email: EMAIL,
			status: 'CONFIRMED',
			enabled: true,
		});
		expect((await admin('GET', 'users/nobody@example.com')).status).toBe(404);

		expectMfa(await library.signIn('texted@example.com', PASSWORD));
		expect((await admin('GET', 'users/texted@example.com/sms')).body).toEqual({
			code: cognito.users.lastSmsCode('texted@example.com'),
		});

		cognito.users.revokeAll(EMAIL);
		const { RefreshToken } = cognito.tokens.signIn(EMAIL);
		expect((await admin('POST', 'tokens/revoke', { refreshToken: RefreshToken })).body).toEqual({
			revoked: true,
		});
		expect(cognito.tokens.isActive(RefreshToken!)).toBe(false);
		const again = cognito.tokens.signIn(EMAIL).RefreshToken!;
		expect((await admin('POST', `users/${EMAIL}/revoke-all`)).body).toEqual({ revoked: 1 });
		expect(cognito.tokens.isActive(again)).toBe(false);

		expect((await admin('POST', 'throttle-next', { endpoint: 'refresh' })).body).toEqual({
			ok: true,
		});
		expect(cognitoErrorOf(await refreshCall(cognito, again))).toMatchObject({
			type: 'TooManyRequestsException',
		});
		expect((await admin('POST', 'throttle-next', { endpoint: 'nowhere' })).status).toBe(400);
	});

	it('answers an operation it does not implement with UnknownOperationException', async () => {
		const answer = await cognitoCall(cognito, 'SignUp', { ClientId: cognito.clientId });
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual({ __type: 'UnknownOperationException' });
		expect(cognito.counters.requests('otherOperation')).toBe(1);
	});
});
