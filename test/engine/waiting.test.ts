import { randomUUID } from 'node:crypto';

import type { IN8nHttpFullResponse, INode, INodeParameters } from 'n8n-workflow';

import type { Execution, WorkflowData } from './engine';
import { Engine } from './engine';
import { finishProbe } from './fixtures/finish-probe.node';
import { RespondToWebhook } from './fixtures/respond-to-webhook.node';
import { SIGN_IN_PAGE, WaitForCall } from './fixtures/wait-for-call.node';
import { MANUAL_TRIGGER } from './node-types';
import type { WaitingWebhooksServer } from './waiting-webhooks';

const WAIT = 'Wait For Call';

function node(name: string, type: string, parameters: INodeParameters = {}): INode {
	return { id: randomUUID(), name, type, typeVersion: 1, position: [0, 0], parameters };
}

/** Start → Before → Wait For Call → After [→ Respond]: Before and After are finish probes. */
function waitingWorkflow(parameters: INodeParameters = {}, respond = false): WorkflowData {
	const names = ['Start', 'Before', WAIT, 'After', ...(respond ? ['Respond'] : [])];
	const nodes = [
		node('Start', MANUAL_TRIGGER),
		node('Before', 'test.finishProbe'),
		node(WAIT, 'test.waitForCall', parameters),
		node('After', 'test.finishProbe'),
		...(respond ? [node('Respond', 'test.respondToWebhook', { responseCode: 201 })] : []),
	];
	const connections: WorkflowData['connections'] = {};
	for (let index = 1; index < names.length; index++) {
		connections[names[index - 1]] = {
			main: [[{ node: names[index], type: 'main', index: 0 }]],
		};
	}
	return { nodes, connections, pinData: { Start: [{ json: { order: 42 } }] } };
}

/** The return URL the node put into the sign-in page's redirect_uri. */
function returnUrlOf(execution: Execution): string {
	const [redirect] = execution.responses as IN8nHttpFullResponse[];
	const location = new URL(String(redirect.headers?.location));
	return location.searchParams.get('redirect_uri') ?? '';
}

async function call(url: string) {
	const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
	const text = await response.text();
	const isJson = response.headers.get('content-type')?.startsWith('application/json');
	return {
		status: response.status,
		headers: response.headers,
		body: isJson ? JSON.parse(text) : text,
	};
}

const jsonOf = (execution: Execution, nodeName: string) =>
	execution.output(nodeName).map((item) => item.json);

