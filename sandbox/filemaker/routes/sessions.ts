import { accountFor, parseBasicAuth } from '../accounts';
import { cloudIdentity } from '../cloud-login';
import { FileMakerError, sendOk } from '../envelope';
import { RequestParams } from '../request-params';
import { databaseNamed, sessionOf } from '../services';
import type { DatabaseSchema } from '../schema';
import type { Session } from '../sessions';
import type { RouteKit } from './route-kit';

/** Log in, log out and validate a session. */
export function sessionRoutes({ router, services, endpoint, jsonBody }: RouteKit): void {
	const { counters, sessions, cloud } = services;

	router.post('/databases/:database/sessions', ...endpoint('login'), ...jsonBody, (req, res) => {
		const authorization = req.get('authorization');
		const requestId = req.get('x-fm-data-oauth-request-id');
		const identifier = req.get('x-fm-data-oauth-identifier');
		// An OAuth login: the request id and identifier of a sign-in, no Authorization header
		// (`X-FM-Data-Login-Type: oauth`, which older guides add, changes nothing).
		const oauth =
			authorization === undefined && (requestId !== undefined || identifier !== undefined)
				? { requestId: requestId ?? '', identifier: identifier ?? '' }
				: undefined;
		let session: Session;
		try {
			session = logIn(req.params.database, authorization, oauth, req.body);
		} catch (error) {
			counters.countEvent('failedLogins');
			throw error;
		}
		counters.countEvent('logins');
		if (oauth) counters.countEvent('oauthLogins');
		res.setHeader('X-FM-Data-Access-Token', session.token);
		// Claris' guide shows an OAuth login answering with the token in the header only.
		const empty = oauth !== undefined || cloud?.loginResponse === 'empty';
		sendOk(res, empty ? {} : { token: session.token });
	});

	function logIn(
		databaseName: string,
		authorization: string | undefined,
		oauth: { requestId: string; identifier: string } | undefined,
		body: unknown,
	): Session {
		const database = databaseNamed(services, databaseName);
		let identity: { account: string; expiresAt?: number };
		if (oauth) {
			// FileMaker Cloud has no external identity providers; the identifier is single use.
			const account = cloud
				? undefined
				: services.oauth.spend(database, oauth.requestId, oauth.identifier);
			if (account === undefined) throw new FileMakerError('212');
			identity = { account };
		} else if (authorization === undefined) {
			throw new FileMakerError(
				'10',
				401,
				'HTTP Authorization header or OAuth headers are missing.',
			);
		} else {
			identity = cloud
				? cloudIdentity(cloud, authorization, services.clock.now())
				: basicIdentity(database, authorization);
		}

		const params = RequestParams.fromBody(body);
		const dataSources = params.take('fmDataSource');
		if (dataSources !== undefined && !Array.isArray(dataSources)) throw new FileMakerError('960');
		params.rejectUnknown();
		return sessions.open(databaseName, identity.account, identity.expiresAt);
	}

	router.delete('/databases/:database/sessions/:token', ...endpoint('logout'), (req, res) => {
		if (!sessions.close(req.params.token, req.params.database)) throw new FileMakerError('952');
		counters.countEvent('logouts');
		sendOk(res);
	});

	router.get('/validateSession', ...endpoint('validateSession'), (req, res) => {
		if (req.get('authorization') === undefined) {
			throw new FileMakerError(
				'10',
				401,
				'Request validation failed: Parameter (Authorization) is required',
			);
		}
		sessionOf(req, services);
		sendOk(res);
	});
}

/** The file's own account for Basic credentials (FileMaker Server). */
function basicIdentity(
	database: DatabaseSchema,
	authorization: string,
): { account: string; expiresAt?: number } {
	const credentials = parseBasicAuth(authorization);
	const account = credentials && accountFor(database, credentials);
	if (!account) throw new FileMakerError('212');
	return { account };
}
