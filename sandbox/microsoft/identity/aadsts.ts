/**
 * The errors the Microsoft identity platform answers with: an OAuth `error`, an AADSTS number
 * and its text. Texts are as clients have captured them from login.microsoftonline.com (issue
 * reports quoting whole answers) where a capture exists; the numbers and their meaning are from
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes.
 */
export class AadstsError extends Error {
	constructor(
		readonly status: number,
		readonly error: string,
		readonly code: number,
		readonly text: string,
	) {
		super(`AADSTS${code}: ${text}`);
		this.name = 'AadstsError';
	}
}

const CERT_CREDS = 'https://aka.ms/certCreds';

export const aadsts = {
	unknownTenant: (tenant: string) =>
		new AadstsError(
			400,
			'invalid_request',
			90002,
			`Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
		),
	consumersNotAllowed: (clientId: string, name: string) =>
		new AadstsError(
			400,
			'invalid_request',
			9002332,
			`Application '${clientId}'(${name}) is configured for use by Azure Active Directory users only. Please do not use the /consumers endpoint to serve this request.`,
		),
	grantNotOnCommon: () =>
		new AadstsError(
			400,
			'invalid_request',
			9001023,
			"The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.",
		),
	missingParameter: (name: string) =>
		new AadstsError(
			400,
			'invalid_request',
			900144,
			`The request body must contain the following parameter: '${name}'.`,
		),
	unsupportedGrantType: (grantType: string) =>
		new AadstsError(
			400,
			'unsupported_grant_type',
			70003,
			`The app requested an unsupported grant type '${grantType}'.`,
		),
	unknownClient: (clientId: string, directory: string) =>
		new AadstsError(
			400,
			'unauthorized_client',
			700016,
			`Application with identifier '${clientId}' was not found in the directory '${directory}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
		),
	missingCredential: () =>
		new AadstsError(
			401,
			'invalid_client',
			7000218,
			"The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
		),
	publicClientWithCredential: () =>
		new AadstsError(
			401,
			'invalid_client',
			700025,
			"Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
		),
	twoCredentials: () =>
		new AadstsError(
			400,
			'invalid_request',
			90023,
			"The request can carry only one client credential: 'client_secret' or 'client_assertion'.",
		),
	wrongSecret: (clientId: string) =>
		new AadstsError(
			401,
			'invalid_client',
			7000215,
			`Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
		),
	expiredSecret: (clientId: string) =>
		new AadstsError(
			401,
			'invalid_client',
			7000222,
			`The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: ${CERT_CREDS}.`,
		),
	/** The signature does not verify with the registered certificate's key. */
	assertionSignature: (thumbprintHex: string) =>
		new AadstsError(
			401,
			'invalid_client',
			700027,
			`Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '${thumbprintHex}']`,
		),
	/** Any other flaw of the assertion (its shape, header or claims): the sandbox's own words. */
	badAssertion: (reason: string) =>
		new AadstsError(
			401,
			'invalid_client',
			700027,
			`Client assertion is not valid. [Reason - ${reason}]`,
		),
	unknownAssertionKey: (thumbprintHex: string, clientId: string) =>
		new AadstsError(
			401,
			'invalid_client',
			700027,
			`The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprintHex}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/${clientId}']`,
		),
	assertionTimeRange: (now: string, validFrom: string, expiry: string) =>
		new AadstsError(
			401,
			'invalid_client',
			700024,
			`Client assertion is not within its valid time range. Current time: ${now}, assertion valid from ${validFrom}, expiry time of assertion ${expiry}. Review the documentation at ${CERT_CREDS} .`,
		),
	scopeNotDefault: (scope: string) =>
		new AadstsError(
			400,
			'invalid_scope',
			1002012,
			`The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
		),
	unknownResource: (resource: string, tenant: string) =>
		new AadstsError(
			400,
			'invalid_resource',
			500011,
			`The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
		),
	notConsented: (clientId: string, name: string) =>
		new AadstsError(
			400,
			'invalid_grant',
			65001,
			`The user or administrator has not consented to use the application with ID '${clientId}' named '${name}'. Send an interactive authorization request for this user and resource.`,
		),
	/** At the authorization endpoint: scopes the tenant has not consented to for the app. */
	consentRequired: (clientId: string, name: string, scopes: string[]) =>
		new AadstsError(
			400,
			'consent_required',
			65001,
			`The user or administrator has not consented to use the application with ID '${clientId}' named '${name}'. Send an interactive authorization request for this user and resource. Scopes not consented: ${scopes.join(' ')}.`,
		),
	malformedGrant: () =>
		new AadstsError(
			400,
			'invalid_grant',
			9002313,
			'Invalid request. Request is malformed or invalid.',
		),
	expiredCode: () =>
		new AadstsError(
			400,
			'invalid_grant',
			70008,
			'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
		),
	codeRedeemed: () =>
		new AadstsError(
			400,
			'invalid_grant',
			54005,
			'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
		),
	grantForOtherClient: (parameter: 'code' | 'refresh_token') =>
		new AadstsError(
			400,
			'invalid_grant',
			70000,
			`The provided value for the '${parameter}' parameter is not valid. It was issued to a different client.`,
		),
	codeForOtherTenant: () =>
		new AadstsError(
			400,
			'invalid_grant',
			700005,
			'Provided Authorization Code is intended to use against other tenant, thus rejected.',
		),
	pkceMismatch: () =>
		new AadstsError(
			400,
			'invalid_grant',
			501481,
			'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
		),
	redirectUriNotRegistered: (uri: string, clientId: string) =>
		new AadstsError(
			400,
			'invalid_request',
			50011,
			`The redirect URI '${uri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
		),
	redirectUriDiffers: (given: string, original: string) =>
		new AadstsError(
			400,
			'invalid_client',
			500112,
			`The reply address '${given}' does not match the reply address '${original}' provided when requesting Authorization code.`,
		),
	refreshTokenInactive: (issuedOn: string, days: number) =>
		new AadstsError(
			400,
			'invalid_grant',
			700082,
			`The refresh token has expired due to inactivity. The token was issued on ${issuedOn} and was inactive for ${days}.00:00:00.`,
		),
	refreshTokenRevoked: (issuedOn: string, validFrom: string) =>
		new AadstsError(
			400,
			'invalid_grant',
			50173,
			`The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${issuedOn}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${validFrom}'.`,
		),
	userNotInTenant: (upn: string, tenant: string, clientId: string, name: string) =>
		new AadstsError(
			400,
			'invalid_request',
			50020,
			`User account '${upn}' from identity provider 'https://sts.windows.net/' does not exist in tenant '${tenant}' and cannot access the application '${clientId}'(${name}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
		),
	noReplyAddress: () =>
		new AadstsError(400, 'invalid_request', 900971, 'No reply address provided.'),
	unsupportedResponseType: (type: string) =>
		new AadstsError(
			400,
			'unsupported_response_type',
			70005,
			`The app requested an unsupported response type '${type}'; the sandbox answers response_type=code only.`,
		),
	unsupportedResponseMode: (mode: string) =>
		new AadstsError(
			400,
			'invalid_request',
			70007,
			`The app returned an unsupported value '${mode}' of response_mode.`,
		),
	badChallengeMethod: () =>
		new AadstsError(400, 'invalid_request', 50149, 'Invalid Code_Challenge_method parameter.'),
	badChallengeSize: () =>
		new AadstsError(400, 'invalid_request', 501491, 'Invalid size of Code_Challenge parameter.'),
	loginRequired: () =>
		new AadstsError(
			400,
			'login_required',
			50058,
			'A silent sign-in request was sent but no user is signed in.',
		),
} as const;
