/**
 * Calls between the bench and its child processes over Node's IPC channel: the parent sends
 * `{id, method, params}`, the child answers `{id, result}` or `{id, error}`.
 */
export type Api = Record<string, (params: never) => Promise<unknown>>;

export interface CallMessage {
	id: number;
	method: string;
	params: unknown;
}

export interface ReplyMessage {
	id: number;
	result?: unknown;
	error?: { message: string; stack?: string };
}

const SHUTDOWN_GRACE_MS = 3000;

/**
 * Child side: answers calls with `api` and shuts down with `close` when the parent asks
 * (SIGTERM), on Ctrl+C, or when the parent goes away (the IPC channel closes).
 */
export function serve(api: Api, close: () => Promise<void> = async () => {}): void {
	const send = process.send?.bind(process);
	if (!send) throw new Error('Start this file through bench/remote/child.ts (it needs IPC)');

	process.on('message', (message: CallMessage) => {
		const handler = api[message.method] as ((params: unknown) => Promise<unknown>) | undefined;
		const reply = (body: Omit<ReplyMessage, 'id'>) => {
			if (process.connected) send({ id: message.id, ...body });
		};
		if (!handler) {
			reply({ error: { message: `No method "${message.method}"` } });
			return;
		}
		handler(message.params).then(
			(result) => reply({ result }),
			(error: unknown) =>
				reply({
					error:
						error instanceof Error
							? { message: error.message, stack: error.stack }
							: { message: String(error) },
				}),
		);
	});

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
		close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.on('disconnect', stop);
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}
