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
		let session: Session;
		try {
			session = logIn(req.params.database, req.get('authorization'), req.body);
		} catch (error) {
			counters.countEvent('failedLogins');
			throw error;
		}
		counters.countEvent('logins');
		res.setHeader('X-FM-Data-Access-Token', session.token);
		sendOk(res, cloud?.loginResponse === 'empty' ? {} : { token: session.token });
	});

	function logIn(databaseName: string, authorization: string | undefined, body: unknown): Session {
		const database = databaseNamed(services, databaseName);
		if (authorization === undefined) {
			throw new FileMakerError(
				'10',
				401,
				'HTTP Authorization header or OAuth headers are missing.',
			);
		}
		const identity = cloud
			? cloudIdentity(cloud, authorization, services.clock.now())
			: basicIdentity(database, authorization);

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
