import type { CaptureServer } from '../../../sandbox/shared/capture-server';
import { startCaptureServer } from '../../../sandbox/shared/capture-server';
import { OAUTH_PEOPLE } from '../../../sandbox/oauth';
import type { SignInBed } from '../../helpers/oauth-sign-in';
import {
	SIGN_IN,
	myContacts,
	signInAsPerson,
	signInWorkflow,
	startSignInBed,
} from '../../helpers/oauth-sign-in';

describe('FileMaker Sign-In: the transport rules on every request it makes', () => {
	let bed: SignInBed;
	let elsewhere: CaptureServer;
	beforeEach(async () => {
		bed = await startSignInBed({ credential: { timeoutSeconds: 1 } });
		elsewhere = await startCaptureServer();
	});
	afterEach(async () => {
		await bed.close();
		await elsewhere.close();
	});

	it.each(['oauthProviderInfo', 'oauthGetUrl'] as const)(
		'sends nothing along a redirect to another host (%s)',
		async (endpoint) => {
			bed.sandboxes.fm.faults.redirectNext({ location: `${elsewhere.url}/steal`, endpoint });
			const execution = await bed.engine.runWorkflow(signInWorkflow({}, [myContacts()]));
			expect(execution.status).toBe('error');
			expect(execution.error?.message).toContain('answered with a redirect');
			expect(elsewhere.requests).toEqual([]);
		},
	);

	it.each(['oauthProviderInfo', 'oauthGetUrl'] as const)(
		"gives up at the credential's timeout (%s)",
		async (endpoint) => {
			bed.sandboxes.fm.faults.hangNext({ endpoint });
			const execution = await bed.engine.runWorkflow(signInWorkflow({}, [myContacts()]));
			expect(execution.status).toBe('error');
			expect(execution.error?.message).toContain('did not answer within 1 s');
		},
	);

	it('sends the sign-in pair nowhere else when the login redirects, and tells the person', async () => {
		const execution = await bed.engine.runWorkflow(signInWorkflow({}, [myContacts()]));
		bed.sandboxes.fm.faults.redirectNext({ location: `${elsewhere.url}/steal`, endpoint: 'login' });
		const visit = await signInAsPerson(execution, OAUTH_PEOPLE.ada);
		expect(visit.status).toBe(502);
		expect(visit.text).toContain('answered with a redirect');
		const finished = await bed.server.finished(execution.id);
		expect(finished.output(SIGN_IN)[0]?.json).toMatchObject({
			signedIn: false,
			reason: 'serverUnreachable',
		});
		expect(elsewhere.requests).toEqual([]);
	});

	it('gives up at the timeout when the login hangs, and tells the person', async () => {
		const execution = await bed.engine.runWorkflow(signInWorkflow({}, [myContacts()]));
		bed.sandboxes.fm.faults.hangNext({ endpoint: 'login' });
		const visit = await signInAsPerson(execution, OAUTH_PEOPLE.ada);
		expect(visit.status).toBe(502);
		expect(visit.text).toContain('did not answer within 1 s');
		await bed.server.finished(execution.id);
	});
});
