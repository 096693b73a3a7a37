import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { Api, CallMessage, ReplyMessage } from './ipc';

const TSCONFIG = join(__dirname, '..', '..', 'tsconfig.test.json');
const CALL_TIMEOUT_MS = 15 * 60_000;
const EXIT_GRACE_MS = 5000;

/** A child process running one of the `*.process.ts` files, called through `call`. */
export interface Child<A extends Api> {
	call<M extends keyof A & string>(method: M, ...params: Parameters<A[M]>): ReturnType<A[M]>;
	close(): Promise<void>;
}

/** Environment for a child: added to the bench's own; `undefined` removes a variable. */
export type ChildEnv = Record<string, string | undefined>;

/** Children started by the bench; `closeAll` ends every one of them, newest first. */
export class ChildProcesses {
	private readonly children: Array<Child<Api>> = [];

	start<A extends Api>(name: string, file: string, env: ChildEnv = {}): Child<A> {
		const child = startChild<A>(name, file, env);
		this.children.push(child as unknown as Child<Api>);
		return child;
	}

	async closeAll(): Promise<void> {
		const children = this.children.splice(0).reverse();
		await Promise.allSettled(children.map(async (child) => await child.close()));
	}
}

function startChild<A extends Api>(name: string, file: string, extraEnv: ChildEnv): Child<A> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		// The TypeScript sources run as they do under `npm run bench`.
		TS_NODE_PROJECT: TSCONFIG,
		TS_NODE_TRANSPILE_ONLY: 'true',
		TS_NODE_PREFER_TS_EXTS: 'true',
	};
	for (const [key, value] of Object.entries(extraEnv)) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	const child: ChildProcess = fork(file, [], {
		execArgv: ['--require', require.resolve('ts-node/register')],
		env,
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});

	let nextId = 1;
	let exited: Error | undefined;
	const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
	const exit = new Promise<void>((resolve) => {
		const end = (reason: Error) => {
			exited ??= reason;
			for (const call of pending.values()) call.reject(exited);
			pending.clear();
			resolve();
		};
		child.once('exit', (code, signal) =>
			end(new Error(`${name} exited (${signal ?? `code ${code}`})`)),
		);
		child.once('error', (error) => end(new Error(`${name}: ${error.message}`)));
	});

	child.on('message', (message: ReplyMessage) => {
		const call = pending.get(message.id);
		if (!call) return;
		pending.delete(message.id);
		if (!message.error) {
			call.resolve(message.result);
			return;
		}
		const error = new Error(`${name}: ${message.error.message}`);
		if (message.error.stack) error.stack = `${name}: ${message.error.stack}`;
		call.reject(error);
	});

	/** Sends one call; resolves with the child's answer (checked by the child's own types). */
	const send = async (method: string, params: unknown): Promise<unknown> => {
		if (exited) throw exited;
		const id = nextId++;
		const message: CallMessage = { id, method, params };
		return await new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				pending.delete(id);
				reject(new Error(`${name}: ${method} took longer than ${CALL_TIMEOUT_MS / 60_000} min`));
			}, CALL_TIMEOUT_MS);
			pending.set(id, {
				resolve: (value) => {
					clearTimeout(timer);
					resolve(value);
				},
				reject: (error) => {
					clearTimeout(timer);
					pending.delete(id);
					reject(error);
				},
			});
			child.send(message, (error) => {
				if (error) pending.get(id)?.reject(new Error(`${name}: ${error.message}`));
			});
		});
	};

	return {
		call: <M extends keyof A & string>(method: M, ...params: Parameters<A[M]>) =>
			send(method, params[0]) as ReturnType<A[M]>,
		close: async () => {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS);
				await exit;
				clearTimeout(timer);
			}
		},
	};
}
