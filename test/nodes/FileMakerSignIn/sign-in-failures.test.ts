import { CredentialTestContext } from 'n8n-core';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { DEFAULT_OAUTH_REQUEST_TTL_MS } from '../../../sandbox/filemaker';
import { OAUTH_PEOPLE } from '../../../sandbox/oauth';
import { FileMakerSignIn } from '../../../nodes/FileMakerSignIn/FileMakerSignIn.node';
import type { Execution } from '../../engine/engine';
import type { SignInBed } from '../../helpers/oauth-sign-in';
import {
	SIGN_IN,
	myContactRows,
	myContacts,
	signInAsPerson,
	signInWorkflow,
	startSignInBed,
} from '../../helpers/oauth-sign-in';
import { DATABASE } from '../../helpers/sandbox-credential';

const { ada, stranger } = OAUTH_PEOPLE;

const jsonOf = (execution: Execution, node: string) =>
	execution.output(node).map((item) => item.json);

/** A node that runs `step` when the workflow reaches it, and passes its items on. */
function hookNode(step: () => void): INodeType {
	const description: INodeTypeDescription = {
		displayName: 'Hook',
		name: 'hook',
		group: ['transform'],
		version: 1,
		description: 'Runs a test step',
		defaults: { name: 'Hook' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			step();
			return [this.getInputData()];
		},
	};
}

