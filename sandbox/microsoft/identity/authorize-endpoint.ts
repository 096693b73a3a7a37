import { randomUUID } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { AadstsError } from './aadsts';
import { aadsts } from './aadsts';
import {
	checkAuthorizeRequest,
	type AuthorizeRequest,
	type ResponseMode,
} from './authorize-request';
import {
	CARRIED_PARAMS,
	UNKNOWN_ACCOUNT,
	WRONG_PASSWORD,
	errorPage,
	formPostPage,
	signInPage,
	type AuthorizeParams,
} from './pages';
import type { MicrosoftIdentityServices } from './services';
import { clientInfo } from './token-responses';
import { aadTimestamp, stringsOf, traceOf, type RequestTrace } from './wire';

function carried(source: unknown): AuthorizeParams {
	const strings = stringsOf(source);
	const params: AuthorizeParams = {};
	for (const name of CARRIED_PARAMS) params[name] = strings[name];
	return params;
}

/** `uri` with `fields` in its query (or fragment); what it already has stays. */
function withFields(uri: string, fields: Record<string, string>, separator: '?' | '#'): string {
	const encoded = new URLSearchParams(fields).toString();
	if (separator === '#') return `${uri}#${encoded}`;
	return `${uri}${uri.includes('?') ? '&' : '?'}${encoded}`;
}

/** The answer to the app, by the response mode it asked for. */
function answerApp(
	res: Response,
	redirectUri: string,
	mode: ResponseMode,
	fields: Record<string, string>,
): void {
	if (mode === 'form_post') {
		res.status(200).type('html').send(formPostPage(redirectUri, fields));
		return;
	}
	res.redirect(302, withFields(redirectUri, fields, mode === 'fragment' ? '#' : '?'));
}

/**
 * `GET|POST /{tenant}/oauth2/v2.0/authorize`: the sign-in page for a valid request ("Sign in to
 * your account"); its form posts back here with `loginfmt` and `passwd`. The right password
 * sends the app a code (`code`, `state`, `session_state`); a wrong one shows the page again.
 * An unknown app or an unregistered redirect URI get an error page and no redirect.
 */
export function authorizeEndpoint(services: MicrosoftIdentityServices): RequestHandler[] {
	const { clock, counters } = services;

	const showError = (res: Response, error: AadstsError, trace: RequestTrace) => {
		res
			.status(error.status)
			.type('html')
			.send(errorPage(error, trace, aadTimestamp(clock.now())));
	};

	const handle: RequestHandler = (req: Request, res: Response) => {
		const trace = traceOf(req);
		const segmentText = String(req.params.tenant);
		const submitted = req.method === 'POST' ? stringsOf(req.body) : {};
		const signingIn = submitted.loginfmt !== undefined || submitted.passwd !== undefined;
		const params = carried(req.method === 'POST' ? req.body : req.query);
		const check = checkAuthorizeRequest(services, segmentText, params);
		if (check.kind === 'page') return showError(res, check.error, trace);
		if (check.kind === 'redirect') {
			const { error } = check;
			const fields: Record<string, string> = {
				error: error.error,
				error_description: `AADSTS${error.code}: ${error.text}\r\nTrace ID: ${trace.traceId}\r\nCorrelation ID: ${trace.correlationId}\r\nTimestamp: ${aadTimestamp(clock.now())}`,
				error_uri: `https://login.microsoftonline.com/error?code=${error.code}`,
			};
			if (params.state !== undefined) fields.state = params.state;
			return answerApp(res, check.redirectUri, check.responseMode, fields);
		}
		const action = `/${encodeURIComponent(segmentText)}/oauth2/v2.0/authorize`;
		const request = check.request;
		if (!signingIn) {
			counters.countEvent('signInPages');
			res
				.status(200)
				.type('html')
				.send(signInPage(action, params, { appName: request.app.displayName }));
			return;
		}
		signIn(res, request, submitted.loginfmt ?? '', submitted.passwd ?? '', action, trace);
	};

	function signIn(
		res: Response,
		request: AuthorizeRequest,
		loginfmt: string,
		passwd: string,
		action: string,
		trace: RequestTrace,
	): void {
		const { app, params } = request;
		const retry = (error: string) => {
			counters.countEvent('failedSignIns');
			res
				.status(200)
				.type('html')
				.send(signInPage(action, params, { appName: app.displayName, error, loginfmt }));
		};
		const user = services.directory.user(loginfmt.trim());
		if (!user || user.userPrincipalName.toLowerCase() !== loginfmt.trim().toLowerCase()) {
			return retry(UNKNOWN_ACCOUNT);
		}
		if (user.password !== passwd) return retry(WRONG_PASSWORD);
		if (user.tenantId !== app.tenantId) {
			counters.countEvent('failedSignIns');
			const tenant = services.directory.tenant(app.tenantId);
			return showError(
				res,
				aadsts.userNotInTenant(
					user.userPrincipalName,
					tenant?.displayName ?? app.tenantId,
					app.clientId,
					app.displayName,
				),
				trace,
			);
		}
		const sessionId = randomUUID();
		const code = services.codes.issue({
			clientId: app.clientId,
			tenantId: app.tenantId,
			userId: user.id,
			redirectUri: request.redirectUri,
			scopes: request.scopes,
			codeChallenge: request.challenge?.value,
			codeChallengeMethod: request.challenge?.method,
			nonce: params.nonce,
			authTime: clock.now(),
			sessionId,
		});
		counters.countEvent('signIns');
		const fields: Record<string, string> = { code };
		if (params.client_info === '1') fields.client_info = clientInfo(user);
		if (params.state !== undefined) fields.state = params.state;
		fields.session_state = sessionId;
		answerApp(res, request.redirectUri, request.responseMode, fields);
	}

	return [express.urlencoded({ extended: false, limit: '100kb' }), handle];
}
