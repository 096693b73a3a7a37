/** The HTML pages a person sees at the identity sandbox. */

export const PAGE_TITLE = 'Sign in – Sandbox ID';

/** The query of `GET /authorize` that the form carries back in hidden inputs. */
export const CARRIED_PARAMS = [
	'response_type',
	'client_id',
	'redirect_uri',
	'scope',
	'state',
	'nonce',
] as const;

export function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(character) =>
			({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
			character,
	);
}

function page(title: string, body: string): string {
	return [
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(title)}</title>`,
		'</head>',
		'<body>',
		body,
		'</body>',
		'</html>',
		'',
	].join('\n');
}

/** The sign-in form; `query` goes back in hidden inputs, `email` is kept after a wrong try. */
export function signInPage(
	query: Partial<Record<(typeof CARRIED_PARAMS)[number], string>>,
	options: { error?: string; email?: string } = {},
): string {
	const hidden = CARRIED_PARAMS.filter((name) => query[name] !== undefined).map(
		(name) => `<input type="hidden" name="${name}" value="${escapeHtml(query[name] ?? '')}">`,
	);
	return page(
		PAGE_TITLE,
		[
			'<main>',
			'<h1>Sign in</h1>',
			options.error ? `<p role="alert" class="error">${escapeHtml(options.error)}</p>` : '',
			'<form method="post" action="/authorize">',
			...hidden,
			'<p><label for="email">Email</label>',
			`<input id="email" name="email" type="email" autocomplete="username" value="${escapeHtml(options.email ?? '')}" required></p>`,
			'<p><label for="password">Password</label>',
			'<input id="password" name="password" type="password" autocomplete="current-password"></p>',
			'<p><button type="submit" name="signin" value="1">Sign in</button>',
			'<button type="submit" name="cancel" value="1" formnovalidate>Cancel</button></p>',
			'</form>',
			'</main>',
		]
			.filter((line) => line !== '')
			.join('\n'),
	);
}

/** What the identity provider shows instead of redirecting to an address it cannot trust. */
export function errorPage(message: string): string {
	return page(
		'Error – Sandbox ID',
		`<main>\n<h1>This sign-in request cannot be used</h1>\n<p>${escapeHtml(message)}</p>\n</main>`,
	);
}