describe('a node that puts the execution to wait and resumes on a call (n8n 2.41)', () => {
	let finished: string[];
	/** Finish probes wait for it: a test can keep the resumed execution running. */
	let hold: Promise<void>;
	let release: () => void;
	let engine: Engine;
	let server: WaitingWebhooksServer;

	beforeEach(async () => {
		finished = [];
		hold = Promise.resolve();
		release = () => {};
		engine = new Engine({
			'test.waitForCall': new WaitForCall(),
			'test.respondToWebhook': new RespondToWebhook(),
			'test.finishProbe': finishProbe(finished, async () => await hold),
		});
		server = await engine.startWaitingWebhooks();
	});

	afterEach(async () => {
		release();
		await server.close();
	});

	test('waits with its 307 captured, then a call answers the webhookResponse and resumes the run with the query data', async () => {
		const execution = await engine.runWorkflow(waitingWorkflow());

		expect(execution.status).toBe('waiting');
		expect(execution.waitTill!.getTime()).toBeGreaterThan(Date.now() + 50_000);
		expect(execution.responses).toEqual([
			{ statusCode: 307, headers: { location: expect.stringContaining(SIGN_IN_PAGE) } },
		]);
		const returnUrl = returnUrlOf(execution);
		expect(returnUrl).toMatch(
			new RegExp(
				`^${server.webhookWaitingBaseUrl}/${execution.id}/callback\\?signature=[0-9a-f]{64}$`,
			),
		);
		expect(finished).toEqual([]);

		const answer = await call(`${returnUrl}&code=abc&state=xyz`);
		expect(answer).toMatchObject({ status: 200, body: { signedIn: true } });
		expect(answer.headers.get('access-control-allow-origin')).toBe('*');

		const resumed = await server.finished(execution.id);
		expect(resumed.status).toBe('success');
		expect(jsonOf(resumed, WAIT)).toEqual([{ code: 'abc', state: 'xyz' }]);
		expect(jsonOf(resumed, 'After')).toEqual([{ code: 'abc', state: 'xyz' }]);
		// Before registered its handler on the first run's hooks, which the resumed run has not.
		expect(finished).toEqual(['After']);

		expect(await call(`${returnUrl}&code=again`)).toMatchObject({
			status: 409,
			body: { code: 409, message: `The execution "${execution.id} has finished already.` },
		});
	});

	test('n8n refuses a wrong signature, an unknown execution and an unknown path', async () => {
		const execution = await engine.runWorkflow(waitingWorkflow());
		const returnUrl = returnUrlOf(execution);

		const forged = returnUrl.replace(/signature=\w+/, `signature=${'0'.repeat(64)}`);
		expect(await call(forged)).toMatchObject({ status: 401, body: { error: 'Invalid token' } });
		expect(await call(returnUrl.replace(/signature=\w+/, ''))).toMatchObject({ status: 401 });
		expect(await call(`${server.webhookWaitingBaseUrl}/unknown/callback`)).toMatchObject({
			status: 404,
			body: { code: 404, message: 'The execution "unknown" does not exist.' },
		});
		expect(await call(returnUrl.replace('/callback', '/other'))).toMatchObject({
			status: 404,
			body: {
				message: `The workflow for execution "${execution.id}" does not contain a waiting webhook with a matching path/method.`,
			},
		});
		expect(engine.executions.find(execution.id)?.status).toBe('waiting');
	});

	test('a path appended after the query (…?signature=T/callback) still reaches the webhook', async () => {
		const execution = await engine.runWorkflow(waitingWorkflow({ pathAfterQuery: true }));
		const returnUrl = returnUrlOf(execution);
		expect(returnUrl).toMatch(/\?signature=[0-9a-f]{64}\/callback$/);

		expect(await call(`${returnUrl}&code=abc`)).toMatchObject({ status: 200 });
		expect(jsonOf(await server.finished(execution.id), 'After')).toEqual([{ code: 'abc' }]);
	});

	test('a call that comes before the run stopped to wait gets 409', async () => {
		let early: Awaited<ReturnType<typeof call>> | undefined;
		const execution = await engine.runWorkflow(waitingWorkflow(), async (response) => {
			const location = new URL(String((response as IN8nHttpFullResponse).headers?.location));
			early = await call(`${location.searchParams.get('redirect_uri')}&code=abc`);
		});

		expect(early).toMatchObject({
			status: 409,
			body: { message: `The execution "${execution.id}" is running already.` },
		});
		expect(execution.status).toBe('waiting');
	});

	test('a call while the resumed execution runs gets 409', async () => {
		const execution = await engine.runWorkflow(waitingWorkflow());
		hold = new Promise((resolve) => (release = resolve));
		expect(await call(`${returnUrlOf(execution)}&code=abc`)).toMatchObject({ status: 200 });

		expect(await call(`${returnUrlOf(execution)}&code=abc`)).toMatchObject({
			status: 409,
			body: { message: `The execution "${execution.id}" is running already.` },
		});
		release();
		expect((await server.finished(execution.id)).status).toBe('success');
	});

	test('when waitTill passes without a call, the waiting node passes its input through', async () => {
		const execution = await engine.runWorkflow(waitingWorkflow());

		const resumed = await engine.resumeAfterTimeout(execution);
		expect(resumed.status).toBe('success');
		expect(jsonOf(resumed, WAIT)).toEqual([{ order: 42 }]);
		expect(jsonOf(resumed, 'After')).toEqual([{ order: 42 }]);
		expect(finished).toEqual(['After']);
		expect(await call(returnUrlOf(execution))).toMatchObject({ status: 409 });
	});

	test('an execution that waits indefinitely is resumed only by a call', async () => {
		const execution = await engine.runWorkflow(waitingWorkflow({ waitMs: 0 }));
		expect(execution.waitTill).toEqual(new Date('3000-01-01T00:00:00.000Z'));

		await expect(engine.resumeAfterTimeout(execution)).rejects.toThrow('waits indefinitely');
	});

	test('a webhook() that throws gets a generic 500, and the execution still runs on, failed', async () => {
		const execution = await engine.runWorkflow(waitingWorkflow({ answer: 'throw' }));

		const answer = await call(`${returnUrlOf(execution)}&code=abc`);
		expect(answer).toEqual({
			status: 500,
			headers: expect.anything(),
			body: { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' },
		});

		// n8n resumes with one empty item and the webhook's error as the run's error.
		const resumed = await server.finished(execution.id);
		expect(resumed.error?.message).toBe('The sign-in page sent no code');
		expect(jsonOf(resumed, 'After')).toEqual([{}]);
		expect(await call(`${returnUrlOf(execution)}&code=abc`)).toMatchObject({
			status: 409,
			body: { message: `The execution "${execution.id}" has finished with error.` },
		});
	});

	test('with noWebhookResponse the node answers through getResponseObject()', async () => {
		const execution = await engine.runWorkflow(waitingWorkflow({ answer: 'responseObject' }));

		const answer = await call(`${returnUrlOf(execution)}&code=abc`);
		expect(answer).toMatchObject({ status: 200, body: '<p>Signed in</p>' });
		expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
		expect(jsonOf(await server.finished(execution.id), 'After')).toEqual([{ code: 'abc' }]);
	});

	test('with responseMode responseNode a later Respond to Webhook node answers', async () => {
		const workflow = waitingWorkflow({ responseMode: 'responseNode' }, true);
		const execution = await engine.runWorkflow(workflow);

		const answer = await call(`${returnUrlOf(execution)}&code=abc&state=xyz`);
		expect(answer).toMatchObject({ status: 201, body: { code: 'abc', state: 'xyz' } });
		expect(answer.headers.get('x-answered-by')).toBe('respond-to-webhook');
		expect(answer.headers.get('content-security-policy')).toMatch(/^sandbox /);
		const resumed = await server.finished(execution.id);
		expect(resumed.responses).toEqual([
			{ body: { code: 'abc', state: 'xyz' }, headers: expect.any(Object), statusCode: 201 },
		]);
	});

	test('a waiting webhook without responseData: "" answers the literal text firstEntryJson', async () => {
		const bare = new WaitForCall();
		const [webhook] = bare.description.webhooks!;
		bare.description = { ...bare.description, webhooks: [{ ...webhook, responseData: undefined }] };
		engine = new Engine({ 'test.waitForCall': bare, 'test.finishProbe': finishProbe([]) });
		await server.close();
		server = await engine.startWaitingWebhooks();
		const execution = await engine.runWorkflow(waitingWorkflow());

		expect(await call(`${returnUrlOf(execution)}&code=abc`)).toMatchObject({
			status: 200,
			body: 'firstEntryJson',
		});
	});
});
