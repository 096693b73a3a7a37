import type { FileMakerSandbox } from '../../sandbox/filemaker';
import { OAUTH_PROVIDER_NAME } from '../../sandbox/oauth';
import { DataApi, DATABASE } from './data-api';

/**
 * Plain-fetch helpers that play the two other parties of FileMaker Server's OAuth sign-in: the
 * client (an n8n node) that calls getoauthurl and logs in, and the person's browser, which
 * follows redirects by hand (`redirect: 'manual'`) and fills in the identity provider's form.
 */

/** Like n8n's resume URL: it carries a query of its own already. */
export const RETURN_URL = 'http://127.0.0.1:5678/webhook-waiting/42/fm-sign-in?signature=abc';

/** The query of getoauthurl; `null` leaves a parameter out. */
export interface GetOAuthUrlCall {
	trackingId?: string | null;
	provider?: string | null;
	address?: string | null;
	authType?: string | null;
	returnUrl?: string;
	/** Headers to send instead of the three FileMaker Server requires (null: leave one out). */
	headers?: Record<string, string | null>;
}

export interface GetOAuthUrlAnswer {
	status: number;
	headers: Headers;
	requestId: string | null;
	body: string;
}

/** `GET /oauth/getoauthurl` as documented: type 9, version 15, the return URL in a header. */
export async function getOAuthUrl(
	fm: Pick<FileMakerSandbox, 'url'>,
	call: GetOAuthUrlCall = {},
): Promise<GetOAuthUrlAnswer> {
	const query = new URLSearchParams();
	const params: Record<string, string | null> = {
		trackingID: call.trackingId === undefined ? 'tracking-1' : call.trackingId,
		provider: call.provider === undefined ? OAUTH_PROVIDER_NAME : call.provider,
		address: call.address === undefined ? '127.0.0.1' : call.address,
		'X-FMS-OAuth-AuthType': call.authType === undefined ? '2' : call.authType,
	};
	for (const [name, value] of Object.entries(params)) if (value !== null) query.set(name, value);
	const headers: Record<string, string> = {};
	const wanted: Record<string, string | null> = {
		'X-FMS-Application-Type': '9',
		'X-FMS-Application-Version': '15',
		'X-FMS-Return-URL': call.returnUrl ?? RETURN_URL,
		...call.headers,
	};
	for (const [name, value] of Object.entries(wanted)) if (value !== null) headers[name] = value;
	const response = await fetch(`${fm.url}/oauth/getoauthurl?${query.toString()}`, {
		headers,
		redirect: 'manual',
	});
	return {
		status: response.status,
		headers: response.headers,
		requestId: response.headers.get('x-fms-request-id'),
		body: await response.text(),
	};
}

/** What a careful client does with the body: trim it and encode the scope's spaces as `+`. */
export function providerUrlOf(body: string): string {
	return body.trim().replace(/ /g, '+');
}

function unescapeHtml(text: string): string {
	return text
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** The hidden inputs of the sign-in form. */
export function hiddenInputsOf(html: string): Record<string, string> {
	const inputs: Record<string, string> = {};
	for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
		inputs[match[1]] = unescapeHtml(match[2]);
	}
	return inputs;
}

export interface BrowserAnswer {
	status: number;
	location: string | null;
	text: string;
}

async function browse(url: string, init: RequestInit = {}): Promise<BrowserAnswer> {
	const response = await fetch(url, { ...init, redirect: 'manual' });
	return {
		status: response.status,
		location: response.headers.get('location'),
		text: await response.text(),
	};
}

/** The browser opens the provider's URL: the sign-in page. */
export function openSignInPage(providerUrl: string): Promise<BrowserAnswer> {
	return browse(providerUrl);
}

/**
 * The person fills in the form on `page` and presses "Sign in" (or "Cancel"): the provider's
 * answer, normally a 302 to FileMaker Server's `/oauth/redirect`.
 */
export function submitSignIn(
	providerUrl: string,
	page: string,
	action: { email: string; password: string } | 'cancel',
): Promise<BrowserAnswer> {
	const form = new URLSearchParams(hiddenInputsOf(page));
	if (action === 'cancel') {
		form.set('email', '');
		form.set('password', '');
		form.set('cancel', '1');
	} else {
		form.set('email', action.email);
		form.set('password', action.password);
		form.set('signin', '1');
	}
	return browse(new URL('/authorize', providerUrl).toString(), { method: 'POST', body: form });
}

/** The browser follows a redirect (to FileMaker Server's `/oauth/redirect`). */
export function follow(location: string): Promise<BrowserAnswer> {
	return browse(location);
}

export interface SignInOutcome {
	requestId: string;
	trackingId: string;
	/** Where FileMaker Server finally sent the browser (the return URL with its query). */
	location: string;
	identifier: string | null;
	error: string | null;
	trackingIdBack: string | null;
}

/** Reads `trackingID`, `identifier` and `error` from the return location, whichever the join. */
export function returnParams(location: string): {
	trackingID: string | null;
	identifier: string | null;
	error: string | null;
} {
	const query = location.slice(location.indexOf('?') + 1).replace(/\?/g, '&');
	const params = new URLSearchParams(query);
	return {
		trackingID: params.get('trackingID'),
		identifier: params.get('identifier'),
		error: params.get('error'),
	};
}

/**
 * The whole sign-in: getoauthurl, the provider's page, the form, FileMaker Server's redirect.
 * `action` is what the person does at the provider.
 */
export async function signIn(
	fm: Pick<FileMakerSandbox, 'url'>,
	action: { email: string; password: string } | 'cancel',
	call: GetOAuthUrlCall = {},
): Promise<SignInOutcome> {
	const trackingId = call.trackingId ?? `tracking-${Math.random().toString(36).slice(2)}`;
	const started = await getOAuthUrl(fm, { ...call, trackingId });
	if (started.status !== 200 || !started.requestId) {
		throw new Error(`getoauthurl answered ${started.status}: ${started.body}`);
	}
	const providerUrl = providerUrlOf(started.body);
	const page = await openSignInPage(providerUrl);
	if (page.status !== 200) throw new Error(`sign-in page answered ${page.status}`);
	const submitted = await submitSignIn(providerUrl, page.text, action);
	if (submitted.status !== 302 || !submitted.location) {
		throw new Error(`sign-in answered ${submitted.status}`);
	}
	const back = await follow(submitted.location);
	if (back.status !== 302 || !back.location) {
		throw new Error(`FileMaker Server's redirect answered ${back.status}`);
	}
	const params = returnParams(back.location);
	return {
		requestId: started.requestId,
		trackingId,
		location: back.location,
		identifier: params.identifier,
		error: params.error,
		trackingIdBack: params.trackingID,
	};
}

/** The two OAuth headers of a login (Data API or OData). */
export function oauthHeaders(requestId: string, identifier: string): Record<string, string> {
	return { 'X-FM-Data-OAuth-Request-Id': requestId, 'X-FM-Data-OAuth-Identifier': identifier };
}

/** A Data API login with the pair, no Authorization; `api.token` is set from the header. */
export async function oauthLogin(
	fm: Pick<FileMakerSandbox, 'url'>,
	requestId: string,
	identifier: string,
	database = DATABASE,
): Promise<{ api: DataApi; answer: Awaited<ReturnType<DataApi['call']>> }> {
	const api = new DataApi(fm, database);
	const answer = await api.call(
		'POST',
		`/databases/${encodeURIComponent(database)}/sessions`,
		{},
		oauthHeaders(requestId, identifier),
	);
	api.token = answer.headers.get('x-fm-data-access-token') ?? '';
	return { api, answer };
}
