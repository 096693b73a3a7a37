/** The HTML pages a person sees at the sandbox's login.microsoftonline.com. */
import type { AadstsError } from './aadsts';
import type { RequestTrace } from './wire';

export const PAGE_TITLE = 'Sign in to your account';
export const WRONG_PASSWORD =
	"Your account or password is incorrect. If you don't remember your password, reset it now.";
export const UNKNOWN_ACCOUNT =
	'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.';

/** The authorization request's parameters that the sign-in form carries back in hidden inputs. */
export const CARRIED_PARAMS = [
	'client_id',
	'response_type',
	'redirect_uri',
	'response_mode',
	'scope',
	'state',
	'nonce',
	'code_challenge',
	'code_challenge_method',
	'prompt',
	'login_hint',
	'domain_hint',
	'client_info',
] as const;

export type AuthorizeParams = Partial<Record<(typeof CARRIED_PARAMS)[number], string>>;

export function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(character) =>
			({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
			character,
	);
}

function page(body: string[], extraHead: string[] = []): string {
	return [
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${PAGE_TITLE}</title>`,
		...extraHead,
		'</head>',
		'<body>',
		...body,
		'</body>',
		'</html>',
		'',
	].join('\n');
}

const hidden = (name: string, value: string) =>
	`<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

/** The sign-in form; it posts back to the authorization endpoint it was shown for. */
export function signInPage(
	action: string,
	params: AuthorizeParams,
	options: { appName: string; error?: string; loginfmt?: string },
): string {
	const carried = CARRIED_PARAMS.filter((name) => params[name] !== undefined).map((name) =>
		hidden(name, params[name] ?? ''),
	);
	const loginfmt = options.loginfmt ?? params.login_hint ?? '';
	return page(
		[
			'<main>',
			'<div role="heading" aria-level="1">Sign in</div>',
			`<p>to continue to ${escapeHtml(options.appName)}</p>`,
			options.error
				? `<div id="passwordError" role="alert">${escapeHtml(options.error)}</div>`
				: '',
			`<form method="post" action="${escapeHtml(action)}" novalidate>`,
			...carried,
			'<label for="i0116">Email, phone, or Skype</label>',
			`<input type="email" name="loginfmt" id="i0116" autocomplete="username" value="${escapeHtml(loginfmt)}">`,
			'<label for="i0118">Password</label>',
			'<input type="password" name="passwd" id="i0118" autocomplete="current-password">',
			'<input type="submit" id="idSIButton9" value="Sign in">',
			'</form>',
			'</main>',
		].filter((line) => line !== ''),
	);
}

/** "Sorry, but we're having trouble signing you in." with the AADSTS error, instead of a redirect. */
export function errorPage(error: AadstsError, trace: RequestTrace, timestamp: string): string {
	return page([
		'<main>',
		'<div role="heading" aria-level="1">Sign in</div>',
		"<p>Sorry, but we're having trouble signing you in.</p>",
		`<p id="errorMessage">AADSTS${error.code}: ${escapeHtml(error.text)}</p>`,
		'<dl>',
		`<dt>Request Id</dt><dd>${trace.traceId}</dd>`,
		`<dt>Correlation Id</dt><dd>${trace.correlationId}</dd>`,
		`<dt>Timestamp</dt><dd>${escapeHtml(timestamp)}</dd>`,
		`<dt>Message</dt><dd>AADSTS${error.code}: ${escapeHtml(error.text)}</dd>`,
		'</dl>',
		'</main>',
	]);
}

/** `response_mode=form_post`: a form that posts the answer to the redirect URI by itself. */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
	return page(
		[
			`<form method="POST" name="hiddenform" action="${escapeHtml(redirectUri)}">`,
			...Object.entries(fields).map(([name, value]) => hidden(name, value)),
			'<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript>',
			'</form>',
			'<script>document.forms[0].submit();</script>',
		],
		[],
	);
}
