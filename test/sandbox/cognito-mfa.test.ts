import {
	srpTimestamp,
	startCognitoSandbox,
	totpCode,
	type CognitoSandbox,
} from '../../sandbox/cognito';
import { expectFailure, expectMfa, expectSuccess, LibraryClient } from './cognito-client';
import {
	cognitoCall,
	cognitoErrorOf,
	WireSrpClient,
	type SrpChallengeParameters,
} from './cognito-wire';

// amazon-cognito-identity-js does SRP's 3072-bit arithmetic in JavaScript: a sign-in takes a
// few hundred ms of CPU, several seconds when other test files share the machine.
jest.setTimeout(30_000);

const PASSWORD = 'a password with a second factor';
// RFC 6238's test secret ("12345678901234567890" in base32).
const TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('Cognito sandbox: MFA', () => {
	let cognito: CognitoSandbox;
	let library: LibraryClient;

	beforeAll(async () => {
		cognito = await startCognitoSandbox({
			users: [
				{
					email: 'totp@example.com',
					password: PASSWORD,
					mfa: { type: 'totp', secret: TOTP_SECRET },
				},
				{
					email: 'sms@example.com',
					password: PASSWORD,
					mfa: { type: 'sms', phoneNumber: '+15555550008' },
				},
			],
		});
		library = new LibraryClient(cognito);
	});
	afterAll(() => cognito.close());
	beforeEach(() => {
		cognito.counters.reset();
		cognito.clock.reset();
	});

	it('computes RFC 6238 codes (the RFC test vectors, truncated to 6 digits)', () => {
		expect(totpCode(TOTP_SECRET, 59_000)).toBe('287082');
		expect(totpCode(TOTP_SECRET, 1_111_111_109_000)).toBe('081804');
		expect(totpCode(TOTP_SECRET, 20_000_000_000_000)).toBe('353130');
	});

	it('challenges a TOTP user after the password and accepts the code of the sandbox clock', async () => {
		// A day ahead: a code computed from the wall clock would be refused.
		cognito.clock.advance(24 * 3600 * 1000);
		const challenge = expectMfa(await library.signIn('totp@example.com', PASSWORD));
		expect(challenge.challengeName).toBe('SOFTWARE_TOKEN_MFA');
		expect(challenge.parameters).toEqual({});
		expect(cognito.counters.mfaChallenges).toBe(1);

		const wallClockCode = totpCode(TOTP_SECRET, Date.now());
		const wrong =
			wallClockCode === totpCode(TOTP_SECRET, cognito.clock.now()) ? '000000' : wallClockCode;
		expect(expectFailure(await challenge.answer(wrong))).toEqual({
			code: 'CodeMismatchException',
			name: 'CodeMismatchException',
			message: 'Invalid code or auth state for the user.',
		});

		const session = expectSuccess(
			await challenge.answer(totpCode(TOTP_SECRET, cognito.clock.now())),
		);
		expect(session.getIdToken().payload.email).toBe('totp@example.com');
		expect(cognito.counters.failedMfa).toBe(1);
		expect(cognito.counters.srpLogins).toBe(1);
	});

	it('texts an SMS_MFA user a code, with the masked number in the challenge', async () => {
		const challenge = expectMfa(await library.signIn('sms@example.com', PASSWORD));
		expect(challenge.challengeName).toBe('SMS_MFA');
		expect(challenge.parameters).toEqual({
			CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
			CODE_DELIVERY_DESTINATION: '+*******0008',
		});
		const code = cognito.users.lastSmsCode('sms@example.com')!;
		expect(code).toMatch(/^\d{6}$/);
		expect(cognito.users.sentSms('sms@example.com').at(-1)).toMatchObject({
			phoneNumber: '+15555550008',
			code,
		});
		const wrong = code === '123456' ? '654321' : '123456';
		expect(expectFailure(await challenge.answer(wrong)).code).toBe('CodeMismatchException');
		expectSuccess(await challenge.answer(code));
	});

	it('refuses a TOTP code answered as SMS_MFA (the MFA type left out) with CodeMismatchException', async () => {
		const client = new WireSrpClient(cognito);
		const parameters = (await client.start('totp@example.com')).body
			.ChallengeParameters as SrpChallengeParameters;
		const challenge = await client.answer(parameters, PASSWORD, srpTimestamp(Date.now()));
		expect(challenge.body).toEqual({
			ChallengeName: 'SOFTWARE_TOKEN_MFA',
			ChallengeParameters: {},
			Session: expect.stringMatching(/^[\w-]{200,}$/),
		});
		const respond = (
			challengeName: string,
			codes: Record<string, string>,
			session = challenge.body.Session,
		) =>
			cognitoCall(cognito, 'RespondToAuthChallenge', {
				ChallengeName: challengeName,
				ClientId: cognito.clientId,
				Session: session,
				ChallengeResponses: { USERNAME: parameters.USER_ID_FOR_SRP, ...codes },
			});
		const code = totpCode(TOTP_SECRET, cognito.clock.now());

		expect(cognitoErrorOf(await respond('SMS_MFA', { SMS_MFA_CODE: code }))).toEqual({
			status: 400,
			type: 'CodeMismatchException',
			message: 'Invalid code or auth state for the user.',
			headerType: 'CodeMismatchException:',
		});
		expect(
			cognitoErrorOf(await respond('SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: code }, 'x')),
		).toMatchObject({
			type: 'NotAuthorizedException',
			message: 'Invalid session for the user.',
		});
		const done = await respond('SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: code });
		expect(done.status).toBe(200);
		expect(Object.keys(done.body.AuthenticationResult as object)).toContain('RefreshToken');
		expect(
			cognitoErrorOf(await respond('SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: code })),
		).toMatchObject({
			type: 'NotAuthorizedException',
			message: 'Invalid session for the user.',
		});
	});

	it('ends an MFA session after 3 minutes: "Invalid session for the user, session is expired."', async () => {
		const challenge = expectMfa(await library.signIn('totp@example.com', PASSWORD));
		cognito.clock.advance(3 * 60 * 1000);
		expect(
			expectFailure(await challenge.answer(totpCode(TOTP_SECRET, cognito.clock.now()))),
		).toEqual({
			code: 'NotAuthorizedException',
			name: 'NotAuthorizedException',
			message: 'Invalid session for the user, session is expired.',
		});
	});

	it('does not ask for MFA on refresh', async () => {
		const challenge = expectMfa(await library.signIn('sms@example.com', PASSWORD));
		const session = expectSuccess(
			await challenge.answer(cognito.users.lastSmsCode('sms@example.com')!),
		);
		const before = cognito.counters.mfaChallenges;
		const refreshed = await library.refresh(
			'sms@example.com',
			session.getRefreshToken().getToken(),
		);
		expect(refreshed.getIdToken().payload.email).toBe('sms@example.com');
		expect(cognito.counters.mfaChallenges).toBe(before);
	});
});
