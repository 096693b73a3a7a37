import { OAUTH_PEOPLE } from '../../../sandbox/oauth';
import type { Execution } from '../../engine/engine';
import { RespondToWebhook } from '../../engine/fixtures/respond-to-webhook.node';
import type { SignInBed } from '../../helpers/oauth-sign-in';
import {
	SIGN_IN,
	myContactRows,
	myContacts,
	signInAsPerson,
	signInWorkflow,
	startSignInBed,
} from '../../helpers/oauth-sign-in';

const { ada, grace } = OAUTH_PEOPLE;

const jsonOf = (execution: Execution, node: string) =>
	execution.output(node).map((item) => item.json);

/** The secrets of a sign-in: the session tokens the sandbox saw and the one-time identifier. */
function secretsOf(bed: SignInBed, returnUrl: string): string[] {
	const identifier = new URLSearchParams(returnUrl.replace(/\?/g, '&')).get('identifier');
	return [...new Set(bed.sandboxes.fm.authLog.bearerTokens()), ...(identifier ? [identifier] : [])];
}

describe('FileMaker Sign-In: a person signs in and the workflow acts as them', () => {
	let bed: SignInBed;
	beforeEach(async () => {
		bed = await startSignInBed({ nodeTypes: { 'test.respondToWebhook': new RespondToWebhook() } });
	});
	afterEach(async () => await bed.close());

	async function signInAndList(person: { email: string; password: string }) {
		const execution = await bed.engine.runWorkflow(signInWorkflow({}, [myContacts()]));
		expect(execution.status).toBe('waiting');
		const visit = await signInAsPerson(execution, person);
		const finished = await bed.server.finished(execution.id);
		return { execution, visit, finished };
	}

	it('waits for the person, sends the browser to the provider and continues as them', async () => {
		const { execution, visit, finished } = await signInAndList(ada);

		expect(execution.responses).toHaveLength(1);
		expect(execution.responses[0].headers).toMatchObject({
			'content-type': 'text/html; charset=utf-8',
		});
		expect(visit.status).toBe(200);
		expect(visit.contentType).toMatch(/^text\/html/);
		expect(visit.text).toContain('id="signed-in"');
		expect(finished.error).toBeUndefined();
		expect(finished.status).toBe('success');

		const [signedIn] = jsonOf(finished, SIGN_IN);
		expect(signedIn).toMatchObject({
			signedIn: true,
			provider: 'Sandbox ID',
			database: 'Contacts',
			api: 'dataApi',
		});
		expect(String(signedIn.fileMakerSession)).toMatch(/^fmsession1\./);

		const contacts = jsonOf(finished, 'My contacts');
		expect(contacts).toHaveLength(17);
		const statuses = new Set(contacts.map((record) => record.status));
		expect([...statuses].sort()).toEqual(['Customer', 'Lead']);

		const { counters, sessions } = bed.sandboxes.fm;
		expect(counters.event('oauthLogins')).toBe(1);
		expect(counters.logins).toBe(1);
		// The session ends with the workflow, logged out by the node that used it.
		expect(counters.logouts).toBe(1);
		expect(sessions.activeCount()).toBe(0);

		const everything = JSON.stringify([finished.run.data, execution.responses, visit.text]);
		const secrets = secretsOf(bed, visit.returnUrl);
		expect(secrets).toHaveLength(2);
		for (const secret of secrets) expect(everything).not.toContain(secret);
	});

	it('gives a person with fewer privileges fewer records', async () => {
		const adas = await signInAndList(ada);
		const graces = await signInAndList(grace);
		const grace10 = jsonOf(graces.finished, 'My contacts');
		expect(grace10).toHaveLength(10);
		expect(grace10.every((record) => record.status === 'Customer')).toBe(true);
		expect(jsonOf(adas.finished, 'My contacts')).toHaveLength(17);
	});

	it('keeps the session when asked, and hands out the token only when asked', async () => {
		const execution = await bed.engine.runWorkflow(
			signInWorkflow({ options: { keepSession: true, includeSessionToken: true } }, [myContacts()]),
		);
		await signInAsPerson(execution, ada);
		const finished = await bed.server.finished(execution.id);
		const [signedIn] = jsonOf(finished, SIGN_IN);
		expect(typeof signedIn.sessionToken).toBe('string');
		expect(bed.sandboxes.fm.sessions.isOpen(String(signedIn.sessionToken))).toBe(true);
		expect(bed.sandboxes.fm.counters.logouts).toBe(0);
	});

	it('signs in for OData: the OData node reads what the person may read', async () => {
		const execution = await bed.engine.runWorkflow(
			signInWorkflow({ logInTo: 'odata' }, [myContactRows()]),
		);
		const visit = await signInAsPerson(execution, grace);
		expect(visit.text).toContain('id="signed-in"');
		const finished = await bed.server.finished(execution.id);
		expect(finished.error).toBeUndefined();
		const rows = jsonOf(finished, 'My contact rows');
		expect(rows).toHaveLength(10);
		expect(rows.every((row) => row.status === 'Customer')).toBe(true);
		expect(bed.sandboxes.fm.counters.event('odataOAuthLogins')).toBe(1);
		expect(bed.sandboxes.fm.counters.logins).toBe(0);
	});

	it.each([
		['appends its parameters with &', 'append'],
		['appends them with ? although the return URL has a query', 'question-mark'],
	] as const)('works when FileMaker Server %s', async (_, style) => {
		bed.sandboxes.fm.oauth.returnQueryStyle = style;
		const { visit, finished } = await signInAndList(ada);
		expect(visit.returnUrl).toContain(
			style === 'append' ? '&fmEnd=&trackingID=' : '&fmEnd=?trackingID=',
		);
		expect(visit.status).toBe(200);
		expect(jsonOf(finished, 'My contacts')).toHaveLength(17);
	});

	it('lets the workflow answer the browser (Respond With: Respond to Webhook Node)', async () => {
		const execution = await bed.engine.runWorkflow(
			signInWorkflow({ respondWith: 'responseNode' }, [
				myContacts(),
				{
					name: 'Respond',
					type: 'test.respondToWebhook',
					parameters: { responseCode: 200 },
					oauth: false,
				},
			]),
		);
		const visit = await signInAsPerson(execution, grace);
		expect(visit.status).toBe(200);
		expect(JSON.parse(visit.text)).toMatchObject({ status: 'Customer' });
		await bed.server.finished(execution.id);
	});
});