describe('FileMaker Sign-In: every way a sign-in fails', () => {
	let bed: SignInBed;
	let hook: () => void;
	beforeEach(async () => {
		hook = () => {};
		bed = await startSignInBed({ nodeTypes: { 'test.hook': hookNode(() => hook()) } });
	});
	afterEach(async () => await bed.close());

	async function startWaiting(signIn = {}, steps = [myContacts()]) {
		const execution = await bed.engine.runWorkflow(signInWorkflow(signIn, steps));
		expect(execution.status).toBe('waiting');
		return execution;
	}

	it('names the providers the server offers when the credential names another', async () => {
		await bed.engine.addCredential('fm-oauth', 'fileMakerServerOAuthApi', {
			serverUrl: bed.sandboxes.fm.url,
			database: DATABASE,
			provider: 'Entra',
		});
		const execution = await bed.engine.runWorkflow(signInWorkflow({}, [myContacts()]));
		expect(execution.status).toBe('error');
		expect(execution.error?.message).toBe(
			'FileMaker Server has no identity provider named "Entra"',
		);
		expect(execution.error?.description).toContain('"Sandbox ID"');
		expect(bed.sandboxes.fm.counters.requests('oauthGetUrl')).toBe(0);
	});

	it('tests the credential: the provider must be one the server offers', async () => {
		const test = new FileMakerSignIn().methods.credentialTest.fileMakerOAuthProvider;
		const context = new CredentialTestContext();
		const credential = (provider: string, serverUrl = bed.sandboxes.fm.url) => ({
			id: 'x',
			name: 'x',
			type: 'fileMakerServerOAuthApi',
			data: { serverUrl, database: DATABASE, provider, apiVersion: 'vLatest' },
		});
		expect(await test.call(context, credential('Sandbox ID'))).toEqual({
			status: 'OK',
			message: 'FileMaker Server offers "Sandbox ID"',
		});
		const wrong = await test.call(context, credential('sandbox id'));
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toContain('no identity provider named "sandbox id"');
		expect(wrong.message).toContain('"Sandbox ID"');
		const unreachable = await test.call(context, credential('Sandbox ID', 'http://127.0.0.1:1'));
		expect(unreachable.status).toBe('Error');
	});

	it('tells the person and the workflow when the identity provider refuses', async () => {
		const execution = await startWaiting();
		bed.sandboxes.identity.faults.denyNext({ error: 'access_denied' });
		const visit = await signInAsPerson(execution, ada);
		expect(visit.status).toBe(400);
		expect(visit.text).toContain('id="sign-in-failed"');
		expect(visit.text).toContain('Open the link you started from again');
		const finished = await bed.server.finished(execution.id);
		expect(jsonOf(finished, SIGN_IN)).toEqual([
			expect.objectContaining({ signedIn: false, reason: 'identityProvider', providerError: '1' }),
		]);
		expect(finished.error?.message).toBe('This item has no signed-in FileMaker session');
		expect(bed.sandboxes.fm.counters.logins).toBe(0);
	});

	it('tells the person when they cancel at the identity provider', async () => {
		const execution = await startWaiting();
		const visit = await signInAsPerson(execution, 'cancel');
		expect(visit.status).toBe(400);
		expect(visit.text).toContain('Sign-in did not complete');
		const finished = await bed.server.finished(execution.id);
		expect(jsonOf(finished, SIGN_IN)[0]).toMatchObject({ signedIn: false });
	});

	it('refuses someone who is no OAuth account of the file (FileMaker error 212)', async () => {
		const execution = await startWaiting();
		const visit = await signInAsPerson(execution, stranger);
		expect(visit.status).toBe(400);
		expect(visit.text).toContain('FileMaker did not accept the sign-in');
		expect(visit.text).toContain('not an OAuth account of this FileMaker file');
		const finished = await bed.server.finished(execution.id);
		expect(jsonOf(finished, SIGN_IN)[0]).toMatchObject({
			signedIn: false,
			reason: 'loginRefused',
			fileMakerCode: '212',
			httpStatus: 401,
		});
	});

	it('refuses an identifier that was used already, with a page that says to start again', async () => {
		const first = await startWaiting();
		const firstVisit = await signInAsPerson(first, ada);
		await bed.server.finished(first.id);
		const used = new URLSearchParams(firstVisit.returnUrl.replace(/\?/g, '&')).get('identifier');

		const second = await startWaiting();
		const visit = await signInAsPerson(second, ada, (returnUrl) =>
			returnUrl.replace(/identifier=[^&]+/, `identifier=${used}`),
		);
		expect(visit.status).toBe(400);
		expect(visit.text).toContain('A sign-in works once');
		const finished = await bed.server.finished(second.id);
		expect(jsonOf(finished, SIGN_IN)[0]).toMatchObject({
			reason: 'loginRefused',
			fileMakerCode: '212',
		});
		expect(bed.sandboxes.fm.counters.event('oauthLogins')).toBe(1);
	});

	it('refuses a sign-in whose request expired before the person came back', async () => {
		const execution = await startWaiting();
		const visit = await signInAsPerson(execution, ada, (returnUrl) => {
			bed.sandboxes.clock.advance(DEFAULT_OAUTH_REQUEST_TTL_MS + 1000);
			return returnUrl;
		});
		expect(visit.status).toBe(400);
		const finished = await bed.server.finished(execution.id);
		expect(jsonOf(finished, SIGN_IN)[0]).toMatchObject({ reason: 'loginRefused' });
	});

	it('refuses a return that is not from this sign-in (another tracking id)', async () => {
		const execution = await startWaiting();
		const visit = await signInAsPerson(execution, ada, (returnUrl) =>
			returnUrl.replace(/trackingID=[^&]+/, 'trackingID=someone-else'),
		);
		expect(visit.status).toBe(400);
		expect(visit.text).toContain('This sign-in link is not valid');
		const finished = await bed.server.finished(execution.id);
		expect(jsonOf(finished, SIGN_IN)[0]).toMatchObject({ reason: 'notThisSignIn' });
		expect(bed.sandboxes.fm.counters.logins).toBe(0);
	});

	it('shows a page, not a stack trace, when FileMaker Server fails at the login', async () => {
		const execution = await startWaiting();
		bed.sandboxes.fm.faults.failNext({ endpoint: 'login', status: 500, code: '812' });
		const visit = await signInAsPerson(execution, ada);
		expect(visit.status).toBe(502);
		expect(visit.text).toContain('FileMaker Server could not finish the sign-in');
		expect(visit.text).not.toMatch(/at .*\.(js|ts):\d+/);
		const finished = await bed.server.finished(execution.id);
		expect(jsonOf(finished, SIGN_IN)[0]).toMatchObject({ reason: 'serverUnreachable' });
	});

	it('says the person must sign in again when the session ends mid-workflow', async () => {
		const execution = await startWaiting({}, [
			{ name: 'Session ends', type: 'test.hook', parameters: {}, oauth: false },
			myContacts(),
		]);
		hook = () => bed.sandboxes.fm.faults.expireAllSessions();
		await signInAsPerson(execution, ada);
		const finished = await bed.server.finished(execution.id);
		expect(finished.error?.message).toBe(
			'The signed-in FileMaker session has ended (FileMaker error 952)',
		);
		expect(finished.error?.description).toContain('they must sign in again');
		expect(bed.sandboxes.fm.counters.logins).toBe(1);
	});

	it('makes a timed-out wait distinguishable: the input passes on without "signedIn"', async () => {
		const execution = await startWaiting();
		expect(execution.waitTill?.getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
		const finished = await bed.engine.resumeAfterTimeout(execution);
		expect(jsonOf(finished, SIGN_IN)).toEqual([{ from: 'webhook' }]);
		expect(finished.error?.message).toBe('This item has no signed-in FileMaker session');
		expect(finished.error?.description).toContain('timed out');
	});

	it.each([
		['answers 400', '400', 'refused to start the sign-in with "Sandbox ID" (HTTP 400)'],
		['answers 200 without a request id', 'empty-200', 'its answer has no request id'],
	] as const)(
		"explains an address that is not n8n's host when FileMaker Server %s",
		async (_, behaviour, message) => {
			bed.sandboxes.fm.oauth.addressMismatch = behaviour;
			const execution = await bed.engine.runWorkflow(
				signInWorkflow({ options: { address: 'elsewhere.example' } }, [myContacts()]),
			);
			expect(execution.status).toBe('error');
			expect(execution.error?.message).toContain(message);
			expect(execution.error?.description).toContain('"Address" option');
		},
	);

	it('tells a Data API node that a sign-in for OData is not for it', async () => {
		const execution = await startWaiting({ logInTo: 'odata' });
		await signInAsPerson(execution, ada);
		const finished = await bed.server.finished(execution.id);
		expect(finished.error?.message).toBe('This sign-in was made for OData, not the Data API');
	});

	it('tells an OData node that a sign-in for the Data API is not for it', async () => {
		const execution = await startWaiting({}, [myContactRows()]);
		await signInAsPerson(execution, ada);
		const finished = await bed.server.finished(execution.id);
		expect(finished.error?.message).toBe('This sign-in was made for the Data API, not OData');
	});
});
