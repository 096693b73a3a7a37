/** The small pages the person's browser sees during a sign-in: plain HTML, every value escaped. */

function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(character) =>
			({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
			character,
	);
}

function page(title: string, body: string, head = ''): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>${head}
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.4rem}p{line-height:1.5}.muted{color:#6e6e73;font-size:.9rem}</style></head>
<body>${body}</body></html>`;
}

/**
 * The page that sends the browser on to the identity provider. A page rather than a bare
 * redirect: a browser already signed in at the provider can come back within milliseconds,
 * before n8n has saved the execution as waiting, and n8n would answer that with 409.
 */
export function redirectPage(provider: string, url: string): string {
	const target = escapeHtml(url);
	return page(
		`Sign in with ${provider}`,
		`<h1>Taking you to ${escapeHtml(provider)}…</h1>
<p>Sign in there, and you will come back here.</p>
<p class="muted">Nothing happening? <a id="continue" href="${target}">Continue to ${escapeHtml(provider)}</a>.</p>`,
		`<meta http-equiv="refresh" content="1;url=${target}">`,
	);
}

export function signedInPage(title: string, message: string): string {
	return page(
		title,
		`<h1 id="signed-in">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
<p class="muted">You can close this window.</p>`,
	);
}

export function failurePage(title: string, message: string, whatToDo: string): string {
	return page(
		title,
		`<h1 id="sign-in-failed">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>
<p>${escapeHtml(whatToDo)}</p>`,
	);
}
