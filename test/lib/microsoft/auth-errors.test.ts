import { RequestTimeoutError } from '../../../lib/http/errors';
import { MicrosoftAuthError, authErrorFrom } from '../../../lib/microsoft/auth-errors';

/** What msal-node throws for an error answer of the token endpoint (a ServerError). */
function msalServerError(description: string) {
	return Object.assign(new Error(description), {
		errorCode: 'invalid_client',
		errorMessage: description,
	});
}

describe('authErrorFrom', () => {
	it('names an expired secret (AADSTS7000222) and says what to do', () => {
		const error = authErrorFrom(
			msalServerError(
				"AADSTS7000222: The provided client secret keys for app '0b6f…' are expired. Trace ID: 1 Correlation ID: 2 Timestamp: 2026-11-29",
			),
		);
		expect(error).toBeInstanceOf(MicrosoftAuthError);
		expect([error.message, error.aadsts]).toEqual([
			'The client secret of the app has expired (AADSTS7000222)',
			'7000222',
		]);
		expect(error.hint).toMatch(/Create a new client secret/);
	});

	it('keeps the first line of an AADSTS error it does not know, and where to look it up', () => {
		const error = authErrorFrom(
			msalServerError('AADSTS50059: No tenant-identifying information.\r\nTrace ID: 3'),
		);
		expect(error.message).toBe(
			'The Microsoft identity platform refused the token request: AADSTS50059: No tenant-identifying information.',
		);
		expect(error.hint).toBe("Look up AADSTS50059 in Microsoft's list of sign-in error codes.");
	});

	it("says what the transport rules found (a timeout), not msal's bare network_error", () => {
		const timeout = new RequestTimeoutError(
			'The Microsoft identity platform did not answer within 1 s',
			'Raise the timeout.',
		);
		expect(authErrorFrom(timeout)).toMatchObject({
			message: 'The Microsoft identity platform did not answer within 1 s',
			hint: 'Raise the timeout.',
			aadsts: undefined,
		});
	});

	it('cuts a long description to 300 characters', () => {
		const error = authErrorFrom(new Error('x'.repeat(1000)));
		expect(error.message).toBe(`No token from the Microsoft identity platform: ${'x'.repeat(300)}`);
	});
});
