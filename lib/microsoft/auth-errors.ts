import { TransportError } from '../http/errors';

/**
 * A token request the Microsoft identity platform refused, or that never reached it. The
 * message says what happened and `hint` what to do; neither ever holds a secret. `aadsts` is
 * the identity platform's error number (`7000222` for an expired secret).
 */
export class MicrosoftAuthError extends Error {
	readonly name = 'MicrosoftAuthError';

	constructor(
		message: string,
		readonly aadsts: string | undefined,
		readonly hint: string,
		readonly httpStatus?: number,
	) {
		super(message);
	}
}

const KNOWN: Record<string, { message: string; hint: string }> = {
	'7000222': {
		message: 'The client secret of the app has expired (AADSTS7000222)',
		hint: 'Create a new client secret under the app\'s Certificates & secrets in the Entra admin center, paste its Value into the credential, and set "Secret Expires On" so n8n warns before the next one lapses.',
	},
	'7000215': {
		message: 'The client secret is not valid for this app (AADSTS7000215)',
		hint: "Paste the secret's Value (not its Secret ID) from the app's Certificates & secrets, for the app whose Client ID is in the credential.",
	},
	'700016': {
		message: 'No app with this Client ID exists in the tenant (AADSTS700016)',
		hint: "Check the Client ID and the Tenant ID: both are on the app's Overview page in the Entra admin center.",
	},
	'90002': {
		message: 'The tenant was not found (AADSTS90002)',
		hint: 'Check the Tenant ID ("Directory (tenant) ID") and the national cloud of the credential.',
	},
	'700027': {
		message: 'The certificate assertion was not accepted (AADSTS700027)',
		hint: "Upload the certificate (its public part) to the app's Certificates & secrets, and use its private key and thumbprint in the credential.",
	},
	'7000112': {
		message: 'The app is disabled (AADSTS7000112)',
		hint: "Ask an Entra administrator to enable the app's enterprise application.",
	},
	'1002012': {
		message: 'The scope was refused (AADSTS1002012)',
		hint: 'Application permissions are requested with the scope "<Graph host>/.default"; check the national cloud of the credential.',
	},
};

/**
 * The error to show for what msal threw. msal's server errors carry the identity platform's
 * `error_description` ("AADSTS7000222: …, Trace ID: …") and nothing secret.
 */
export function authErrorFrom(error: unknown): MicrosoftAuthError {
	if (error instanceof MicrosoftAuthError) return error;
	// The transport rules' own errors (a timeout, a refused redirect) already say what to do.
	if (error instanceof TransportError) {
		return new MicrosoftAuthError(error.message, undefined, error.hint, error.httpStatus);
	}
	const { errorMessage, message, errorCode } = (error ?? {}) as {
		errorMessage?: string;
		message?: string;
		errorCode?: string;
	};
	const description = errorMessage || message || String(error);
	const aadsts = /AADSTS(\d+)/.exec(description)?.[1];
	const known = aadsts ? KNOWN[aadsts] : undefined;
	if (known) return new MicrosoftAuthError(known.message, aadsts, known.hint);
	const firstLine = description.split(/\r?\n/)[0].slice(0, 300);
	return new MicrosoftAuthError(
		aadsts
			? `The Microsoft identity platform refused the token request: ${firstLine}`
			: `No token from the Microsoft identity platform${errorCode ? ` (${errorCode})` : ''}: ${firstLine}`,
		aadsts,
		aadsts
			? `Look up AADSTS${aadsts} in Microsoft's list of sign-in error codes.`
			: "Check the network path to the Microsoft identity platform (proxy, firewall) and the credential's national cloud.",
	);
}
