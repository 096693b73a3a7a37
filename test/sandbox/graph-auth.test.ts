import { AccessTokenIssuer } from '../../sandbox/microsoft/access-tokens';
import { JSON_CONTENT_TYPE, WWW_AUTHENTICATE } from '../../sandbox/microsoft/graph';
import {
	ALICE,
	APP_ID,
	BOB,
	GRAPH,
	SUPPORT,
	TENANT,
	call,
	errorOf,
	startWorld,
	type GraphWorld,
} from './graph-client';

describe('Graph sandbox: authentication, permissions and access policies', () => {
	let world: GraphWorld;
	const OTHER_APP = '0b1c2d3e-4f50-4617-8283-949596979899';

	beforeAll(async () => {
		world = await startWorld({ accessPolicy: { [OTHER_APP]: [SUPPORT.address] } });
	});
	afterAll(() => world.graph.close());
	beforeEach(() => world.graph.counters.reset());

	const expect401 = async (headers: Record<string, string>, message: string) => {
		const answer = await call(world.graph, 'GET', `/users/${ALICE.id}/messages`, { headers });
		expect(answer.status).toBe(401);
		expect(answer.headers.get('www-authenticate')).toBe(WWW_AUTHENTICATE);
		expect(errorOf(answer)).toMatchObject({ code: 'InvalidAuthenticationToken', message });
	};

	it('answers 401 InvalidAuthenticationToken with WWW-Authenticate for missing and bad tokens', async () => {
		await expect401({}, 'Access token is empty.');
		await expect401({ Authorization: 'Bearer ' }, 'Access token is empty.');
		await expect401({ Authorization: 'Basic abc' }, 'Access token is empty.');
		await expect401({ Authorization: 'Bearer opaque-token' }, expect.stringMatching(/^IDX14100/));
		const stranger = new AccessTokenIssuer(world.clock).issue(
			{
				aud: GRAPH,
				iss: '',
				tid: TENANT,
				appid: APP_ID,
				idtyp: 'app',
				oid: 'x',
				roles: ['Mail.Read'],
			},
			3600,
		).token;
		await expect401({ Authorization: `Bearer ${stranger}` }, 'Access token validation failure.');
		const otherAudience = world.issuer.issue(
			{
				aud: 'https://outlook.office.com',
				iss: '',
				tid: TENANT,
				appid: APP_ID,
				idtyp: 'app',
				oid: 'x',
				roles: ['Mail.Read'],
			},
			3600,
		).token;
		await expect401(
			{ Authorization: `Bearer ${otherAudience}` },
			'Access token validation failure. Invalid audience.',
		);
		const otherTenant = world.issuer.issue(
			{
				aud: GRAPH,
				iss: '',
				tid: 'another-tenant',
				appid: APP_ID,
				idtyp: 'app',
				oid: 'x',
				roles: ['Mail.Read'],
			},
			3600,
		).token;
		await expect401({ Authorization: `Bearer ${otherTenant}` }, 'Access token validation failure.');
		expect(world.graph.counters.event('unauthorized')).toBe(7);
	});

	it('refuses a token once it has expired on the sandbox clock', async () => {
		const clock = { now: () => Date.now() - 3_600_000, advance() {}, reset() {} };
		const old = new AccessTokenIssuer(clock);
		const graph = await startWorld({ trust: old.trust() });
		try {
			const token = old.issue(
				{
					aud: GRAPH,
					iss: '',
					tid: TENANT,
					appid: APP_ID,
					idtyp: 'app',
					oid: 'x',
					roles: ['Mail.Read'],
				},
				60,
			).token;
			const answer = await call(graph.graph, 'GET', `/users/${ALICE.id}/messages`, { token });
			expect(answer.status).toBe(401);
			expect(errorOf(answer).message).toBe('Lifetime validation failed, the token is expired.');
		} finally {
			await graph.graph.close();
		}
		const token = world.appToken();
		expect((await call(world.graph, 'GET', `/users/${ALICE.id}/messages`, { token })).status).toBe(
			200,
		);
		world.clock.advance(3601 * 1000);
		const expired = await call(world.graph, 'GET', `/users/${ALICE.id}/messages`, { token });
		expect(expired.status).toBe(401);
		expect(errorOf(expired).message).toBe('Lifetime validation failed, the token is expired.');
	});

	it('sends request-id, echoes client-request-id, Date, and Graph JSON and error shapes', async () => {
		const token = world.appToken();
		const ok = await call(world.graph, 'GET', `/users/${ALICE.address}/mailFolders`, {
			token,
			headers: { 'client-request-id': 'c0ffee00-1111-2222-3333-444455556666' },
		});
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-type')).toBe(JSON_CONTENT_TYPE);
		expect(ok.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
		expect(ok.headers.get('client-request-id')).toBe('c0ffee00-1111-2222-3333-444455556666');
		expect(Date.parse(ok.headers.get('date') ?? '')).not.toBeNaN();
		const failed = await call(
			world.graph,
			'GET',
			`/users/${ALICE.id}/messages/AAMkADnotthere-_AAA=`,
			{
				token,
			},
		);
		expect(failed.status).toBe(404);
		const error = errorOf(failed);
		expect(error).toEqual({
			code: 'ErrorItemNotFound',
			message: 'The specified object was not found in the store.',
			innerError: {
				date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
				'request-id': failed.headers.get('request-id'),
				'client-request-id': failed.headers.get('request-id'),
			},
		});
	});

	it('refuses /me with an app token (400) and checks app roles (403)', async () => {
		const me = await call(world.graph, 'GET', '/me/messages', { token: world.appToken() });
		expect(me.status).toBe(400);
		expect(errorOf(me)).toMatchObject({
			code: 'BadRequest',
			message: '/me request is only valid with delegated authentication flow.',
		});
		const readOnly = world.appToken(['Mail.Read']);
		expect(
			(await call(world.graph, 'GET', `/users/${BOB.id}/messages`, { token: readOnly })).status,
		).toBe(200);
		const send = await call(world.graph, 'POST', `/users/${BOB.id}/sendMail`, {
			token: readOnly,
			body: {
				message: { subject: 'x', toRecipients: [{ emailAddress: { address: ALICE.address } }] },
			},
		});
		expect(send.status).toBe(403);
		expect(errorOf(send)).toMatchObject({
			code: 'ErrorAccessDenied',
			message: 'Access is denied. Check credentials and try again.',
		});
		const patch = await call(world.graph, 'POST', `/users/${BOB.id}/mailFolders`, {
			token: readOnly,
			body: { displayName: 'Nope' },
		});
		expect(patch.status).toBe(403);
		const sendOnly = world.appToken(['Mail.Send']);
		expect(
			(await call(world.graph, 'GET', `/users/${BOB.id}/messages`, { token: sendOnly })).status,
		).toBe(403);
	});

	it('answers 404 ErrorInvalidUser for an unknown user and takes ids and UPNs', async () => {
		const token = world.appToken();
		const unknown = await call(world.graph, 'GET', '/users/nobody@contoso.test/messages', {
			token,
		});
		expect(unknown.status).toBe(404);
		expect(errorOf(unknown)).toMatchObject({
			code: 'ErrorInvalidUser',
			message: "The requested user 'nobody@contoso.test' is invalid.",
		});
		for (const user of [ALICE.id, ALICE.id.toUpperCase(), ALICE.address, 'ALICE@contoso.test']) {
			expect((await call(world.graph, 'GET', `/users/${user}/messages`, { token })).status).toBe(
				200,
			);
		}
		expect(
			(await call(world.graph, 'GET', `/users('${ALICE.address}')/messages`, { token })).status,
		).toBe(200);
	});

	it('applies an application access policy: other mailboxes answer 403 "Access to OData is disabled."', async () => {
		const token = world.appToken(['Mail.ReadWrite', 'Mail.Send'], OTHER_APP);
		expect(
			(await call(world.graph, 'GET', `/users/${SUPPORT.address}/messages`, { token })).status,
		).toBe(200);
		const denied = await call(world.graph, 'GET', `/users/${ALICE.id}/messages`, { token });
		expect(denied.status).toBe(403);
		expect(errorOf(denied)).toMatchObject({
			code: 'ErrorAccessDenied',
			message: 'Access to OData is disabled.',
		});
		const sendAs = await call(world.graph, 'POST', `/users/${BOB.address}/sendMail`, {
			token,
			body: {
				message: { subject: 'x', toRecipients: [{ emailAddress: { address: ALICE.address } }] },
			},
		});
		expect(sendAs.status).toBe(403);
		// Apps without a policy reach every mailbox.
		expect(
			(await call(world.graph, 'GET', `/users/${ALICE.id}/messages`, { token: world.appToken() }))
				.status,
		).toBe(200);
	});

	it('lets delegated tokens use /me, their own /users path and shared mailboxes with .Shared scopes', async () => {
		const token = world.userToken(ALICE);
		expect((await call(world.graph, 'GET', '/me/messages', { token })).status).toBe(200);
		expect(
			(await call(world.graph, 'GET', `/users/${ALICE.address}/messages`, { token })).status,
		).toBe(200);
		expect(
			(await call(world.graph, 'GET', `/users/${SUPPORT.address}/messages`, { token })).status,
		).toBe(200);
		const other = await call(world.graph, 'GET', `/users/${BOB.address}/messages`, { token });
		expect(other.status).toBe(403);
		expect(errorOf(other).code).toBe('ErrorAccessDenied');
		const ownOnly = world.userToken(ALICE, 'Mail.Read');
		expect((await call(world.graph, 'GET', '/me/messages', { token: ownOnly })).status).toBe(200);
		expect(
			(await call(world.graph, 'GET', `/users/${SUPPORT.address}/messages`, { token: ownOnly }))
				.status,
		).toBe(403);
		const noMail = world.userToken(ALICE, 'User.Read');
		expect((await call(world.graph, 'GET', '/me/messages', { token: noMail })).status).toBe(403);
	});

	it('answers unknown paths with Graph-style 400s and records presented tokens', async () => {
		const token = world.appToken();
		const mark = world.graph.authLog.mark();
		const answer = await call(world.graph, 'GET', `/users/${ALICE.id}/calendars`, { token });
		expect(answer.status).toBe(400);
		expect(errorOf(answer).message).toBe("Resource not found for the segment 'calendars'.");
		expect(world.graph.authLog.wasPresented(token, { since: mark, endpoint: 'other' })).toBe(true);
		const method = await call(world.graph, 'PUT', `/users/${ALICE.id}/messages`, {
			token,
			body: {},
		});
		expect(method.status).toBe(405);
	});
});
