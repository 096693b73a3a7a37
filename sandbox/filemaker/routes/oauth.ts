import type { Request, Response } from 'express';
import type { RouteKit } from './route-kit';

/**
 * FileMaker Server's OAuth sign-in routes (outside the Data API): the configured providers,
 * getoauthurl, and `/oauth/redirect`, where the identity provider sends the browser back.
 * `/oauth/return` answers the same (a relay passes the provider's `code` and `state` there).
 */
export function oauthRoutes({ router, services, endpoint }: RouteKit): void {
	const { oauth } = services;

	router.get('/fmws/oauthproviderinfo', ...endpoint('oauthProviderInfo'), (_req, res) => {
		res.status(200).json(oauth.providerInfo());
	});

	router.get('/oauth/getoauthurl', ...endpoint('oauthGetUrl'), (req, res) => {
		const query = queryStrings(req);
		const answer = oauth.startSignIn({
			trackingId: query.trackingID,
			provider: query.provider,
			address: query.address,
			authType: query['X-FMS-OAuth-AuthType'],
			applicationType: req.get('x-fms-application-type'),
			applicationVersion: req.get('x-fms-application-version'),
			returnUrl: req.get('x-fms-return-url'),
		});
		switch (answer.kind) {
			case 'url':
				res.setHeader('X-FMS-Request-ID', answer.requestId);
				res.status(200).type('text/plain').send(answer.body);
				return;
			case 'empty':
				res.status(200).json({});
				return;
			case 'refused':
				res.status(400).type('text/plain').send(`Bad Request: ${answer.reason}`);
				return;
		}
	});

	const redirect = async (req: Request, res: Response) => {
		const query = queryStrings(req);
		const answer = await oauth.finishSignIn({
			code: query.code,
			state: query.state,
			error: query.error,
		});
		if ('location' in answer) {
			res.setHeader('Cache-Control', 'no-store');
			res.redirect(302, answer.location);
			return;
		}
		res
			.status(400)
			.type('html')
			.send(
				'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Sign-in failed</title>' +
					`</head><body><h1>Sign-in failed</h1><p>${answer.unknownRequest}</p></body></html>\n`,
			);
	};
	router.get('/oauth/redirect', ...endpoint('oauthRedirect'), redirect);
	router.get('/oauth/return', ...endpoint('oauthRedirect'), redirect);
}

/** The first string value of each query parameter. */
function queryStrings(req: Request): Record<string, string | undefined> {
	const result: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(req.query)) {
		const first = Array.isArray(value) ? (value as unknown[])[0] : value;
		if (typeof first === 'string') result[name] = first;
	}
	return result;
}
